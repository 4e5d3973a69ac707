#include "core/spectral/mask.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace folk {

std::int64_t Mask::keptCount() const {
  return std::accumulate(keep.begin(), keep.end(), std::int64_t(0));
}

std::int64_t comKeepCount(double ratio, std::int64_t n) {
  const double product = std::round(ratio * double(n) * 1e9) / 1e9;
  const auto k = std::int64_t(std::ceil(product));
  return std::clamp<std::int64_t>(k, 1, std::max<std::int64_t>(n, 1));
}

std::vector<std::uint8_t> comMaskFromKeys(const std::vector<std::int64_t>& keys, double ratio, ThresholdMode mode) {
  std::vector<std::uint8_t> keep(keys.size(), 0);
  if (keys.empty()) return keep;
  if (mode == ThresholdMode::Relative) {
    // |F| >= ratio * max|F| on the key grid, where max|F| has key 2^40. A black image has
    // max|F| = 0, and every |F| >= ratio * 0: keep everything.
    if (*std::max_element(keys.begin(), keys.end()) == 0) return std::vector<std::uint8_t>(keys.size(), 1);
    const double cut = ratio * std::ldexp(1.0, kMagnitudeKeyBits);
    for (std::size_t i = 0; i < keys.size(); ++i) keep[i] = double(keys[i]) >= cut;
    return keep;
  }
  const std::int64_t k = comKeepCount(ratio, std::int64_t(keys.size()));
  // tau = the k-th largest key; selection is O(N), a full sort is not needed.
  std::vector<std::int64_t> work(keys);
  std::nth_element(work.begin(), work.begin() + (k - 1), work.end(), std::greater<>());
  const std::int64_t tau = work[std::size_t(k - 1)];
  for (std::size_t i = 0; i < keys.size(); ++i) keep[i] = keys[i] >= tau;
  return keep;
}

std::vector<std::uint8_t> lowPassMask(int height, int width, double radius) {
  std::vector<std::uint8_t> keep(std::size_t(height) * width, 0);
  const double r2 = radius * radius;
  for (int i = 0; i < height; ++i) {
    const double du = i - height / 2;
    for (int j = 0; j < width; ++j) {
      const double dv = j - width / 2;
      keep[std::size_t(i) * width + j] = du * du + dv * dv < r2;
    }
  }
  return keep;
}

Mask computeMask(const MaskSpec& spec, const LumaSpectrum& spectrum) {
  const std::string problem = validateMaskSpec(spec);
  if (!problem.empty()) throw std::invalid_argument(problem);
  Mask mask;
  mask.height = spectrum.height;
  mask.width = spectrum.width;
  if (usesRatio(spec.kind)) {
    mask.keep = comMaskFromKeys(magnitudeKeys(spectrum.magnitude), spec.ratio, spec.mode);
  } else {
    const double r = spec.radius > 0 ? spec.radius : defaultRadius(spectrum.height, spectrum.width);
    mask.keep = lowPassMask(spectrum.height, spectrum.width, r);
  }
  if (keepsComplement(spec.kind))
    for (auto& v : mask.keep) v = std::uint8_t(1 - v);
  return mask;
}

}  // namespace folk
