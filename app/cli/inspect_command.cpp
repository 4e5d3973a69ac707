#include "app/cli/inspect_command.h"

#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "app/cli/output_stems.h"
#include "core/data/image_file.h"
#include "core/data/image_format.h"
#include "core/io/run_directory.h"
#include "core/spectral/color_map.h"
#include "core/train/model_inspection.h"
#include "core/util/npy.h"

namespace folk::cli {
namespace {

namespace fs = std::filesystem;

// A grid×grid map blown up to the model's input size, each cell a block, so the PNG lines up with
// the input image.
Image blockUpscaled(const Image& small, int height, int width) {
  Image out(small.channels, height, width);
  for (int c = 0; c < small.channels; ++c)
    for (int y = 0; y < height; ++y)
      for (int x = 0; x < width; ++x) out.at(c, y, x) = small.at(c, y * small.height / height, x * small.width / width);
  return out;
}

// One attention map, scaled by its largest entry so faint heads stay visible.
Image attentionImage(const std::vector<float>& map, int grid) {
  Image out(1, grid, grid);
  float largest = 0.0f;
  for (float v : map) largest = std::max(largest, v);
  for (std::size_t i = 0; i < map.size() && i < out.pixels.size(); ++i)
    out.pixels[i] = largest > 0.0f ? map[i] / largest : 0.0f;
  return out;
}

std::string psnrText(double mse) {
  if (!(mse > 0.0)) return "inf";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", 10.0 * std::log10(1.0 / mse));
  return buffer;
}

// "41.2 % / 18.0 % / 9.1 %": each component's share of the patch features' variance.
std::string sharesText(const std::array<double, 3>& shares) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.1f %% / %.1f %% / %.1f %%", 100.0 * shares[0], 100.0 * shares[1],
                100.0 * shares[2]);
  return buffer;
}

nlohmann::json inspectOne(InspectionModel& model, const std::string& input, const MaskSpec& spec,
                          const std::string& outDir, OutputStems& stems, bool json, std::ostream& out) {
  std::vector<std::string> written;
  const std::string stem = fs::path(input).stem().string();
  // Load first: a missing or broken file is reported as such rather than as a name clash.
  const Image image = loadImage(input);
  stems.claim(stem, input);
  const ModelInspection r = inspectImage(model, image, spec);
  const int h = r.input.height, w = r.input.width;
  auto path = [&](const std::string& suffix) {
    written.push_back((fs::path(outDir) / (stem + suffix)).string());
    return written.back();
  };
  savePng(r.input, path("_input.png"));
  npy::writeFloat32(path("_input.npy"), {r.input.channels, h, w}, r.input.pixels.data());
  savePng(r.filtered, path("_filtered.png"));
  nlohmann::json j{{"input", input}, {"ok", true}, {"height", h}, {"width", w}, {"grid", r.grid}};
  if (!r.reconstruction.empty()) {
    savePng(r.reconstruction, path("_reconstruction.png"));
    savePng(r.error, path("_error.png"));
    const std::vector<std::uint8_t> rgb = applyColorMap(r.errorLogSpectrum, ColorMap::Magma);
    savePngRgb8(rgb.data(), h, w, path("_error_spectrum.png"));
    j["reconstruction_mse"] = r.reconstructionMse;
    j["reconstruction_psnr_db"] = r.reconstructionMse > 0.0 ? nlohmann::json(10.0 * std::log10(1.0 / r.reconstructionMse))
                                                            : nlohmann::json(nullptr);
  }
  if (!r.attention.empty()) {
    const std::size_t cells = std::size_t(r.grid) * std::size_t(r.grid);
    std::vector<float> all, mean(cells, 0.0f);
    for (std::size_t head = 0; head < r.attention.size(); ++head) {
      all.insert(all.end(), r.attention[head].begin(), r.attention[head].end());
      for (std::size_t i = 0; i < cells; ++i) mean[i] += r.attention[head][i] / float(r.attention.size());
      savePng(blockUpscaled(attentionImage(r.attention[head], r.grid), h, w),
              path("_attention_head" + std::to_string(head) + ".png"));
    }
    savePng(blockUpscaled(attentionImage(mean, r.grid), h, w), path("_attention_mean.png"));
    npy::writeFloat32(path("_attention.npy"), {std::int64_t(r.attention.size()), r.grid, r.grid}, all.data());
    j["heads"] = r.attention.size();
  }
  savePng(blockUpscaled(r.pca, h, w), path("_pca.png"));
  j["pca_variance"] = {r.pcaVariance[0], r.pcaVariance[1], r.pcaVariance[2]};
  j["outputs"] = written;
  if (!json) {
    out << input << ": " << written.size() << " files";
    if (!r.reconstruction.empty()) out << ", reconstruction PSNR " << psnrText(r.reconstructionMse) << " dB";
    out << ", PCA variance " << sharesText(r.pcaVariance) << '\n';
  }
  return j;
}

}  // namespace

int runInspectCommand(const InspectCommandOptions& options, std::ostream& out, std::ostream& err) {
  std::string problem;
  const MaskSpec spec = maskSpecFrom(options.mask, problem);
  if (!problem.empty()) {
    err << "folk inspect: " << problem << '\n';
    return 2;
  }
  InspectionModel model;
  try {
    model = loadInspectionModel(RunDirectory::open(options.run));
  } catch (const std::exception& e) {
    err << "folk inspect: " << e.what() << '\n';
    return 1;
  }
  std::error_code ec;
  fs::create_directories(options.outDir, ec);
  if (ec || !fs::is_directory(options.outDir)) {
    err << "folk inspect: cannot create the output folder '" << options.outDir
        << "': " << (ec ? ec.message() : "a file with that name exists") << '\n';
    return 2;
  }
  if (!options.json)
    out << "run " << model.runRoot << ": step " << model.step << ", " << model.model.name << ", features of the "
        << model.evaluatedRole << (model.reconstruction ? ", reconstruction head" : ", no reconstruction head") << '\n';
  OutputStems stems;
  int failed = 0;
  for (const std::string& input : options.images) {
    try {
      const nlohmann::json j = inspectOne(model, input, spec, options.outDir, stems, options.json, out);
      if (options.json) out << j.dump() << '\n';
    } catch (const std::exception& e) {
      err << "folk inspect: " << input << ": " << e.what() << '\n';
      if (options.json) out << nlohmann::json{{"input", input}, {"ok", false}, {"error", e.what()}}.dump() << '\n';
      ++failed;
    }
  }
  return failed == 0 ? 0 : 1;
}

CLI::App* addInspectCommand(CLI::App& app, int& exitCode) {
  auto options = std::make_shared<InspectCommandOptions>();
  CLI::App* cmd = app.add_subcommand(
      "inspect", "What a run's latest checkpoint makes of images: reconstruction under a frequency mask and its "
                 "error spectrum, CLS attention per head (ViT), patch-feature PCA as colours");
  cmd->add_option("run", options->run, "Run folder")->required();
  cmd->add_option("images", options->images, "Image files (" + readableImageFormatNames() + ")")->required();
  addMaskSpecOptions(*cmd, options->mask);
  cmd->add_option("--out", options->outDir, "Output folder (created if missing)")->required();
  cmd->add_flag("--json", options->json, "Print one JSON object per image instead of a line");
  cmd->callback([options, &exitCode] { exitCode = runInspectCommand(*options, std::cout, std::cerr); });
  return cmd;
}

}  // namespace folk::cli
