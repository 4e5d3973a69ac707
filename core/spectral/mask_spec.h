#pragma once
// What a frequency mask is (DESIGN.md §3): Com / RCom keep or remove the strongest coefficients
// of the luma spectrum; LowPass / HighPass keep or remove a centred disc. The soft-edged filters
// (Gaussian and Butterworth low-, high-, band-pass and band-stop) weight each coefficient by a
// smooth function of its distance from the centre; they serve Explore and `folk mask`, not training.
#include <array>
#include <cstddef>
#include <optional>
#include <string>

#include "core/util/translatable.h"

namespace folk {

enum class FilterKind {
  Com,
  RCom,
  LowPass,
  HighPass,
  GaussianLowPass,
  GaussianHighPass,
  GaussianBandPass,
  GaussianBandStop,
  ButterworthLowPass,
  ButterworthHighPass,
  ButterworthBandPass,
  ButterworthBandStop,
};
inline constexpr std::size_t kFilterKindCount = static_cast<std::size_t>(FilterKind::ButterworthBandStop) + 1;
enum class ThresholdMode {
  Top,       // keep the k = max(1, ceil(rho*N)) strongest coefficients (ties kept)
  Relative,  // keep |F| >= rho * max|F|
};

// What a filter selects before the complement is taken: the strongest coefficients, set by the
// ratio rho and the threshold mode; a centred disc, set by the radius; or a soft radial transfer
// function of the distance D from the centre (Gonzalez & Woods, Digital Image Processing, §4.9–4.10),
// with cut-off D0 = the radius: Gaussian exp(-D²/2D0²), Butterworth 1/(1 + (D/D0)^2n) of order n.
// A band kind passes a ring of width W around the radius instead of the inside of the disc.
enum class FilterSelection { Strongest, Disc, Gaussian, Butterworth };

// Every filter kind, declared once: the engine, the CLI and Explore ask these traits instead of
// naming kinds, so a new kind is one enumerator, one row and the code of its selection.
struct FilterKindTraits {
  FilterKind kind;
  const char* name;           // in configs, settings and on the command line
  FilterSelection selection;
  bool complement;            // keeps what the selection leaves out (RCom, HighPass, band-stop)
  bool band;                  // a ring around the radius, of width MaskSpec::bandWidth
  const char* label;          // Explore's filter menu (FOLK_TRANSLATE_NOOP, context "FilterKind")
  const char* parameterLabel; // "Com ρ=%L1": a view's caption, %L1 the ratio or the radius
};

const std::array<FilterKindTraits, kFilterKindCount>& filterKinds();
const FilterKindTraits& traitsOf(FilterKind kind);
inline bool usesRatio(FilterKind kind) { return traitsOf(kind).selection == FilterSelection::Strongest; }
inline bool usesRadius(FilterKind kind) { return !usesRatio(kind); }
inline bool isSoft(FilterKind kind) {
  const FilterSelection s = traitsOf(kind).selection;
  return s == FilterSelection::Gaussian || s == FilterSelection::Butterworth;
}
inline bool usesOrder(FilterKind kind) { return traitsOf(kind).selection == FilterSelection::Butterworth; }
inline bool usesBandWidth(FilterKind kind) { return traitsOf(kind).band; }
inline bool keepsComplement(FilterKind kind) { return traitsOf(kind).complement; }

struct MaskSpec {
  FilterKind kind = FilterKind::Com;
  double ratio = 0.05;    // rho, for Com / RCom; in (0, 1]
  double radius = -1.0;   // for the radius kinds; <= 0 means defaultRadius(h, w)
  ThresholdMode mode = ThresholdMode::Top;
  double order = 2.0;     // Butterworth order n, in [kMinOrder, kMaxOrder]
  double bandWidth = -1.0;  // band kinds: the ring's width W in bins; <= 0 means defaultBandWidth(radius)
};

inline constexpr double kMinOrder = 0.5;
inline constexpr double kMaxOrder = 20.0;

// MFM's radius 16 at 224 px, scaled: 16 * min(h, w) / 224.
double defaultRadius(int height, int width);
// Half the radius, at least one bin: a ring from 3r/4 to 5r/4.
double defaultBandWidth(double radius);
// The spec with the radius and the band width resolved for an image of this size.
MaskSpec resolvedSpec(MaskSpec spec, int height, int width);

// Names as used on the command line and in configs: "com", "rcom", "lowpass", "gaussian-bandpass",
// …; "top", "relative". parse* return nullopt for unknown names.
std::string filterKindName(FilterKind kind);
std::optional<FilterKind> parseFilterKind(const std::string& name);
// "com, rcom, lowpass, …, butterworth-bandpass or butterworth-bandstop", for help texts and errors.
std::string filterKindNames(const std::string& separator = ", ", const std::string& lastSeparator = " or ");
std::string thresholdModeName(ThresholdMode mode);
std::optional<ThresholdMode> parseThresholdMode(const std::string& name);

// Returns an empty string when the spec is usable, else a sentence saying what is wrong.
std::string validateMaskSpec(const MaskSpec& spec);

}  // namespace folk
