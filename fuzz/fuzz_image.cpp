// libFuzzer target: the image-loading path (decodeImage: the pixel budget checked from the header,
// OpenCV's decoders, then our conversion of depth, channels and orientation). An input either
// decodes to a 1- or 3-channel image within the budget with every value finite in [0,1], or is an
// ImageFileError. The budget is small here so that no input can make the fuzzer run out of memory.
//
// OpenCV's own limit (OPENCV_IO_MAX_IMAGE_PIXELS, read once when OpenCV loads, so it cannot be set
// from here) is set to the same budget by run-fuzzers.sh and the replay tests: for the formats whose
// headers we do not read it is what refuses a huge claim. For those we do read (PNG, JPEG, TIFF,
// BMP, Sun raster) our header check must refuse it first: OpenCV's limit stopping one of those
// means the two disagree about the size, which the default limit (2^30 pixels) would have let
// through - a finding.
#include <cstdlib>
#include <string>
#include <vector>

#include "core/data/image_file.h"
#include "core/data/image_header.h"

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
  } catch (const folk::ImageFileError& e) {
    const bool openCvLimit = std::string(e.what()).find("CV_IO_MAX_IMAGE_") != std::string::npos;
    if (openCvLimit && folk::claimedImageSize(bytes).format != nullptr) std::abort();
  }
  return 0;
}
