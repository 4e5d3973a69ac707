#pragma once
// Frequency masks on the centred layout: H×W of 0/1, 1 = coefficient kept (DESIGN.md §3), or for
// the soft-edged filters and masks given as images, a gain in [0, 1] per coefficient.
#include <cstdint>
#include <vector>

#include "core/spectral/mask_spec.h"
#include "core/spectral/spectrum.h"

namespace folk {

struct Mask {
  int height = 0;
  int width = 0;
  std::vector<std::uint8_t> keep;  // H×W row-major, centred, 1 = kept (for a soft mask: gain >= 0.5)
  // A soft mask's gain per coefficient, H×W centred, in [0, 1]; empty for a 0/1 mask, whose gain
  // is `keep`. Symmetric under k -> -k like `keep`, so filtered images stay real.
  std::vector<float> gain;
  std::int64_t keptCount() const;
  bool soft() const { return !gain.empty(); }
  float gainAt(std::size_t i) const { return gain.empty() ? float(keep[i]) : gain[i]; }
};

// The centred index of the conjugate partner -k of the coefficient at centred index `index` along
// an axis of `size` coefficients (frequency index - size/2 = offset; the partner has -offset).
inline int partnerIndex(int index, int size) { return ((2 * (size / 2) - index) % size + size) % size; }

// Builds the mask for `spec`. Com/RCom use the spectrum's magnitudes; LowPass/HighPass only its
// size. Throws std::invalid_argument when validateMaskSpec(spec) is not empty.
Mask computeMask(const MaskSpec& spec, const LumaSpectrum& spectrum);
// The same from the spectrum's ranking keys (magnitudeKeys), for callers that keep them; `keys` is
// read only by the kinds that use a ratio and may be empty for the others.
Mask computeMaskFromKeys(const MaskSpec& spec, int height, int width, const std::vector<std::int64_t>& keys);

// k = max(1, ceil(ratio * n)), the number of coefficients Com(ratio) keeps before ties. The product
// is rounded to 1e-9 first so that e.g. 0.01 * 10000 (= 100.00000000000001 in binary) gives 100.
// The torch path uses this same function.
std::int64_t comKeepCount(double ratio, std::int64_t n);

// Com on precomputed keys (magnitudeKeys): keeps every key >= the k-th largest,
// k = max(1, ceil(ratio * N)). Exposed so the GUI can re-threshold without a new FFT.
std::vector<std::uint8_t> comMaskFromKeys(const std::vector<std::int64_t>& keys, double ratio,
                                          ThresholdMode mode);

std::vector<std::uint8_t> lowPassMask(int height, int width, double radius);

// The soft kinds' transfer function before the complement, H×W centred, for a resolved spec
// (resolvedSpec): D is the distance from the centre, D0 = C0 = spec.radius, W = spec.bandWidth,
// n = spec.order, q = (D² - C0²) / (D W):
//   Gaussian low-pass exp(-D² / 2D0²), band-pass exp(-q²);
//   Butterworth low-pass 1 / (1 + (D/D0)^2n), band-pass 1 / (1 + q^2n).
// Band-pass is 0 at D = 0 and 1 on the ring D = C0. Throws std::invalid_argument for a kind that
// is not soft.
std::vector<float> softTransfer(const MaskSpec& spec, int height, int width);

// A mask from given weights (H×W centred, each in [0, 1]; a mask image's grey levels): made
// symmetric under k -> -k by averaging each pair, which is what taking the real part of the
// filtered image does anyway. All 0/1 after that gives a 0/1 mask, anything else a soft one.
// `averaged`, when given, is set to whether any pair differed. Throws std::invalid_argument for a
// size that is not H×W or a weight outside [0, 1].
Mask maskFromWeights(int height, int width, const std::vector<float>& weights, bool* averaged = nullptr);

// Hand-drawn pass and stop regions on top of a mask: each coefficient is left as the filter made
// it, or forced to pass (gain 1) or to stop (gain 0). Painting keeps the edits symmetric: every
// coefficient painted brings its conjugate partner along.
enum class MaskEdit : std::int8_t { None = -1, Stop = 0, Pass = 1 };
struct MaskEdits {
  int height = 0;
  int width = 0;
  std::vector<MaskEdit> value;  // H×W centred
  MaskEdits() = default;
  MaskEdits(int h, int w) : height(h), width(w), value(std::size_t(h) * std::size_t(w), MaskEdit::None) {}
  bool empty() const;  // no coefficient is forced
};
// Forces the coefficients within `radius` bins of (row, column) (centred, fractional) and their
// partners to `edit` (MaskEdit::None erases). Returns how many entries changed.
std::int64_t paintDisc(MaskEdits& edits, double row, double column, double radius, MaskEdit edit);
// Applies the edits to `mask` (same size, else std::invalid_argument). A soft mask stays soft; a
// 0/1 mask stays 0/1.
void applyEdits(Mask& mask, const MaskEdits& edits);

}  // namespace folk
