#include "core/data/augment.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace folk {

namespace {
void require(bool ok, const std::string& message) {
  if (!ok) throw std::invalid_argument("augmentation: " + message);
}
}  // namespace

void AugmentConfig::validate() const {
  require(outputSize >= 1, "output size must be positive, got " + std::to_string(outputSize));
  require(channels == 1 || channels == 3, "channels must be 1 or 3, got " + std::to_string(channels));
  require(scaleMin > 0.0 && scaleMin <= scaleMax && scaleMax <= 1.0,
          "crop scale range must satisfy 0 < min <= max <= 1, got [" + std::to_string(scaleMin) + ", " +
              std::to_string(scaleMax) + "]");
  require(ratioMin > 0.0 && ratioMin <= ratioMax, "crop ratio range must satisfy 0 < min <= max");
  auto probability = [](double p) { return p >= 0.0 && p <= 1.0; };
  require(probability(flipProbability) && probability(jitter.probability) && probability(greyscaleProbability) &&
              probability(blurProbability[0]) && probability(blurProbability[1]) &&
              probability(solarizeProbability[0]) && probability(solarizeProbability[1]),
          "probabilities must be in [0,1]");
  require(jitter.brightness >= 0 && jitter.contrast >= 0 && jitter.saturation >= 0 && jitter.hue >= 0 &&
              jitter.hue <= 0.5,
          "colour jitter strengths must be >= 0 (hue <= 0.5)");
  require(blurSigmaMin > 0.0 && blurSigmaMin <= blurSigmaMax, "blur sigma range must satisfy 0 < min <= max");
  require(probability(eraseProbability) && probability(noiseProbability) && probability(local.blurProbability) &&
              probability(local.solarizeProbability),
          "probabilities must be in [0,1]");
  require(eraseScaleMin > 0.0 && eraseScaleMin <= eraseScaleMax && eraseScaleMax <= 1.0,
          "erase scale range must satisfy 0 < min <= max <= 1, got [" + std::to_string(eraseScaleMin) + ", " +
              std::to_string(eraseScaleMax) + "]");
  require(noiseStd >= 0.0, "noise standard deviation must be >= 0, got " + std::to_string(noiseStd));
  require(local.count >= 0, "local crop count must be >= 0, got " + std::to_string(local.count));
  if (local.count > 0) {
    require(local.size >= 1 && local.size <= outputSize,
            "local crop size must lie in [1, output size " + std::to_string(outputSize) + "], got " +
                std::to_string(local.size));
    require(local.scaleMin > 0.0 && local.scaleMin <= local.scaleMax && local.scaleMax <= 1.0,
            "local crop scale range must satisfy 0 < min <= max <= 1, got [" + std::to_string(local.scaleMin) +
                ", " + std::to_string(local.scaleMax) + "]");
  }
}

CropBox sampleResizedCrop(int height, int width, double scaleMin, double scaleMax, double ratioMin, double ratioMax,
                          SampleRng& rng) {
  const double area = double(height) * width;
  const double logMin = std::log(ratioMin), logMax = std::log(ratioMax);
  for (int attempt = 0; attempt < 10; ++attempt) {
    const double target = area * rng.uniform(scaleMin, scaleMax);
    const double ratio = std::exp(rng.uniform(logMin, logMax));
    const int w = int(std::lround(std::sqrt(target * ratio)));
    const int h = int(std::lround(std::sqrt(target / ratio)));
    if (w > 0 && h > 0 && w <= width && h <= height) {
      const int top = int(rng.between(0, height - h));
      const int left = int(rng.between(0, width - w));
      return {top, left, h, w};
    }
  }
  // Fallback: centred crop of the whole image with the aspect ratio clamped into range.
  const double inRatio = double(width) / height;
  int w = width, h = height;
  if (inRatio < ratioMin) {
    h = std::max(1, int(std::lround(w / ratioMin)));
  } else if (inRatio > ratioMax) {
    w = std::max(1, int(std::lround(h * ratioMax)));
  }
  h = std::min(h, height);
  w = std::min(w, width);
  return {(height - h) / 2, (width - w) / 2, h, w};
}

