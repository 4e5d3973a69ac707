#pragma once
// JPEG decoding with libjpeg(-turbo) itself rather than through OpenCV, so that what libjpeg has
// to say reaches us instead of stderr: OpenCV's decoder leaves libjpeg's default message handler
// in place, which prints "Corrupt JPEG data: ..." for every damaged file. Here a warning that means
// damaged compressed data (the picture would be partly grey or smeared) refuses the file with that
// message; the harmless ones (extraneous bytes before a marker, an unknown JFIF revision) are
// silent. The EXIF orientation is applied as OpenCV applies it; CMYK (Adobe's inverted form, as
// Photoshop writes it) is converted to RGB; greyscale stays one channel.
#include <cstdint>
#include <string>
#include <vector>

#include "core/data/image.h"

namespace folk {

// Decodes a JPEG (the bytes start with FF D8 FF) to samples in [0,1]. Throws ImageFileError naming
// `name` when libjpeg cannot decode it, its data are damaged, or it has more than maxPixels pixels.
Image decodeJpeg(const std::vector<std::uint8_t>& bytes, const std::string& name, std::int64_t maxPixels);

}  // namespace folk
