#include "core/spectral/mask_analysis.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

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

MaskAnalysis MaskAnalyser::analyse(const MaskSpec& spec) const {
  const std::string problem = validateMaskSpec(spec);
  if (!problem.empty()) throw std::invalid_argument(problem);
  const int h = image_.height, w = image_.width;

  MaskAnalysis a;
  a.spec = spec;
  a.mask.height = h;
  a.mask.width = w;
  const bool ratioBased = spec.kind == FilterKind::Com || spec.kind == FilterKind::RCom;
  if (ratioBased) {
    a.mask.keep = comMaskFromKeys(keys_, spec.ratio, spec.mode);
    // tau: the weakest magnitude Com keeps, i.e. where the cut lies on the magnitude axis.
    double tau = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < a.mask.keep.size(); ++i)
      if (a.mask.keep[i]) tau = std::min(tau, spectrum_.magnitude[i]);
    a.threshold = std::isfinite(tau) ? tau : 0.0;
    if (spec.kind == FilterKind::RCom)
      for (auto& v : a.mask.keep) v = std::uint8_t(1 - v);
  } else {
    if (a.spec.radius <= 0) a.spec.radius = defaultRadius(h, w);
    a.mask.keep = lowPassMask(h, w, a.spec.radius);
    if (spec.kind == FilterKind::HighPass)
      for (auto& v : a.mask.keep) v = std::uint8_t(1 - v);
  }

  FilterOutput filtered = applyMask(channelSpectra_, a.mask);
  a.filtered = std::move(filtered.filtered);
  a.retainedEnergy = filtered.retainedEnergy;
  a.residual = Image(image_.channels, h, w);
  for (std::size_t i = 0; i < image_.pixels.size(); ++i)
    a.residual.pixels[i] = std::clamp(image_.pixels[i] - a.filtered.pixels[i] + 0.5f, 0.0f, 1.0f);
  a.logSpectrum = logSpectrum_;
  a.keptCoefficients = a.mask.keptCount();
  a.totalCoefficients = std::int64_t(h) * w;
  a.psnrDb = psnr(image_, a.filtered);
  a.profile = profile_;
  return a;
}

MaskAnalysis analyseMask(const Image& image, const MaskSpec& spec) { return MaskAnalyser(image).analyse(spec); }

}  // namespace folk
