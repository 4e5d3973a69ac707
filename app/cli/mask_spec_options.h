#pragma once
// The options that choose a frequency mask (--filter, --ratio, --radius, --order, --band-width,
// --threshold-mode), declared once for every command that filters images (`folk mask`,
// `folk inspect`).
#include <CLI/CLI.hpp>

#include <string>

#include "core/spectral/mask_spec.h"

namespace folk::cli {

struct MaskSpecOptions {
  std::string filter = "com";
  double ratio = 0.05;
  double radius = -1.0;     // <= 0: the default radius for the image size
  double order = 2.0;       // Butterworth filters
  double bandWidth = -1.0;  // band-pass and band-stop; <= 0: half the radius
  std::string thresholdMode = "top";
};

// Registers the six options on `command`, bound to `options` (which must outlive it).
void addMaskSpecOptions(CLI::App& command, MaskSpecOptions& options);
// The option names, for excludes() and help texts.
const std::vector<std::string>& maskSpecOptionNames();

// The spec, or an empty `problem` set to a sentence saying which value is wrong.
MaskSpec maskSpecFrom(const MaskSpecOptions& options, std::string& problem);

}  // namespace folk::cli
