#include "app/cli/mask_command.h"

#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <stdexcept>

#include "app/cli/mask_outputs.h"
#include "core/data/image_file.h"
#include "core/data/image_format.h"
#include "core/spectral/mask_analysis.h"
#include "core/spectral/mask_file.h"
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

// What every input is filtered with: a spec, or a mask read once from --mask-file.
struct MaskChoice {
  MaskSpec spec;
  std::optional<MaskFile> given;
};

void processImage(const std::string& input, const MaskChoice& choice, const MaskCommandOptions& options,
                  StemRegistry& stems, std::ostream& out) {
  const std::string stem = fs::path(input).stem().string();
  if (stem.empty()) throw ImageFileError(input, "the path has no file name");
  // Load first: a missing or broken file is reported as such rather than as a name clash.
  const Image image = loadImage(input);
  const std::string owner = stems.claim(stem, input);
  if (!owner.empty())
    throw ImageFileError(input, "its outputs would be named '" + stem + "_*' like those of " + owner +
                                    " in this call; rename one of them or run them separately");
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
  spec.order = options.order;
  spec.bandWidth = options.bandWidth;
  if (const std::string problem = validateMaskSpec(spec); !problem.empty()) {
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

  StemRegistry stems;
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
  cmd->add_option("--filter", options->filter, filterKindNames())
      ->check(checkFilter, filterKindNames("|", "|"))
      ->capture_default_str();
  cmd->add_option("--ratio", options->ratio, "rho in (0, 1]: fraction of coefficients (Com/RCom)")
      ->check(checkRatio, "(0,1]")
      ->capture_default_str();
  cmd->add_option("--radius", options->radius,
                  "Radius in frequency bins: the disc of lowpass/highpass, the cut-off D0 of the soft low-/high-pass "
                  "filters, the ring's centre C0 of band-pass/band-stop (default 16*min(H,W)/224)");
  cmd->add_option("--order", options->order, "Order n of the Butterworth filters: higher is a sharper edge")
      ->check(CLI::Range(kMinOrder, kMaxOrder))
      ->capture_default_str();
  cmd->add_option("--band-width", options->bandWidth,
                  "Width W of the ring in frequency bins for band-pass/band-stop (default: half the radius)");
  auto* maskFile = cmd->add_option("--mask-file", options->maskFile,
                                   "Filter with this mask instead: a greyscale image of the images' size, centred "
                                   "like the *_mask.png that folk mask writes (white passes, black stops, grey "
                                   "passes part), or an H×W .npy of 0/1 or weights in [0, 1]");
  cmd->add_option("--threshold-mode", options->thresholdMode,
                  "top: keep the ceil(rho*N) strongest; relative: keep |F| >= rho*max|F|")
      ->check(checkThresholdMode, "top|relative")
      ->capture_default_str();
  cmd->add_option("--colormap", options->colorMap, "Colour map of the spectrum PNG: viridis or magma")
      ->check(checkColorMap, "viridis|magma")
      ->capture_default_str();
  for (const char* filterOption : {"--filter", "--ratio", "--radius", "--order", "--band-width", "--threshold-mode"})
    maskFile->excludes(cmd->get_option(filterOption));
  cmd->add_option("--out", options->outDir, "Output folder (created if missing)")->required();
  cmd->add_flag("--json", options->json, "Print one JSON object per input instead of a line");
  cmd->callback([options, &exitCode] { exitCode = runMaskCommand(*options, std::cout, std::cerr); });
  return cmd;
}

}  // namespace folk::cli
