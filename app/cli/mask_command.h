#pragma once
// `folk mask IMAGE... [--filter KIND --ratio R --radius r --order n --band-width W
//  --threshold-mode top|relative | --mask-file MASK] --out DIR [--json]`: applies one frequency
// mask to each image and writes the mask, the log spectrum and the filtered image (PNG and .npy)
// per image.
#include <CLI/CLI.hpp>

#include <iosfwd>
#include <string>
#include <vector>

namespace folk::cli {

struct MaskCommandOptions {
  std::vector<std::string> images;
  std::string filter = "com";
  double ratio = 0.05;
  double radius = -1.0;  // <= 0: the default radius for the image size
  double order = 2.0;    // Butterworth filters
  double bandWidth = -1.0;  // band-pass and band-stop; <= 0: half the radius
  std::string maskFile;  // a mask given whole; replaces the filter options
  std::string thresholdMode = "top";
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
