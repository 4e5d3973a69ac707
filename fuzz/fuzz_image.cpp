// libFuzzer target: the image-loading path (decodeImage: the pixel budget checked from the header,
// OpenCV's decoders, then our conversion of depth, channels and orientation). An input either
// decodes to a 1- or 3-channel image within the budget with every value finite in [0,1], or is an
// ImageFileError. The budget is small here so that no input can make the fuzzer run out of memory.
#include <cstdlib>
#include <vector>

#include "core/data/image_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::vector<std::uint8_t> bytes(data, data + size);
  folk::ImageLoadOptions options;
  options.maxPixels = std::int64_t(1) << 20;
  try {
    const auto image = folk::decodeImage(bytes, "fuzz-input", options);
    if (image.channels != 1 && image.channels != 3) std::abort();
    if (image.height <= 0 || image.width <= 0 || std::int64_t(image.height) * image.width > options.maxPixels) std::abort();
    if (image.pixels.size() != std::size_t(image.channels) * image.planeSize()) std::abort();
    for (const float v : image.pixels) {
      if (!(v >= 0.0f && v <= 1.0f)) std::abort();
    }
  } catch (const folk::ImageFileError&) {
  }
  return 0;
}
