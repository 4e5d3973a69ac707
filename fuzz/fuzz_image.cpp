// libFuzzer target: the image-loading path (decodeImage: the format allowlist and the pixel budget
// checked from the header, OpenCV's decoders, then our conversion of depth, channels and
// orientation). An input either decodes to a 1- or 3-channel image within the budget with every
// value finite in [0,1], or is an ImageFileError. The budget is small here so that no input can
// make the fuzzer run out of memory.
//
// Only the allowlisted formats may reach OpenCV: just before it decodes, the bytes must start with
// the signature of PNG, JPEG, TIFF, BMP, WebP or PNM/PAM/PFM, written out here once more from the
// file format specifications (not taken from image_format.cpp), and must not carry DICOM's "DICM"
// at offset 128 (OpenCV would pass them to GDCM). Anything else getting there aborts.
//
// OpenCV's own limit (OPENCV_IO_MAX_IMAGE_PIXELS, read once when OpenCV loads, so it cannot be set
// from here) is set to the same budget by run-fuzzers.sh and the replay tests: for the formats whose
// headers we do not read (WebP, PNM, PAM, PFM) it is what refuses a huge claim. For those we do read
// (PNG, JPEG, TIFF, BMP) our header check must refuse it first: OpenCV's limit stopping one of those
// means the two disagree about the size, which the default limit (2^30 pixels) would have let
// through - a finding.
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "core/data/image_file.h"
#include "core/data/image_header.h"

namespace {

bool startsWith(const std::vector<std::uint8_t>& b, const void* signature, std::size_t length) {
  return b.size() >= length && std::memcmp(b.data(), signature, length) == 0;
}

bool isAllowlisted(const std::vector<std::uint8_t>& b) {
  if (b.size() >= 132 && std::memcmp(b.data() + 128, "DICM", 4) == 0) return false;
  const unsigned char png[] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  const unsigned char jpeg[] = {0xFF, 0xD8, 0xFF};
  const unsigned char tiff[][4] = {{'I', 'I', 42, 0}, {'M', 'M', 0, 42}, {'I', 'I', 43, 0}, {'M', 'M', 0, 43}};
  if (startsWith(b, png, sizeof png) || startsWith(b, jpeg, sizeof jpeg) || startsWith(b, "BM", 2)) return true;
  for (const auto& t : tiff)
    if (startsWith(b, t, 4)) return true;
  if (b.size() >= 12 && startsWith(b, "RIFF", 4) && std::memcmp(b.data() + 8, "WEBP", 4) == 0) return true;
  // Netpbm: P1-P6 (PNM), P7 (PAM), PF / Pf (PFM), then white space.
  return b.size() >= 3 && b[0] == 'P' && std::strchr("1234567Ff", b[1]) != nullptr && b[1] != 0 &&
         std::isspace(b[2]) != 0;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::vector<std::uint8_t> bytes(data, data + size);
  folk::ImageLoadOptions options;
  options.maxPixels = std::int64_t(1) << 20;
  options.beforeDecoder = [](const std::vector<std::uint8_t>& input, const char*) {
    if (!isAllowlisted(input)) std::abort();
  };
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
