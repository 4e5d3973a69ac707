#include "app/cli/mask_outputs.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "core/data/image_file.h"
#include "core/util/npy.h"

namespace folk::cli {

MaskOutputPaths maskOutputPaths(const std::string& outDir, const std::string& stem) {
  const std::filesystem::path dir(outDir);
  auto path = [&](const char* suffix) { return (dir / (stem + suffix)).string(); };
  return {path("_mask.png"), path("_spectrum.png"), path("_filtered.png"), path("_mask.npy"), path("_filtered.npy")};
}

void writeMaskOutputs(const MaskAnalysis& a, const MaskOutputPaths& paths, ColorMap colorMap) {
  const int h = a.mask.height, w = a.mask.width;

  Image maskImage(1, h, w);
  for (std::size_t i = 0; i < a.mask.keep.size(); ++i) maskImage.pixels[i] = a.mask.gainAt(i);
  savePng(maskImage, paths.maskPng);

  const std::vector<std::uint8_t> spectrumRgb = applyColorMap(a.logSpectrum, colorMap);
  savePngRgb8(spectrumRgb.data(), h, w, paths.spectrumPng);

  savePng(a.filtered, paths.filteredPng);

  if (a.mask.soft())
    npy::writeFloat32(paths.maskNpy, {h, w}, a.mask.gain.data());
  else
    npy::writeUint8(paths.maskNpy, {h, w}, a.mask.keep.data());
  npy::writeFloat32(paths.filteredNpy, {a.filtered.channels, a.filtered.height, a.filtered.width},
                    a.filtered.pixels.data());
}

namespace {

// "com rho=0.05 top", "lowpass r=16.00" or "butterworth-bandpass r=8.00 w=4.00 n=2": only the
// parameters that the filter uses; "mask M.png" for a mask given whole, "+ drawn regions" after a
// spec that hand-drawn regions changed.
std::string specText(const MaskAnalysis& a, const std::string& maskFile) {
  if (a.source == MaskSource::Given) return "mask " + maskFile;
  const MaskSpec& spec = a.spec;
  char buffer[160];
  if (usesRatio(spec.kind)) {
    std::snprintf(buffer, sizeof buffer, "%s rho=%g %s", filterKindName(spec.kind).c_str(), spec.ratio,
                  thresholdModeName(spec.mode).c_str());
  } else {
    int used = std::snprintf(buffer, sizeof buffer, "%s r=%.2f", filterKindName(spec.kind).c_str(), spec.radius);
    if (usesBandWidth(spec.kind))
      used += std::snprintf(buffer + used, sizeof buffer - std::size_t(used), " w=%.2f", spec.bandWidth);
    if (usesOrder(spec.kind)) std::snprintf(buffer + used, sizeof buffer - std::size_t(used), " n=%g", spec.order);
  }
  return std::string(buffer) + (a.source == MaskSource::EditedFilter ? " + drawn regions" : "");
}

}  // namespace

std::string summaryLine(const std::string& input, const MaskAnalysis& a, const std::string& maskFile) {
  const double keptPercent = 100.0 * double(a.keptCoefficients) / double(std::max<std::int64_t>(a.totalCoefficients, 1));
  char psnrText[32];
  if (std::isinf(a.psnrDb))
    std::snprintf(psnrText, sizeof psnrText, "inf");
  else
    std::snprintf(psnrText, sizeof psnrText, "%.2f dB", a.psnrDb);
  char buffer[512];
  std::snprintf(buffer, sizeof buffer, "%s %dx%d %s  %s: %s %lld/%lld (%.2f%%), retained energy %.2f%%, PSNR %s",
                input.c_str(), a.mask.width, a.mask.height, a.filtered.channels == 1 ? "grey" : "rgb",
                specText(a, maskFile).c_str(), a.mask.soft() ? "gain >= 0.5 on" : "kept",
                static_cast<long long>(a.keptCoefficients),
                static_cast<long long>(a.totalCoefficients), keptPercent, 100.0 * a.retainedEnergy, psnrText);
  return buffer;
}

nlohmann::json summaryJson(const std::string& input, const MaskAnalysis& a, const MaskOutputPaths& paths,
                           const std::string& maskFile) {
  nlohmann::json j;
  j["input"] = input;
  j["ok"] = true;
  j["width"] = a.mask.width;
  j["height"] = a.mask.height;
  j["channels"] = a.filtered.channels;
  if (a.source == MaskSource::Given) {
    j["mask_file"] = maskFile;
  } else if (usesRatio(a.spec.kind)) {
    j["filter"] = filterKindName(a.spec.kind);
    j["ratio"] = a.spec.ratio;
    j["threshold_mode"] = thresholdModeName(a.spec.mode);
    j["threshold"] = a.threshold;
  } else {
    j["filter"] = filterKindName(a.spec.kind);
    j["radius"] = a.spec.radius;
    if (usesBandWidth(a.spec.kind)) j["band_width"] = a.spec.bandWidth;
    if (usesOrder(a.spec.kind)) j["order"] = a.spec.order;
  }
  j["soft"] = a.mask.soft();
  j["kept_coefficients"] = a.keptCoefficients;
  j["total_coefficients"] = a.totalCoefficients;
  j["retained_energy"] = a.retainedEnergy;
  j["psnr_db"] = std::isinf(a.psnrDb) ? nlohmann::json(nullptr) : nlohmann::json(a.psnrDb);
  j["outputs"] = {{"mask_png", paths.maskPng},     {"spectrum_png", paths.spectrumPng},
                  {"filtered_png", paths.filteredPng}, {"mask_npy", paths.maskNpy},
                  {"filtered_npy", paths.filteredNpy}};
  return j;
}

}  // namespace folk::cli
