#pragma once
// A mask given as a file, for `folk mask --mask-file` and Explore's "Load mask…": a greyscale image
// in any format the workbench reads (white passes, black stops, grey levels pass part), or a NumPy
// .npy array H×W of uint8 0/1 or float32/float64 weights in [0, 1]. Both use the centred layout of
// the workbench's own *_mask.png and *_mask.npy, so a mask written by `folk mask` or exported from
// Explore reads back as itself.
#include <string>

#include "core/spectral/mask.h"

namespace folk {

struct MaskFile {
  Mask mask;              // symmetric (maskFromWeights)
  bool averaged = false;  // the file was not symmetric under k -> -k and its pairs were averaged
};

// Throws ImageFileError naming the file and what is wrong with it: unreadable, not greyscale, an
// .npy of another shape or dtype, a weight outside [0, 1].
MaskFile readMaskFile(const std::string& path);

// Refuses (ImageFileError for `imagePath`) an image whose size differs from the mask's.
void checkMaskFitsImage(const Mask& mask, const std::string& maskPath, int imageHeight, int imageWidth,
                        const std::string& imagePath);

}  // namespace folk
