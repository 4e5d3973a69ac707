#pragma once
// What an image file's bytes claim before anything is decoded: the pixel size a header declares
// (so a decompression bomb is refused before a decoder allocates for it) and whether a JPEG was cut
// short (libjpeg would decode it without an error, the missing rows grey).
#include <cstdint>
#include <vector>

namespace folk {

struct ClaimedSize {
  std::int64_t width = 0;
  std::int64_t height = 0;
  bool known() const { return width > 0 && height > 0; }
};

// The size a PNG's IHDR or a JPEG's frame header declares; unknown (0x0) for other formats and for
// headers the decoder itself would reject. A JPEG is read by libjpeg's own header parser, the one
// OpenCV decodes with, so both always agree on which frame counts however malformed the file is.
ClaimedSize claimedImageSize(const std::vector<std::uint8_t>& bytes);

// True for a JPEG with no end-of-image marker after its first top-level start-of-scan.
bool isTruncatedJpeg(const std::vector<std::uint8_t>& bytes);

}  // namespace folk
