#include "core/data/exif_orientation.h"

#include <cstring>
#include <utility>

namespace folk {
namespace {

std::uint32_t readUnsigned(const std::uint8_t* p, int bytes, bool bigEndian) {
  std::uint32_t value = 0;
  for (int i = 0; i < bytes; ++i) value |= std::uint32_t(p[bigEndian ? i : bytes - 1 - i]) << (8 * (bytes - 1 - i));
  return value;
}

}  // namespace

int exifOrientation(const std::uint8_t* app1, std::size_t size) {
  // "Exif\0\0", then the TIFF structure.
  constexpr std::size_t kPrefix = 6;
  if (size < kPrefix || std::memcmp(app1, "Exif\0\0", kPrefix) != 0) return 1;
  return tiffExifOrientation(app1 + kPrefix, size - kPrefix);
}

int tiffExifOrientation(const std::uint8_t* tiff, std::size_t length) {
  // A TIFF header: byte order, 42, the offset of the first directory (IFD0).
  if (length < 8) return 1;
  const bool big = tiff[0] == 'M' && tiff[1] == 'M';
  if (!big && !(tiff[0] == 'I' && tiff[1] == 'I')) return 1;
  if (readUnsigned(tiff + 2, 2, big) != 42) return 1;
  const std::uint32_t ifd = readUnsigned(tiff + 4, 4, big);
  if (ifd > length || length - ifd < 2) return 1;
  const std::uint32_t entries = readUnsigned(tiff + ifd, 2, big);
  for (std::uint32_t i = 0; i < entries; ++i) {
    const std::size_t entry = std::size_t(ifd) + 2 + 12 * std::size_t(i);
    if (entry + 12 > length) return 1;
    if (readUnsigned(tiff + entry, 2, big) != 0x0112) continue;  // Orientation, a SHORT
    if (readUnsigned(tiff + entry + 2, 2, big) != 3) return 1;
    const std::uint32_t orientation = readUnsigned(tiff + entry + 8, 2, big);
    return orientation >= 1 && orientation <= 8 ? int(orientation) : 1;
  }
  return 1;
}

Image applyExifOrientation(Image stored, int orientation) {
  if (orientation < 2 || orientation > 8) return stored;
  const int w = stored.width, h = stored.height;
  const bool swaps = orientation >= 5;  // 5-8 turn the picture by a quarter: width and height swap
  Image seen(stored.channels, swaps ? w : h, swaps ? h : w);
  for (int c = 0; c < stored.channels; ++c) {
    for (int y = 0; y < seen.height; ++y) {
      for (int x = 0; x < seen.width; ++x) {
        int sx = x, sy = y;  // where the seen pixel (x, y) is stored
        switch (orientation) {
          case 2: sx = w - 1 - x; break;                     // mirrored left-right
          case 3: sx = w - 1 - x; sy = h - 1 - y; break;     // turned 180°
          case 4: sy = h - 1 - y; break;                     // mirrored top-bottom
          case 5: sx = y; sy = x; break;                     // transposed
          case 6: sx = y; sy = h - 1 - x; break;             // to be turned 90° clockwise
          case 7: sx = w - 1 - y; sy = h - 1 - x; break;     // transversed
          case 8: sx = w - 1 - y; sy = x; break;             // to be turned 90° anticlockwise
          default: break;
        }
        seen.at(c, y, x) = stored.at(c, sy, sx);
      }
    }
  }
  return seen;
}


}  // namespace folk
