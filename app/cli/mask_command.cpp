#include "app/cli/mask_command.h"

#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <ostream>
#include <stdexcept>

#include "app/cli/mask_outputs.h"
#include "core/data/image_file.h"
#include "core/data/image_format.h"
#include "core/spectral/mask_analysis.h"
#include "core/spectral/mask_spec.h"

namespace folk::cli {
namespace {

namespace fs = std::filesystem;

// Option checks run while parsing, so a bad value is reported before any image is touched.
std::string checkFilter(const std::string& name) {
  return parseFilterKind(name) ? "" : "unknown filter '" + name + "': use " + filterKindNames();
}
std::string checkThresholdMode(const std::string& name) {
  return parseThresholdMode(name) ? "" : "unknown threshold mode '" + name + "': use top or relative";
}
std::string checkColorMap(const std::string& name) {
  return parseColorMap(name) ? "" : "unknown colour map '" + name + "': use viridis or magma";
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

// Two inputs with the same file stem (a/x.png, b/x.jpg) would overwrite each other's outputs.
class StemRegistry {
 public:
  // Returns the input that already uses `stem`, or an empty string after claiming it.
  std::string claim(const std::string& stem, const std::string& input) {
    auto [it, inserted] = owners_.emplace(stem, input);
    return inserted ? std::string() : it->second;
  }

 private:
  std::map<std::string, std::string> owners_;
};

void processImage(const std::string& input, const MaskSpec& spec, const MaskCommandOptions& options,
                  StemRegistry& stems, std::ostream& out) {
  const std::string stem = fs::path(input).stem().string();
  if (stem.empty()) throw ImageFileError(input, "the path has no file name");
  // Load first: a missing or broken file is reported as such rather than as a name clash.
  const Image image = loadImage(input);
  const std::string owner = stems.claim(stem, input);
  if (!owner.empty())
    throw ImageFileError(input, "its outputs would be named '" + stem + "_*' like those of " + owner +
                                    " in this call; rename one of them or run them separately");
  const MaskAnalysis analysis = analyseMask(image, spec);
  const MaskOutputPaths paths = maskOutputPaths(options.outDir, stem);
  writeMaskOutputs(analysis, paths, parseColorMap(options.colorMap).value_or(ColorMap::Viridis));
  if (options.json)
    out << summaryJson(input, analysis, paths).dump() << '\n';
  else
    out << summaryLine(input, analysis) << '\n';
  out.flush();
}

}  // namespace

int runMaskCommand(const MaskCommandOptions& options, std::ostream& out, std::ostream& err) {
  MaskSpec spec;
  const auto kind = parseFilterKind(options.filter);
  const auto mode = parseThresholdMode(options.thresholdMode);
  if (!kind || !mode) {
    err << "folk mask: " << (!kind ? checkFilter(options.filter) : checkThresholdMode(options.thresholdMode)) << '\n';
    return 2;
  }
  spec.kind = *kind;
  spec.mode = *mode;
  spec.ratio = options.ratio;
  spec.radius = options.radius;
  if (const std::string problem = validateMaskSpec(spec); !problem.empty()) {
    err << "folk mask: " << problem << '\n';
    return 2;
  }

  std::error_code ec;
  fs::create_directories(options.outDir, ec);
  if (ec || !fs::is_directory(options.outDir)) {
    err << "folk mask: cannot create the output folder '" << options.outDir
        << "': " << (ec ? ec.message() : "a file with that name exists") << '\n';
    return 2;
  }

  StemRegistry stems;
  int failed = 0;
  for (const std::string& input : options.images) {
    try {
      processImage(input, spec, options, stems, out);
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
  cmd->add_option("--filter", options->filter, filterKindNames())
      ->check(checkFilter, filterKindNames("|", "|"))
      ->capture_default_str();
  cmd->add_option("--ratio", options->ratio, "rho in (0, 1]: fraction of coefficients (Com/RCom)")
      ->check(checkRatio, "(0,1]")
      ->capture_default_str();
  cmd->add_option("--radius", options->radius,
                  "Disc radius in frequency bins for lowpass/highpass (default 16*min(H,W)/224)");
  cmd->add_option("--threshold-mode", options->thresholdMode,
                  "top: keep the ceil(rho*N) strongest; relative: keep |F| >= rho*max|F|")
      ->check(checkThresholdMode, "top|relative")
      ->capture_default_str();
  cmd->add_option("--colormap", options->colorMap, "Colour map of the spectrum PNG: viridis or magma")
      ->check(checkColorMap, "viridis|magma")
      ->capture_default_str();
  cmd->add_option("--out", options->outDir, "Output folder (created if missing)")->required();
  cmd->add_flag("--json", options->json, "Print one JSON object per input instead of a line");
  cmd->callback([options, &exitCode] { exitCode = runMaskCommand(*options, std::cout, std::cerr); });
  return cmd;
}

}  // namespace folk::cli