TwoViewAugmentation::TwoViewAugmentation(AugmentConfig config) : config_(config) { config_.validate(); }

TwoViewAugmentation::ViewKind TwoViewAugmentation::globalKind(int which) const {
  const auto w = std::size_t(which);
  return {config_.outputSize, config_.scaleMin, config_.scaleMax, config_.blurProbability[w],
          config_.solarizeProbability[w]};
}

TwoViewAugmentation::ViewKind TwoViewAugmentation::localKind() const {
  const LocalCropConfig& l = config_.local;
  return {l.size, l.scaleMin, l.scaleMax, l.blurProbability, l.solarizeProbability};
}

void TwoViewAugmentation::view(const Image& image, const ViewKind& kind, SampleRng& rng, SampleRng& extra,
                               float* out) const {
  const AugmentConfig& c = config_;
  const int s = kind.size, ch = c.channels;
  if (image.channels != ch)
    throw std::invalid_argument("TwoViewAugmentation: image has " + std::to_string(image.channels) +
                                " channels, expected " + std::to_string(ch));

  // The number of draws per step is fixed whatever the outcome, so one decision never shifts the
  // random numbers of the next (keeps views comparable when a probability is changed).
  const CropBox box = sampleResizedCrop(image.height, image.width, kind.scaleMin, kind.scaleMax, c.ratioMin,
                                        c.ratioMax, rng);
  cropResizeInto(image, box, s, s, out);

  if (rng.bernoulli(c.flipProbability)) flipHorizontal(out, ch, s, s);

  const bool jitter = rng.bernoulli(c.jitter.probability);
  double factors[4];
  for (int k = 0; k < 3; ++k) {
    const double strength = k == 0 ? c.jitter.brightness : k == 1 ? c.jitter.contrast : c.jitter.saturation;
    factors[k] = rng.uniform(std::max(0.0, 1.0 - strength), 1.0 + strength);
  }
  factors[3] = rng.uniform(-c.jitter.hue, c.jitter.hue);
  int order[4] = {0, 1, 2, 3};  // torchvision applies the four adjustments in a random order
  for (int k = 3; k > 0; --k) std::swap(order[k], order[rng.below(std::uint64_t(k) + 1)]);
  const bool grey = rng.bernoulli(c.greyscaleProbability);
  // Saturation, hue and greyscale only for colour data: on one channel they mean nothing.
  // Brightness and contrast on one channel only when asked (jitter.grey): they are then the only
  // photometric change a grey view gets.
  if (ch == 3) {
    if (jitter) {
      for (int k : order) {
        switch (k) {
          case 0: adjustBrightness(out, ch, s, s, float(factors[0])); break;
          case 1: adjustContrast(out, ch, s, s, float(factors[1])); break;
          case 2: adjustSaturation(out, s, s, float(factors[2])); break;
          default: if (factors[3] != 0.0) adjustHue(out, s, s, float(factors[3])); break;
        }
      }
    }
    if (grey) toGreyscale(out, s, s);
  } else if (jitter && c.jitter.grey) {
    for (int k : order) {
      if (k == 0) adjustBrightness(out, ch, s, s, float(factors[0]));
      if (k == 1) adjustContrast(out, ch, s, s, float(factors[1]));
    }
  }

  const bool blur = rng.bernoulli(kind.blurProbability);
  const double sigma = rng.uniform(c.blurSigmaMin, c.blurSigmaMax);
  if (blur) gaussianBlur(out, ch, s, s, sigma);
  if (rng.bernoulli(kind.solarizeProbability)) solarize(out, ch, s, s);

  // Erasing and noise draw from the view's own `extra` generator (see augment.h).
  const bool erase = extra.bernoulli(c.eraseProbability);
  const double eraseArea = extra.uniform(c.eraseScaleMin, c.eraseScaleMax) * s * s;
  const double eraseRatio = std::exp(extra.uniform(std::log(0.3), std::log(3.3)));
  const int eh = std::clamp(int(std::lround(std::sqrt(eraseArea / eraseRatio))), 1, s);
  const int ew = std::clamp(int(std::lround(std::sqrt(eraseArea * eraseRatio))), 1, s);
  const CropBox erased{int(extra.between(0, s - eh)), int(extra.between(0, s - ew)), eh, ew};
  if (erase) fillBox(out, ch, s, s, erased, 0.0f);
  const bool noise = extra.bernoulli(c.noiseProbability);
  const double noiseStd = extra.uniform(0.0, c.noiseStd);
  if (noise) {
    // Last in the stream: the number of draws here depends on the view size only.
    const std::size_t n = std::size_t(ch) * s * s;
    for (std::size_t p = 0; p < n; ++p)
      out[p] = std::min(1.0f, std::max(0.0f, out[p] + float(noiseStd * extra.normal())));
  }
}

