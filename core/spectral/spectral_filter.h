#pragma once
// Per-channel filtering: x~_c = clamp(Re(ifft2(ifftshift(M * F(x_c)))), 0, 1) (DESIGN.md §3),
// with single-precision FFTW real-to-complex transforms (plans cached per size, thread-safe).
#include <complex>
#include <vector>

#include "core/data/image.h"
#include "core/spectral/mask.h"

namespace folk {

struct FilterOutput {
  Image filtered;          // clamped to [0,1]
  double retainedEnergy;   // sum over channels of |M F(x_c)|^2 / |F(x_c)|^2 (1 for a black image)
};

// The unshifted half spectra H×(W/2+1) of every channel (single-precision real-to-complex FFTs).
// Computed once per image, they let the Explore workspace re-filter for a new rho with inverse
// transforms only.
struct ChannelSpectra {
  int channels = 0;
  int height = 0;
  int width = 0;
  std::vector<std::complex<float>> coeffs;  // channels × H × (W/2+1)
};
ChannelSpectra computeChannelSpectra(const Image& image);

// Throws std::invalid_argument if the mask size differs from the image size.
FilterOutput applyMask(const Image& image, const Mask& mask);
FilterOutput applyMask(const ChannelSpectra& spectra, const Mask& mask);

// 10 log10(1 / MSE) over all samples; +infinity when the images are identical.
double psnr(const Image& reference, const Image& test);

}  // namespace folk
