#pragma once
// PNG decoding with libpng itself rather than through OpenCV, so that libpng's errors and warnings
// reach us instead of stderr: OpenCV's PNG reader installs no handlers, and libpng prints
// "libpng error: IDAT: incorrect data check" and the like for damaged files before OpenCV gives
// up. Here an error refuses the file with libpng's words and warnings are silent. Decoded as
// OpenCV decodes with IMREAD_ANYDEPTH | IMREAD_ANYCOLOR: 16-bit samples kept (scaled to [0,1] by
// 65535), palettes expanded to RGB, 1-, 2- and 4-bit grey expanded, alpha and tRNS dropped,
// greyscale kept as one channel, no gamma or colour correction, the eXIf orientation applied.
#include <cstdint>
#include <string>
#include <vector>

#include "core/data/image.h"

namespace folk {

// Decodes a PNG (the bytes start with the PNG signature) to samples in [0,1]. Throws ImageFileError
// naming `name` when libpng cannot decode it or it has more than maxPixels pixels.
Image decodePng(const std::vector<std::uint8_t>& bytes, const std::string& name, std::int64_t maxPixels);

}  // namespace folk