void TwoViewAugmentation::apply(const Image& image, std::uint64_t seed, std::uint64_t epoch, std::uint64_t index,
                                float* out0, float* out1) const {
  SampleRng rng(seed, epoch, index, RngStream::Augment);
  SampleRng extra0(seed, epoch, index, RngStream::AugmentExtra, 1);
  SampleRng extra1(seed, epoch, index, RngStream::AugmentExtra, 2);
  view(image, globalKind(0), rng, extra0, out0);
  view(image, globalKind(1), rng, extra1, out1);
}

void TwoViewAugmentation::applyLocal(const Image& image, std::uint64_t seed, std::uint64_t epoch, std::uint64_t index,
                                     int crop, float* out) const {
  if (crop < 0 || crop >= config_.local.count)
    throw std::invalid_argument("TwoViewAugmentation: local crop " + std::to_string(crop) + " of " +
                                std::to_string(config_.local.count));
  SampleRng rng(seed, epoch, index, RngStream::AugmentLocal, std::uint64_t(crop) + 1);
  SampleRng extra(seed, epoch, index, RngStream::AugmentExtra, std::uint64_t(crop) + 3);
  view(image, localKind(), rng, extra, out);
}

std::array<Image, 2> TwoViewAugmentation::apply(const Image& image, std::uint64_t seed, std::uint64_t epoch,
                                                std::uint64_t index) const {
  const Image converted = convertChannels(image, config_.channels);
  std::array<Image, 2> views{Image(config_.channels, config_.outputSize, config_.outputSize),
                             Image(config_.channels, config_.outputSize, config_.outputSize)};
  apply(converted, seed, epoch, index, views[0].pixels.data(), views[1].pixels.data());
  return views;
}

std::vector<Image> TwoViewAugmentation::applyLocals(const Image& image, std::uint64_t seed, std::uint64_t epoch,
                                                    std::uint64_t index) const {
  const Image converted = convertChannels(image, config_.channels);
  std::vector<Image> crops;
  for (int k = 0; k < config_.local.count; ++k) {
    crops.emplace_back(config_.channels, config_.local.size, config_.local.size);
    applyLocal(converted, seed, epoch, index, k, crops.back().pixels.data());
  }
  return crops;
}

void EvalTransform::validate() const {
  require(outputSize >= 1, "evaluation output size must be positive");
  require(channels == 1 || channels == 3, "evaluation channels must be 1 or 3");
  require(cropFraction > 0.0 && cropFraction <= 1.0, "evaluation crop fraction must be in (0,1]");
}

Image EvalTransform::apply(const Image& image) const {
  const int shorter = std::max(outputSize, int(std::lround(outputSize / cropFraction)));
  return resizeCentreCrop(convertChannels(image, channels), shorter, outputSize);
}

}  // namespace folk
