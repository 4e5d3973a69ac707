#pragma once
// What a frequency mask is (DESIGN.md §3): Com / RCom keep or remove the strongest coefficients
// of the luma spectrum; LowPass / HighPass keep or remove a centred disc.
#include <optional>
#include <string>

namespace folk {

enum class FilterKind { Com, RCom, LowPass, HighPass };
enum class ThresholdMode {
  Top,       // keep the k = max(1, ceil(rho*N)) strongest coefficients (ties kept)
  Relative,  // keep |F| >= rho * max|F|
};

struct MaskSpec {
  FilterKind kind = FilterKind::Com;
  double ratio = 0.05;    // rho, for Com / RCom; in (0, 1]
  double radius = -1.0;   // for LowPass / HighPass; <= 0 means defaultRadius(h, w)
  ThresholdMode mode = ThresholdMode::Top;
};

// MFM's radius 16 at 224 px, scaled: 16 * min(h, w) / 224.
double defaultRadius(int height, int width);

// Names as used on the command line and in configs: "com", "rcom", "lowpass", "highpass";
// "top", "relative". parse* return nullopt for unknown names.
std::string filterKindName(FilterKind kind);
std::optional<FilterKind> parseFilterKind(const std::string& name);
std::string thresholdModeName(ThresholdMode mode);
std::optional<ThresholdMode> parseThresholdMode(const std::string& name);

// Returns an empty string when the spec is usable, else a sentence saying what is wrong.
std::string validateMaskSpec(const MaskSpec& spec);

}  // namespace folk
