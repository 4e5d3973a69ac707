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

std::vector<float> softTransfer(const MaskSpec& spec, int height, int width) {
  const FilterSelection selection = traitsOf(spec.kind).selection;
  if (!isSoft(spec.kind)) throw std::invalid_argument("softTransfer: " + filterKindName(spec.kind) + " is not a soft filter");
  const bool gaussian = selection == FilterSelection::Gaussian, band = usesBandWidth(spec.kind);
  const double d0 = spec.radius, width0 = spec.bandWidth, twoN = 2.0 * spec.order;
  std::vector<float> gain(std::size_t(height) * std::size_t(width));
  for (int i = 0; i < height; ++i) {
    const double du = i - height / 2;
    for (int j = 0; j < width; ++j) {
      const double dv = j - width / 2;
      const double d2 = du * du + dv * dv;
      double g = 0.0;
      if (!band) {
        g = gaussian ? std::exp(-d2 / (2.0 * d0 * d0)) : 1.0 / (1.0 + std::pow(d2 / (d0 * d0), spec.order));
      } else if (d2 > 0.0) {
        const double q = (d2 - d0 * d0) / (std::sqrt(d2) * width0);
        g = gaussian ? std::exp(-q * q) : 1.0 / (1.0 + std::pow(std::abs(q), twoN));
      }  // a band-pass passes nothing at D = 0: q is -infinity there
      gain[std::size_t(i) * width + j] = float(g);
    }
  }
  return gain;
}

Mask computeMaskFromKeys(const MaskSpec& spec, int height, int width, const std::vector<std::int64_t>& keys) {
  const std::string problem = validateMaskSpec(spec);
  if (!problem.empty()) throw std::invalid_argument(problem);
  const MaskSpec resolved = resolvedSpec(spec, height, width);
  Mask mask;
  mask.height = height;
  mask.width = width;
  if (usesRatio(spec.kind)) {
    if (keys.size() != std::size_t(height) * std::size_t(width))
      throw std::invalid_argument("computeMaskFromKeys: " + std::to_string(keys.size()) + " keys for a " +
                                  std::to_string(height) + "x" + std::to_string(width) + " mask");
    mask.keep = comMaskFromKeys(keys, spec.ratio, spec.mode);
  } else if (isSoft(spec.kind)) {
    mask.gain = softTransfer(resolved, height, width);
    if (keepsComplement(spec.kind))
      for (float& g : mask.gain) g = 1.0f - g;
    mask.keep.resize(mask.gain.size());
    for (std::size_t i = 0; i < mask.gain.size(); ++i) mask.keep[i] = mask.gain[i] >= 0.5f;
    return mask;
  } else {
    mask.keep = lowPassMask(height, width, resolved.radius);
  }
  if (keepsComplement(spec.kind))
    for (auto& v : mask.keep) v = std::uint8_t(1 - v);
  return mask;
}

Mask computeMask(const MaskSpec& spec, const LumaSpectrum& spectrum) {
  return computeMaskFromKeys(spec, spectrum.height, spectrum.width,
                             usesRatio(spec.kind) ? magnitudeKeys(spectrum.magnitude) : std::vector<std::int64_t>{});
}

Mask maskFromWeights(int height, int width, const std::vector<float>& weights, bool* averaged) {
  if (height <= 0 || width <= 0 || weights.size() != std::size_t(height) * std::size_t(width))
    throw std::invalid_argument("maskFromWeights: " + std::to_string(weights.size()) + " weights for a " +
                                std::to_string(height) + "x" + std::to_string(width) + " mask");
  for (std::size_t i = 0; i < weights.size(); ++i)
    if (!(weights[i] >= 0.0f && weights[i] <= 1.0f))
      throw std::invalid_argument("the mask's weight at row " + std::to_string(i / std::size_t(width)) + ", column " +
                                  std::to_string(i % std::size_t(width)) + " is " + std::to_string(weights[i]) +
                                  "; every weight must be in [0, 1]");
  Mask mask;
  mask.height = height;
  mask.width = width;
  std::vector<float> gain(weights.size());
  bool differed = false, binary = true;
  for (int i = 0; i < height; ++i) {
    for (int j = 0; j < width; ++j) {
      const float a = weights[std::size_t(i) * width + j];
      const float b = weights[std::size_t(partnerIndex(i, height)) * width + partnerIndex(j, width)];
      differed = differed || a != b;
      // Computed from the pair in a fixed order, so both members get the same float.
      const float g = a == b ? a : float((double(std::min(a, b)) + double(std::max(a, b))) / 2.0);
      gain[std::size_t(i) * width + j] = g;
      binary = binary && (g == 0.0f || g == 1.0f);
    }
  }
  if (averaged) *averaged = differed;
  mask.keep.resize(gain.size());
  for (std::size_t i = 0; i < gain.size(); ++i) mask.keep[i] = gain[i] >= 0.5f;
  if (!binary) mask.gain = std::move(gain);
  return mask;
}

bool MaskEdits::empty() const {
  return std::all_of(value.begin(), value.end(), [](MaskEdit e) { return e == MaskEdit::None; });
}

std::int64_t paintDisc(MaskEdits& edits, double row, double column, double radius, MaskEdit edit) {
  const int h = edits.height, w = edits.width;
  if (h <= 0 || w <= 0 || !(radius >= 0.0) || !std::isfinite(row) || !std::isfinite(column)) return 0;
  const double r2 = radius * radius;
  const int top = std::max(0, int(std::floor(row - radius))), bottom = std::min(h - 1, int(std::ceil(row + radius)));
  const int left = std::max(0, int(std::floor(column - radius))), right = std::min(w - 1, int(std::ceil(column + radius)));
  std::int64_t changed = 0;
  bool covered = false;
  auto set = [&](int i, int j) {
    covered = true;
    MaskEdit& v = edits.value[std::size_t(i) * w + j];
    if (v != edit) ++changed;
    v = edit;
  };
  for (int i = top; i <= bottom; ++i) {
    for (int j = left; j <= right; ++j) {
      if ((i - row) * (i - row) + (j - column) * (j - column) > r2) continue;
      set(i, j);
      set(partnerIndex(i, h), partnerIndex(j, w));
    }
  }
  // A brush narrower than a bin still marks the bin under it.
  if (!covered && row > -0.5 && row < h - 0.5 && column > -0.5 && column < w - 0.5) {
    const int i = int(std::lround(row)), j = int(std::lround(column));
    set(i, j);
    set(partnerIndex(i, h), partnerIndex(j, w));
  }
  return changed;
}

void applyEdits(Mask& mask, const MaskEdits& edits) {
  if (edits.height != mask.height || edits.width != mask.width || edits.value.size() != mask.keep.size())
    throw std::invalid_argument("applyEdits: the edits are " + std::to_string(edits.height) + "x" +
                                std::to_string(edits.width) + " but the mask is " + std::to_string(mask.height) + "x" +
                                std::to_string(mask.width));
  for (std::size_t i = 0; i < edits.value.size(); ++i) {
    if (edits.value[i] == MaskEdit::None) continue;
    const bool pass = edits.value[i] == MaskEdit::Pass;
    mask.keep[i] = pass;
    if (mask.soft()) mask.gain[i] = pass ? 1.0f : 0.0f;
  }
}

}  // namespace folk
