#pragma once
// `folk inspect RUN IMAGE... --out DIR [mask options] [--json]`: what the run's latest checkpoint
// makes of each image (core/train/model_inspection.h). Per image it writes the input as the model
// sees it, the filtered input, the reconstruction and its error (PNG) with the error's log spectrum,
// the CLS attention of each head and their mean (ViT), and the patch features' principal components
// as colours; the attention maps also as .npy (heads × grid × grid, float32).
#include <CLI/CLI.hpp>

#include <iosfwd>
#include <string>
#include <vector>

#include "app/cli/mask_spec_options.h"

namespace folk::cli {

struct InspectCommandOptions {
  std::string run;
  std::vector<std::string> images;
  MaskSpecOptions mask;
  std::string outDir;
  bool json = false;
};

// 0 when every image was written, 1 when the run cannot be used or any image failed (one message
// each, naming it), 2 for unusable options.
int runInspectCommand(const InspectCommandOptions& options, std::ostream& out, std::ostream& err);

CLI::App* addInspectCommand(CLI::App& app, int& exitCode);

}  // namespace folk::cli
