#pragma once
// Frequency masks on the centred layout: H×W of 0/1, 1 = coefficient kept (DESIGN.md §3).
#include <cstdint>
#include <vector>

#include "core/spectral/mask_spec.h"
#include "core/spectral/spectrum.h"

namespace folk {

struct Mask {
  int height = 0;
  int width = 0;
  std::vector<std::uint8_t> keep;  // H×W row-major, centred, 1 = kept
  std::int64_t keptCount() const;
};

// Builds the mask for `spec`. Com/RCom use the spectrum's magnitudes; LowPass/HighPass only its
// size. Throws std::invalid_argument when validateMaskSpec(spec) is not empty.
Mask computeMask(const MaskSpec& spec, const LumaSpectrum& spectrum);

// k = max(1, ceil(ratio * n)), the number of coefficients Com(ratio) keeps before ties. The product
// is rounded to 1e-9 first so that e.g. 0.01 * 10000 (= 100.00000000000001 in binary) gives 100.
// The torch path uses this same function.
std::int64_t comKeepCount(double ratio, std::int64_t n);

// Com on precomputed keys (magnitudeKeys): keeps every key >= the k-th largest,
// k = max(1, ceil(ratio * N)). Exposed so the GUI can re-threshold without a new FFT.
std::vector<std::uint8_t> comMaskFromKeys(const std::vector<std::int64_t>& keys, double ratio,
                                          ThresholdMode mode);

std::vector<std::uint8_t> lowPassMask(int height, int width, double radius);

}  // namespace folk
