#pragma once
// What an image file's bytes claim before anything is decoded: the pixel size a header declares
// (so a decompression bomb is refused before a decoder allocates for it), whether a JPEG or TIFF was
// cut short, and whether a TIFF's compressed data were damaged: OpenCV's decoders would return
// grey, black or garbled rows for those without an error.
#include <cstdint>
#include <string>
#include <vector>

namespace folk {

struct ClaimedSize {
  // The format whose header was read ("PNG", "JPEG", "TIFF", "BMP"), or nullptr for the other
  // readable formats (image_format.h): WebP cannot exceed 16383x16383 pixels; PNM, PAM and PFM
  // hold raw samples, so a decoder touches memory only for the samples a file really holds.
  const char* format = nullptr;
  std::int64_t width = 0;
  std::int64_t height = 0;
  bool known() const { return width > 0 && height > 0; }
};

// The size the header of a PNG, JPEG, TIFF or BMP file declares for the image OpenCV
// would decode (a TIFF's first page). Unknown (0x0) when the header is one the decoder itself would
// reject. JPEG and TIFF headers are read by libjpeg and libtiff, the libraries OpenCV decodes them
// with, so both always agree on the size however malformed the file is; the others have fixed
// fields that are read the way OpenCV's own decoders read them.
ClaimedSize claimedImageSize(const std::vector<std::uint8_t>& bytes);

// True for a JPEG with no end-of-image marker after its first top-level start-of-scan.
bool isTruncatedJpeg(const std::vector<std::uint8_t>& bytes);

// True for a TIFF whose first page's strips or tiles (as libtiff reads the directory) reach past
// the end of the bytes: the file was cut short. OpenCV's decoder fails on it and prints the
// failure on stderr itself.
bool isTruncatedTiff(const std::vector<std::uint8_t>& bytes);

// Empty when libtiff decodes every strip or tile of a TIFF's first page without an error (and for
// anything that is not a TIFF); otherwise which strip or tile failed, in libtiff's words. Damaged
// deflate or LZW data (a faulty copy, a bit flip) makes OpenCV's TIFF decoder return black or
// garbled rows without an error, so every compressed block is decoded once here, with libtiff's
// messages kept by this handle's own handlers. Uncompressed and PackBits data carry no check a
// decoder could use: a change inside them cannot be noticed.
std::string damagedTiffData(const std::vector<std::uint8_t>& bytes);

// Empty unless the bytes are a TIFF whose first page uses a compression this libtiff does not
// decode (e.g. JPEG 2000 inside a TIFF); then a sentence saying so, naming the scheme.
std::string unsupportedTiffCompression(const std::vector<std::uint8_t>& bytes);

}  // namespace folk
