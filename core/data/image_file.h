#pragma once
// Reading and writing image files with OpenCV (JPEG with libjpeg itself, jpeg_decode.h). The
// formats of image_format.h are read (anything else is refused before a decoder sees it) and
// converted as DESIGN.md §3 says: alpha dropped, 16-bit scaled to [0,1], palette expanded,
// BGR -> RGB, greyscale kept as one channel.
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/data/image.h"

namespace folk {

// Thrown for any file that cannot be used; what() names the file, says what is wrong and what to do.
class ImageFileError : public std::runtime_error {
 public:
  ImageFileError(const std::string& path, const std::string& reason);
  const std::string& path() const { return path_; }
  const std::string& reason() const { return reason_; }

 private:
  std::string path_;
  std::string reason_;
};

struct ImageLoadOptions {
  // Images with more pixels than this are refused before decoding (decompression bombs).
  std::int64_t maxPixels = std::int64_t(1) << 28;
  // Called with the bytes a decoder (OpenCV's, or libjpeg for JPEG) is about to decode and the
  // format they were recognised as, right before it sees them (fuzz_image checks with it that
  // nothing outside the allowlist gets there).
  std::function<void(const std::vector<std::uint8_t>& bytes, const char* format)> beforeDecoder;
};

Image loadImage(const std::string& path, const ImageLoadOptions& options = {});

// Decodes an image from bytes in memory (same rules as loadImage); `name` is used in errors.
Image decodeImage(const std::vector<std::uint8_t>& bytes, const std::string& name,
                  const ImageLoadOptions& options = {});

// Writes an 8-bit PNG (1 or 3 channels), values clamped to [0,1]. Written to a temporary name and
// renamed, so a crash never leaves a half-written file. Throws ImageFileError on failure.
void savePng(const Image& image, const std::string& path);

// Writes 8-bit RGB pixels (interleaved, H×W×3) as PNG, atomically as above.
void savePngRgb8(const std::uint8_t* rgb, int height, int width, const std::string& path);

}  // namespace folk
