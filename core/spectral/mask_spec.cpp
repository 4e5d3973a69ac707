#include "core/spectral/mask_spec.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>

namespace folk {
namespace {

std::string formatNumber(double value) {
  std::ostringstream text;
  text << value;
  return text.str();
}

}  // namespace

double defaultRadius(int height, int width) { return 16.0 * std::min(height, width) / 224.0; }

double defaultBandWidth(double radius) { return std::max(1.0, radius / 2.0); }

MaskSpec resolvedSpec(MaskSpec spec, int height, int width) {
  if (usesRadius(spec.kind) && spec.radius <= 0) spec.radius = defaultRadius(height, width);
  if (usesBandWidth(spec.kind) && spec.bandWidth <= 0) spec.bandWidth = defaultBandWidth(spec.radius);
  return spec;
}

namespace {

constexpr std::array<FilterKindTraits, kFilterKindCount> kFilterKinds = {{
    {FilterKind::Com, "com", FilterSelection::Strongest, false, false,
     FOLK_TRANSLATE_NOOP("FilterKind", "Com — keep strongest"), FOLK_TRANSLATE_NOOP("FilterKind", "Com ρ=%L1")},
    {FilterKind::RCom, "rcom", FilterSelection::Strongest, true, false,
     FOLK_TRANSLATE_NOOP("FilterKind", "RCom — remove strongest"), FOLK_TRANSLATE_NOOP("FilterKind", "RCom ρ=%L1")},
    {FilterKind::LowPass, "lowpass", FilterSelection::Disc, false, false,
     FOLK_TRANSLATE_NOOP("FilterKind", "Low-pass disc"), FOLK_TRANSLATE_NOOP("FilterKind", "Low-pass r=%L1")},
    {FilterKind::HighPass, "highpass", FilterSelection::Disc, true, false,
     FOLK_TRANSLATE_NOOP("FilterKind", "High-pass disc"), FOLK_TRANSLATE_NOOP("FilterKind", "High-pass r=%L1")},
    {FilterKind::GaussianLowPass, "gaussian-lowpass", FilterSelection::Gaussian, false, false,
     FOLK_TRANSLATE_NOOP("FilterKind", "Gaussian low-pass"), FOLK_TRANSLATE_NOOP("FilterKind", "Gaussian low-pass D₀=%L1")},
    {FilterKind::GaussianHighPass, "gaussian-highpass", FilterSelection::Gaussian, true, false,
     FOLK_TRANSLATE_NOOP("FilterKind", "Gaussian high-pass"),
     FOLK_TRANSLATE_NOOP("FilterKind", "Gaussian high-pass D₀=%L1")},
    {FilterKind::GaussianBandPass, "gaussian-bandpass", FilterSelection::Gaussian, false, true,
     FOLK_TRANSLATE_NOOP("FilterKind", "Gaussian band-pass"),
     FOLK_TRANSLATE_NOOP("FilterKind", "Gaussian band-pass C₀=%L1")},
    {FilterKind::GaussianBandStop, "gaussian-bandstop", FilterSelection::Gaussian, true, true,
     FOLK_TRANSLATE_NOOP("FilterKind", "Gaussian band-stop"),
     FOLK_TRANSLATE_NOOP("FilterKind", "Gaussian band-stop C₀=%L1")},
    {FilterKind::ButterworthLowPass, "butterworth-lowpass", FilterSelection::Butterworth, false, false,
     FOLK_TRANSLATE_NOOP("FilterKind", "Butterworth low-pass"),
     FOLK_TRANSLATE_NOOP("FilterKind", "Butterworth low-pass D₀=%L1")},
    {FilterKind::ButterworthHighPass, "butterworth-highpass", FilterSelection::Butterworth, true, false,
     FOLK_TRANSLATE_NOOP("FilterKind", "Butterworth high-pass"),
     FOLK_TRANSLATE_NOOP("FilterKind", "Butterworth high-pass D₀=%L1")},
    {FilterKind::ButterworthBandPass, "butterworth-bandpass", FilterSelection::Butterworth, false, true,
     FOLK_TRANSLATE_NOOP("FilterKind", "Butterworth band-pass"),
     FOLK_TRANSLATE_NOOP("FilterKind", "Butterworth band-pass C₀=%L1")},
    {FilterKind::ButterworthBandStop, "butterworth-bandstop", FilterSelection::Butterworth, true, true,
     FOLK_TRANSLATE_NOOP("FilterKind", "Butterworth band-stop"),
     FOLK_TRANSLATE_NOOP("FilterKind", "Butterworth band-stop C₀=%L1")},
}};

}  // namespace

const std::array<FilterKindTraits, kFilterKindCount>& filterKinds() { return kFilterKinds; }

// The rows are in enumerator order, so a kind indexes its row.
constexpr bool rowsInEnumeratorOrder() {
  for (std::size_t i = 0; i < kFilterKinds.size(); ++i)
    if (std::size_t(kFilterKinds[i].kind) != i) return false;
  return true;
}
static_assert(rowsInEnumeratorOrder());

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
  if (usesOrder(spec.kind) && !(spec.order >= kMinOrder && spec.order <= kMaxOrder))
    return "the Butterworth order must be in [" + formatNumber(kMinOrder) + ", " + formatNumber(kMaxOrder) + "] (got " +
           formatNumber(spec.order) + ")";
  if (usesBandWidth(spec.kind) && !std::isfinite(spec.bandWidth))
    return "the band width must be a finite number of frequency bins";
  return {};
}

}  // namespace folk
