#include "core/spectral/mask_analysis.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "core/spectral/mask_pipeline.h"

namespace folk {

RadialProfile radialPowerProfile(const LumaSpectrum& spectrum) {
  const int h = spectrum.height, w = spectrum.width;
  const int bins = int(std::ceil(std::hypot(h / 2 + 1, w / 2 + 1))) + 1;
  std::vector<double> sum(std::size_t(bins), 0.0);
  std::vector<std::int64_t> count(std::size_t(bins), 0);
  for (int i = 0; i < h; ++i) {
    for (int j = 0; j < w; ++j) {
      const int bin = int(std::lround(std::hypot(i - h / 2, j - w / 2)));
      const double m = spectrum.magnitude[std::size_t(i) * w + j];
      sum[std::size_t(bin)] += m * m;
      ++count[std::size_t(bin)];
    }
  }
  RadialProfile profile;
  for (int b = 0; b < bins; ++b) {
    if (count[std::size_t(b)] == 0) continue;
    profile.radius.push_back(b);
    profile.power.push_back(sum[std::size_t(b)] / double(count[std::size_t(b)]));
  }
  return profile;
}

MaskAnalyser::MaskAnalyser(Image image) : image_(std::move(image)) {
  if (image_.empty()) throw std::invalid_argument("MaskAnalyser: empty image");
  spectrum_ = computeLumaSpectrum(image_);
  keys_ = magnitudeKeys(spectrum_.magnitude);
  channelSpectra_ = computeChannelSpectra(image_);
  logSpectrum_ = logMagnitude(spectrum_);
  profile_ = radialPowerProfile(spectrum_);
}

namespace {

// Everything analyse() reports that follows from the mask and the filtered image.
MaskAnalysis assemble(const Image& image, const MaskSpec& spec, MaskSource source, const LumaSpectrum& spectrum, Mask mask,
                      FilterOutput filtered, std::vector<float> logSpectrum, RadialProfile profile) {
  const int h = image.height, w = image.width;
  MaskAnalysis a;
  a.spec = resolvedSpec(spec, h, w);
  a.source = source;
  if (usesRatio(spec.kind) && source == MaskSource::Filter) {
    // tau: the weakest magnitude Com keeps (RCom's mask is its complement), where the cut lies.
    const std::uint8_t comKept = keepsComplement(spec.kind) ? 0 : 1;
    double tau = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < mask.keep.size(); ++i)
      if (mask.keep[i] == comKept) tau = std::min(tau, spectrum.magnitude[i]);
    a.threshold = std::isfinite(tau) ? tau : 0.0;
  }
  a.mask = std::move(mask);
  a.filtered = std::move(filtered.filtered);
  a.retainedEnergy = filtered.retainedEnergy;
  a.residual = Image(image.channels, h, w);
  for (std::size_t i = 0; i < image.pixels.size(); ++i)
    a.residual.pixels[i] = std::clamp(image.pixels[i] - a.filtered.pixels[i] + 0.5f, 0.0f, 1.0f);
  a.logSpectrum = std::move(logSpectrum);
  a.keptCoefficients = a.mask.keptCount();
  a.totalCoefficients = std::int64_t(h) * w;
  a.psnrDb = psnr(image, a.filtered);
  a.profile = std::move(profile);
  return a;
}

}  // namespace

MaskAnalysis MaskAnalyser::analyse(const MaskSpec& spec) const {
  Mask mask = computeMaskFromKeys(spec, image_.height, image_.width, keys_);
  FilterOutput filtered = applyMask(channelSpectra_, mask);
  return assemble(image_, spec, MaskSource::Filter, spectrum_, std::move(mask), std::move(filtered), logSpectrum_,
                  profile_);
}

MaskAnalysis MaskAnalyser::analyse(const MaskSpec& spec, const MaskEdits& edits) const {
  if (edits.height != image_.height || edits.width != image_.width)
    throw std::invalid_argument("MaskAnalyser: the drawn regions are " + std::to_string(edits.height) + "x" +
                                std::to_string(edits.width) + " but the image is " + std::to_string(image_.height) +
                                "x" + std::to_string(image_.width));
  if (edits.empty()) return analyse(spec);
  Mask mask = computeMaskFromKeys(spec, image_.height, image_.width, keys_);
  applyEdits(mask, edits);
  FilterOutput filtered = applyMask(channelSpectra_, mask);
  return assemble(image_, spec, MaskSource::EditedFilter, spectrum_, std::move(mask), std::move(filtered),
                  logSpectrum_, profile_);
}

MaskAnalysis MaskAnalyser::analyse(const Mask& mask) const {
  FilterOutput filtered = applyMask(channelSpectra_, mask);
  return assemble(image_, MaskSpec{}, MaskSource::Given, spectrum_, mask, std::move(filtered), logSpectrum_, profile_);
}

MaskAnalysis analyseMask(const Image& image, const MaskSpec& spec) {
  // One spec: the fused pipeline (mask_pipeline.h) rather than an analyser's cached spectra.
  if (image.empty()) throw std::invalid_argument("analyseMask: empty image");
  MaskPipelineResult r = runMaskPipeline(image, spec);
  std::vector<float> logSpectrum = logMagnitude(r.spectrum);
  RadialProfile profile = radialPowerProfile(r.spectrum);
  return assemble(image, spec, MaskSource::Filter, r.spectrum, std::move(r.mask), std::move(r.output),
                  std::move(logSpectrum), std::move(profile));
}

MaskAnalysis analyseMask(const Image& image, const Mask& mask) {
  if (image.empty()) throw std::invalid_argument("analyseMask: empty image");
  const LumaSpectrum spectrum = computeLumaSpectrum(image);
  FilterOutput filtered = applyMask(image, mask);
  return assemble(image, MaskSpec{}, MaskSource::Given, spectrum, mask, std::move(filtered), logMagnitude(spectrum),
                  radialPowerProfile(spectrum));
}

}  // namespace folk
