#include "app/cli/mask_command.h"

#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <ostream>
#include <stdexcept>

#include "app/cli/mask_outputs.h"
#include "app/cli/output_stems.h"
#include "core/data/image_file.h"
#include "core/data/image_format.h"
#include "core/spectral/mask_analysis.h"
#include "core/spectral/mask_file.h"
#include "core/spectral/mask_spec.h"

namespace folk::cli {
namespace {

namespace fs = std::filesystem;

// Checked while parsing, so a bad value is reported before any image is touched.
std::string checkColorMap(const std::string& name) {
  return parseColorMap(name) ? "" : "unknown colour map '" + name + "': use viridis or magma";
}

// What every input is filtered with: a spec, or a mask read once from --mask-file.
struct MaskChoice {
  MaskSpec spec;
  std::optional<MaskFile> given;
};

void processImage(const std::string& input, const MaskChoice& choice, const MaskCommandOptions& options,
                  OutputStems& stems, std::ostream& out) {
  const std::string stem = fs::path(input).stem().string();
  // Load first: a missing or broken file is reported as such rather than as a name clash.
  const Image image = loadImage(input);
  stems.claim(stem, input);
  if (choice.given) checkMaskFitsImage(choice.given->mask, options.maskFile, image.height, image.width, input);
  const MaskAnalysis analysis = choice.given ? analyseMask(image, choice.given->mask) : analyseMask(image, choice.spec);
  const MaskOutputPaths paths = maskOutputPaths(options.outDir, stem);
  writeMaskOutputs(analysis, paths, parseColorMap(options.colorMap).value_or(ColorMap::Viridis));
  if (options.json)
    out << summaryJson(input, analysis, paths, options.maskFile).dump() << '\n';
  else
    out << summaryLine(input, analysis, options.maskFile) << '\n';
  out.flush();
}

}  // namespace

int runMaskCommand(const MaskCommandOptions& options, std::ostream& out, std::ostream& err) {
  std::string problem;
  const MaskSpec spec = maskSpecFrom(options.mask, problem);
  if (!problem.empty()) {
    err << "folk mask: " << problem << '\n';
    return 2;
  }
  MaskChoice choice{spec, std::nullopt};
  if (!options.maskFile.empty()) {
    try {
      choice.given = readMaskFile(options.maskFile);
    } catch (const ImageFileError& e) {
      err << "folk mask: the mask file " << e.what() << '\n';
      return 2;
    }
    if (choice.given->averaged)
      err << "folk mask: note: " << options.maskFile
          << " is not symmetric under k -> -k; each coefficient and its conjugate partner were given their mean "
             "gain, which is what the real part of the filtered image would take anyway\n";
  }

  std::error_code ec;
  fs::create_directories(options.outDir, ec);
  if (ec || !fs::is_directory(options.outDir)) {
    err << "folk mask: cannot create the output folder '" << options.outDir
        << "': " << (ec ? ec.message() : "a file with that name exists") << '\n';
    return 2;
  }

  OutputStems stems;
  int failed = 0;
  for (const std::string& input : options.images) {
    try {
      processImage(input, choice, options, stems, out);
    } catch (const ImageFileError& e) {
      // what() already starts with the path.
      err << "folk mask: " << e.what() << '\n';
      if (options.json) out << nlohmann::json{{"input", input}, {"ok", false}, {"error", e.reason()}}.dump() << '\n';
      ++failed;
    } catch (const std::exception& e) {
      err << "folk mask: " << input << ": " << e.what() << '\n';
      if (options.json) out << nlohmann::json{{"input", input}, {"ok", false}, {"error", e.what()}}.dump() << '\n';
      ++failed;
    }
  }
  if (failed > 0 && std::size_t(failed) == options.images.size()) {
    err << "folk mask: "
        << (failed == 1 ? std::string("the input could not be read")
                        : "none of the " + std::to_string(failed) + " inputs could be read")
        << "; nothing was written\n";
  } else if (failed > 0) {
    err << "folk mask: " << failed << " of " << options.images.size() << " inputs failed; the others were written to "
        << options.outDir << '\n';
  }
  return failed == 0 ? 0 : 1;
}

CLI::App* addMaskCommand(CLI::App& app, int& exitCode) {
  auto options = std::make_shared<MaskCommandOptions>();
  CLI::App* cmd = app.add_subcommand(
      "mask", "Apply a frequency mask to images; write mask, log spectrum and filtered image (PNG + .npy)");
  cmd->add_option("images", options->images, "Image files (" + readableImageFormatNames() + ")")->required();
  addMaskSpecOptions(*cmd, options->mask);
  auto* maskFile = cmd->add_option("--mask-file", options->maskFile,
                                   "Filter with this mask instead: a greyscale image of the images' size, centred "
                                   "like the *_mask.png that folk mask writes (white passes, black stops, grey "
                                   "passes part), or an H×W .npy of 0/1 or weights in [0, 1]");
  cmd->add_option("--colormap", options->colorMap, "Colour map of the spectrum PNG: viridis or magma")
      ->check(checkColorMap, "viridis|magma")
      ->capture_default_str();
  for (const std::string& filterOption : maskSpecOptionNames()) maskFile->excludes(cmd->get_option(filterOption));
  cmd->add_option("--out", options->outDir, "Output folder (created if missing)")->required();
  cmd->add_flag("--json", options->json, "Print one JSON object per input instead of a line");
  cmd->callback([options, &exitCode] { exitCode = runMaskCommand(*options, std::cout, std::cerr); });
  return cmd;
}

}  // namespace folk::cli
