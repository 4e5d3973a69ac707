#include "core/spectral/mask_spec.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace folk {

double defaultRadius(int height, int width) { return 16.0 * std::min(height, width) / 224.0; }

namespace {

constexpr std::array<FilterKindTraits, kFilterKindCount> kFilterKinds = {{
    {FilterKind::Com, "com", FilterSelection::Strongest, false, FOLK_TRANSLATE_NOOP("FilterKind", "Com — keep strongest"),
     FOLK_TRANSLATE_NOOP("FilterKind", "Com ρ=%L1")},
    {FilterKind::RCom, "rcom", FilterSelection::Strongest, true,
     FOLK_TRANSLATE_NOOP("FilterKind", "RCom — remove strongest"), FOLK_TRANSLATE_NOOP("FilterKind", "RCom ρ=%L1")},
    {FilterKind::LowPass, "lowpass", FilterSelection::Disc, false, FOLK_TRANSLATE_NOOP("FilterKind", "Low-pass disc"),
     FOLK_TRANSLATE_NOOP("FilterKind", "Low-pass r=%L1")},
    {FilterKind::HighPass, "highpass", FilterSelection::Disc, true, FOLK_TRANSLATE_NOOP("FilterKind", "High-pass disc"),
     FOLK_TRANSLATE_NOOP("FilterKind", "High-pass r=%L1")},
}};

}  // namespace

const std::array<FilterKindTraits, kFilterKindCount>& filterKinds() { return kFilterKinds; }

// The rows are in enumerator order, so a kind indexes its row.
static_assert(kFilterKinds[std::size_t(FilterKind::Com)].kind == FilterKind::Com &&
              kFilterKinds[std::size_t(FilterKind::RCom)].kind == FilterKind::RCom &&
              kFilterKinds[std::size_t(FilterKind::LowPass)].kind == FilterKind::LowPass &&
              kFilterKinds[std::size_t(FilterKind::HighPass)].kind == FilterKind::HighPass);

const FilterKindTraits& traitsOf(FilterKind kind) {
  const auto index = std::size_t(kind);
  if (index >= kFilterKinds.size()) throw std::invalid_argument("traitsOf: no filter kind " + std::to_string(index));
  return kFilterKinds[index];
}

std::string filterKindName(FilterKind kind) { return traitsOf(kind).name; }

std::optional<FilterKind> parseFilterKind(const std::string& name) {
  for (const FilterKindTraits& traits : kFilterKinds)
    if (name == traits.name) return traits.kind;
  return std::nullopt;
}

std::string filterKindNames(const std::string& separator, const std::string& lastSeparator) {
  std::string text;
  const auto& kinds = filterKinds();
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    if (i > 0) text += i + 1 == kinds.size() ? lastSeparator : separator;
    text += kinds[i].name;
  }
  return text;
}

std::string thresholdModeName(ThresholdMode mode) { return mode == ThresholdMode::Top ? "top" : "relative"; }

std::optional<ThresholdMode> parseThresholdMode(const std::string& name) {
  if (name == "top") return ThresholdMode::Top;
  if (name == "relative") return ThresholdMode::Relative;
  return std::nullopt;
}

std::string validateMaskSpec(const MaskSpec& spec) {
  const bool ratioBased = usesRatio(spec.kind);
  if (ratioBased && !(spec.ratio > 0.0 && spec.ratio <= 1.0))
    return "the ratio rho must be in (0, 1] (got " + std::to_string(spec.ratio) + ")";
  if (!ratioBased && !std::isfinite(spec.radius))
    return "the radius must be a finite number of frequency bins";
  return {};
}

}  // namespace folk
