#pragma once
// The EXIF orientation of a picture (JPEG's APP1 "Exif" segment, PNG's eXIf chunk) and the turn or
// mirror that shows the stored pixels as the camera meant them, applied as OpenCV applies it.
#include <cstddef>
#include <cstdint>

#include "core/data/image.h"

namespace folk {

// The orientation (1-8) in a JPEG APP1 "Exif" payload, 1 when it has none or cannot be read.
int exifOrientation(const std::uint8_t* app1, std::size_t size);
// The same from the TIFF structure itself (a PNG eXIf chunk holds it without the "Exif" prefix).
int tiffExifOrientation(const std::uint8_t* tiff, std::size_t size);

// Turns an image as stored into the image as seen, for EXIF orientation 1-8 (others: unchanged).
Image applyExifOrientation(Image stored, int orientation);

}  // namespace folk
