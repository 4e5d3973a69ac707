#pragma once
// `folk mask IMAGE... [--filter KIND --ratio R --radius r --order n --band-width W
//  --threshold-mode top|relative | --mask-file MASK] --out DIR [--json]`: applies one frequency
// mask to each image and writes the mask, the log spectrum and the filtered image (PNG and .npy)
// per image.
#include <CLI/CLI.hpp>

#include <iosfwd>
#include <string>
#include <vector>

#include "app/cli/mask_spec_options.h"

namespace folk::cli {

struct MaskCommandOptions {
  std::vector<std::string> images;
  MaskSpecOptions mask;
  std::string maskFile;  // a mask given whole; replaces the filter options
  std::string colorMap = "viridis";
  std::string outDir;
  bool json = false;
};

// Processes every image even when some fail. Returns 0 when all were written, 1 when any input
// failed (one message per failed input on `err`, naming the file), 2 for unusable options.
int runMaskCommand(const MaskCommandOptions& options, std::ostream& out, std::ostream& err);

// Registers `mask` on `app`; when it runs, its exit code is stored in `exitCode`.
CLI::App* addMaskCommand(CLI::App& app, int& exitCode);

}  // namespace folk::cli
