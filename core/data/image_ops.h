#pragma once
// Pixel operations on folk::Image used by the augmentation and evaluation transforms. All keep
// values in [0,1]. Geometry uses OpenCV (area averaging when shrinking, bilinear when enlarging).
#include "core/data/image.h"

namespace folk {

// An axis-aligned box inside an image.
struct CropBox {
  int top = 0, left = 0, height = 0, width = 0;
};

// 1 -> 3 repeats the plane; 3 -> 1 takes the luma 0.299 R + 0.587 G + 0.114 B (DESIGN.md §3).
Image convertChannels(const Image& image, int channels);

// Crops `box` and resizes it to outHeight×outWidth, writing C planes to `out` (C*outH*outW floats).
void cropResizeInto(const Image& image, const CropBox& box, int outHeight, int outWidth, float* out);

// Resizes so the shorter side is `shorter` (aspect kept), then takes the centred size×size crop.
Image resizeCentreCrop(const Image& image, int shorter, int size);

// In-place operations on C planes of h×w floats (C = 1 or 3) in [0,1].
void flipHorizontal(float* planes, int channels, int height, int width);
void adjustBrightness(float* planes, int channels, int height, int width, float factor);
void adjustContrast(float* planes, int channels, int height, int width, float factor);
void adjustSaturation(float* planes, int height, int width, float factor);   // RGB only
void adjustHue(float* planes, int height, int width, float shift);           // RGB only, shift in turns [-0.5,0.5]
void toGreyscale(float* planes, int height, int width);                      // RGB -> luma in all 3 planes
void gaussianBlur(float* planes, int channels, int height, int width, double sigma);
void solarize(float* planes, int channels, int height, int width, float threshold = 0.5f);
void fillBox(float* planes, int channels, int height, int width, const CropBox& box, float value);

}  // namespace folk
