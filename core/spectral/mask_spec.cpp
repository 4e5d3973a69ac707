#include "core/spectral/mask_spec.h"

#include <algorithm>
#include <cmath>

namespace folk {

double defaultRadius(int height, int width) { return 16.0 * std::min(height, width) / 224.0; }

std::string filterKindName(FilterKind kind) {
  switch (kind) {
    case FilterKind::Com: return "com";
    case FilterKind::RCom: return "rcom";
    case FilterKind::LowPass: return "lowpass";
    case FilterKind::HighPass: return "highpass";
  }
  return "com";
}

std::optional<FilterKind> parseFilterKind(const std::string& name) {
  if (name == "com") return FilterKind::Com;
  if (name == "rcom") return FilterKind::RCom;
  if (name == "lowpass") return FilterKind::LowPass;
  if (name == "highpass") return FilterKind::HighPass;
  return std::nullopt;
}

std::string thresholdModeName(ThresholdMode mode) { return mode == ThresholdMode::Top ? "top" : "relative"; }

std::optional<ThresholdMode> parseThresholdMode(const std::string& name) {
  if (name == "top") return ThresholdMode::Top;
  if (name == "relative") return ThresholdMode::Relative;
  return std::nullopt;
}

std::string validateMaskSpec(const MaskSpec& spec) {
  const bool ratioBased = spec.kind == FilterKind::Com || spec.kind == FilterKind::RCom;
  if (ratioBased && !(spec.ratio > 0.0 && spec.ratio <= 1.0))
    return "the ratio rho must be in (0, 1] (got " + std::to_string(spec.ratio) + ")";
  if (!ratioBased && !std::isfinite(spec.radius))
    return "the radius must be a finite number of frequency bins";
  return {};
}

}  // namespace folk
