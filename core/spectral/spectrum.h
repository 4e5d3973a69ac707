#pragma once
// The centred luma spectrum of an image, computed with FFTW (DESIGN.md §3):
// F(y) = fftshift(fft2(y)), zero frequency at (H/2, W/2), y = 0.299 R + 0.587 G + 0.114 B.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
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

// The spectrum of the luma tapered by a 2-D Hann window (NumPy's np.hanning along each axis, their
// outer product), each windowed sample rounded to float as images are stored. The image's borders
// no longer draw a cross through the spectrum; for looking at it only: the masks are defined on
// the image as it is (DESIGN.md §3).
LumaSpectrum computeHannLumaSpectrum(const Image& image);

// F(y) unshifted on FFTW's real-to-complex half layout, H×(W/2+1) complex doubles interleaved
// (re, im), as computeLumaSpectrum and the fused pipeline (mask_pipeline.h) both compute it, with
// the same FFTW plan, so their magnitudes agree bit for bit. `out` must come from fftw_malloc
// (fftw_buffer.h) and hold 2·H·(W/2+1) doubles; the transform runs in place there. When
// `sumOfSquares` is given, it receives Σx² of each channel (C values), summed in double on the way:
// the pass reads every sample anyway, and a second pass over the planes would read them from memory.
void computeHalfLumaSpectrum(const Image& image, double* out, double* sumOfSquares = nullptr);

// Calls fn(i, j) for each pair of half-layout indices that hold the two members of a conjugate pair
// (columns 0 and W/2 for even W: FFTW computes both members separately, and rounding can make their
// magnitudes differ in the last bit). Callers make the pair equal, taking the larger value.
template <typename Fn>
void forEachStoredConjugatePair(int height, int width, Fn fn) {
  const std::size_t hw = std::size_t(width) / 2 + 1;
  const int columns[2] = {0, width / 2};
  for (int k = 0; k < (width % 2 == 0 ? 2 : 1); ++k)
    for (int r = 1; r < height - r; ++r)
      fn(std::size_t(r) * hw + std::size_t(columns[k]), std::size_t(height - r) * hw + std::size_t(columns[k]));
}

// |F| on the half layout with conjugate pairs made equal: H×(W/2+1) values into `magnitude`.
// Returns the largest (NaNs skipped).
double halfMagnitude(const double* half, int height, int width, double* magnitude);

// dst[j] = src[-j] for j in [0, count): `count` values read backwards from src. Bytes go eight at a
// time through a byte swap of a 64-bit word (a reversed byte loop does not vectorise on baseline
// x86-64); other types element by element.
template <typename T>
inline void copyReversed(const T* src, T* dst, int count) {
  int j = 0;
  if constexpr (sizeof(T) == 1) {
    for (; j + 8 <= count; j += 8) {
      std::uint64_t word;
      std::memcpy(&word, src - j - 7, sizeof word);
      word = __builtin_bswap64(word);
      std::memcpy(dst + j, &word, sizeof word);
    }
  }
  for (; j < count; ++j) dst[j] = src[-j];
}

// A half-layout H×(W/2+1) array whose conjugate pairs hold equal values, expanded by conjugate
// symmetry (value(-k) = value(k)) straight into the centred H×W layout: unshifted (r, c) goes to
// ((r + H/2) % H, (c + W/2) % W); columns c >= W/2+1 are the partners of row -r.
template <typename T>
void expandHalfToCentred(const T* half, int height, int width, T* full) {
  const int hw = width / 2 + 1, shift = width / 2;
  for (int r = 0; r < height; ++r) {
    T* dst = full + std::size_t((r + height / 2) % height) * width;
    const T* src = half + std::size_t(r) * hw;
    const T* mirror = half + std::size_t((height - r) % height) * hw;
    // Three straight runs rather than one loop with a modulo per element: this runs on every image.
    const int straight = std::min(hw, width - shift);
    std::memcpy(dst + shift, src, sizeof(T) * std::size_t(straight));                 // stored half
    std::memcpy(dst, src + straight, sizeof(T) * std::size_t(hw - straight));          // wrapped stored
    copyReversed(mirror + (width - hw), dst + (hw + shift - width), width - hw);        // partners
  }
}

// |F| on the half layout with conjugate pairs made equal, expanded to the centred full layout.
std::vector<double> centredMagnitudeFromHalf(const double* half, int height, int width);

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
