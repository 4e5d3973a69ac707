#include "app/cli/mask_spec_options.h"

#include <stdexcept>

namespace folk::cli {
namespace {

// Checks run while parsing, so a bad value is reported before any image is touched.
std::string checkFilter(const std::string& name) {
  return parseFilterKind(name) ? "" : "unknown filter '" + name + "': use " + filterKindNames();
}
std::string checkThresholdMode(const std::string& name) {
  return parseThresholdMode(name) ? "" : "unknown threshold mode '" + name + "': use top or relative";
}
std::string checkRatio(const std::string& text) {
  double ratio = 0.0;
  try {
    std::size_t used = 0;
    ratio = std::stod(text, &used);
    if (used != text.size()) throw std::invalid_argument(text);
  } catch (const std::exception&) {
    return "the ratio must be a number in (0, 1], got '" + text + "'";
  }
  return ratio > 0.0 && ratio <= 1.0 ? "" : "the ratio rho must be in (0, 1], got " + text;
}

}  // namespace

const std::vector<std::string>& maskSpecOptionNames() {
  static const std::vector<std::string> names{"--filter", "--ratio", "--radius", "--order", "--band-width",
                                              "--threshold-mode"};
  return names;
}

void addMaskSpecOptions(CLI::App& cmd, MaskSpecOptions& options) {
  cmd.add_option("--filter", options.filter, filterKindNames())
      ->check(checkFilter, filterKindNames("|", "|"))
      ->capture_default_str();
  cmd.add_option("--ratio", options.ratio, "rho in (0, 1]: fraction of coefficients (Com/RCom)")
      ->check(checkRatio, "(0,1]")
      ->capture_default_str();
  cmd.add_option("--radius", options.radius,
                 "Radius in frequency bins: the disc of lowpass/highpass, the cut-off D0 of the soft low-/high-pass "
                 "filters, the ring's centre C0 of band-pass/band-stop (default 16*min(H,W)/224)");
  cmd.add_option("--order", options.order, "Order n of the Butterworth filters: higher is a sharper edge")
      ->check(CLI::Range(kMinOrder, kMaxOrder))
      ->capture_default_str();
  cmd.add_option("--band-width", options.bandWidth,
                 "Width W of the ring in frequency bins for band-pass/band-stop (default: half the radius)");
  cmd.add_option("--threshold-mode", options.thresholdMode,
                 "top: keep the ceil(rho*N) strongest; relative: keep |F| >= rho*max|F|")
      ->check(checkThresholdMode, "top|relative")
      ->capture_default_str();
}

MaskSpec maskSpecFrom(const MaskSpecOptions& options, std::string& problem) {
  MaskSpec spec;
  const auto kind = parseFilterKind(options.filter);
  const auto mode = parseThresholdMode(options.thresholdMode);
  if (!kind || !mode) {
    problem = !kind ? checkFilter(options.filter) : checkThresholdMode(options.thresholdMode);
    return spec;
  }
  spec.kind = *kind;
  spec.mode = *mode;
  spec.ratio = options.ratio;
  spec.radius = options.radius;
  spec.order = options.order;
  spec.bandWidth = options.bandWidth;
  problem = validateMaskSpec(spec);
  return spec;
}

}  // namespace folk::cli
