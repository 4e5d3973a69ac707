#pragma once
// The centred luma spectrum of an image, computed with FFTW (DESIGN.md §3):
// F(y) = fftshift(fft2(y)), zero frequency at (H/2, W/2), y = 0.299 R + 0.587 G + 0.114 B.
#include <cstdint>
#include <vector>

#include "core/data/image.h"

namespace folk {

// y = 0.299 R + 0.587 G + 0.114 B (C = 3) or the channel itself (C = 1); H×W row-major.
std::vector<float> luma(const Image& image);

struct LumaSpectrum {
  int height = 0;
  int width = 0;
  // |F(y)| in the centred layout, H×W row-major. Computed in double precision from a
  // real-to-complex FFT and expanded by conjugate symmetry, so |F(k)| == |F(-k)| exactly.
  std::vector<double> magnitude;
};

LumaSpectrum computeLumaSpectrum(const Image& image);

// log(1 + |F|) for display, H×W row-major, centred.
std::vector<float> logMagnitude(const LumaSpectrum& spectrum);

// Index in the centred layout of the frequency -k for the coefficient at (row, col):
// the partner that conjugate symmetry pairs it with (itself for DC and Nyquist corners).
inline int mirroredRow(int row, int height) { return ((2 * (height / 2) - row) % height + height) % height; }
inline int mirroredCol(int col, int width) { return ((2 * (width / 2) - col) % width + width) % width; }

// Magnitudes are ranked on an integer grid of 2^-40 of the largest magnitude:
// key = round_half_even(|F| * 2^40 / max|F|) (all 0 when max is 0). The grid is far finer than any
// real difference between coefficients, yet coarser than double-precision FFT rounding noise, so
// every FFT implementation (FFTW here, LibTorch on any device) ranks the same image the same way and
// "ties" (a constant image, an impulse whose |F| is 1 everywhere) are true ties: rounding to the
// nearest grid point, unlike floor, keeps values a rounding error either side of the maximum (or of
// any exact grid value) together. The torch path uses the same rule.
constexpr int kMagnitudeKeyBits = 40;
std::vector<std::int64_t> magnitudeKeys(const std::vector<double>& magnitude);

}  // namespace folk
