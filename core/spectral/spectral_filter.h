#pragma once
// Per-channel filtering: x~_c = clamp(Re(ifft2(ifftshift(M * F(x_c)))), 0, 1) (DESIGN.md §3),
// with single-precision FFTW real-to-complex transforms (plans cached per size, thread-safe).
#include "core/data/image.h"
#include "core/spectral/mask.h"

namespace folk {

struct FilterOutput {
  Image filtered;          // clamped to [0,1]
  double retainedEnergy;   // sum over channels of |M F(x_c)|^2 / |F(x_c)|^2 (1 for a black image)
};

// Throws std::invalid_argument if the mask size differs from the image size.
FilterOutput applyMask(const Image& image, const Mask& mask);

// 10 log10(1 / MSE) over all samples; +infinity when the images are identical.
double psnr(const Image& reference, const Image& test);

}  // namespace folk
