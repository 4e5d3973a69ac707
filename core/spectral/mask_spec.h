#pragma once
// What a frequency mask is (DESIGN.md §3): Com / RCom keep or remove the strongest coefficients
// of the luma spectrum; LowPass / HighPass keep or remove a centred disc.
#include <array>
#include <cstddef>
#include <optional>
#include <string>

#include "core/util/translatable.h"

namespace folk {

enum class FilterKind { Com, RCom, LowPass, HighPass };
inline constexpr std::size_t kFilterKindCount = static_cast<std::size_t>(FilterKind::HighPass) + 1;
enum class ThresholdMode {
  Top,       // keep the k = max(1, ceil(rho*N)) strongest coefficients (ties kept)
  Relative,  // keep |F| >= rho * max|F|
};

// What a filter selects before the complement is taken: the strongest coefficients, set by the
// ratio rho and the threshold mode, or a centred disc, set by the radius.
enum class FilterSelection { Strongest, Disc };

// Every filter kind, declared once: the engine, the CLI and Explore ask these traits instead of
// naming kinds, so a new kind is one enumerator, one row and the code of its selection.
struct FilterKindTraits {
  FilterKind kind;
  const char* name;           // in configs, settings and on the command line
  FilterSelection selection;
  bool complement;            // keeps what the selection leaves out (RCom, HighPass)
  const char* label;          // Explore's filter menu (FOLK_TRANSLATE_NOOP, context "FilterKind")
  const char* parameterLabel; // "Com ρ=%L1": a view's caption, %L1 the ratio or the radius
};

const std::array<FilterKindTraits, kFilterKindCount>& filterKinds();
const FilterKindTraits& traitsOf(FilterKind kind);
inline bool usesRatio(FilterKind kind) { return traitsOf(kind).selection == FilterSelection::Strongest; }
inline bool isDisc(FilterKind kind) { return traitsOf(kind).selection == FilterSelection::Disc; }
inline bool keepsComplement(FilterKind kind) { return traitsOf(kind).complement; }

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
// "com, rcom, lowpass or highpass", for help texts and errors.
std::string filterKindNames(const std::string& separator = ", ", const std::string& lastSeparator = " or ");
std::string thresholdModeName(ThresholdMode mode);
std::optional<ThresholdMode> parseThresholdMode(const std::string& name);

// Returns an empty string when the spec is usable, else a sentence saying what is wrong.
std::string validateMaskSpec(const MaskSpec& spec);

}  // namespace folk
