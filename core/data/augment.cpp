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

void TwoViewAugmentation::view(const Image& image, int which, SampleRng& rng, float* out) const {
  const AugmentConfig& c = config_;
  const int s = c.outputSize, ch = c.channels;
  if (image.channels != ch)
    throw std::invalid_argument("TwoViewAugmentation: image has " + std::to_string(image.channels) +
                                " channels, expected " + std::to_string(ch));

  // The number of draws per step is fixed whatever the outcome, so one decision never shifts the
  // random numbers of the next (keeps views comparable when a probability is changed).
  const CropBox box = sampleResizedCrop(image.height, image.width, c.scaleMin, c.scaleMax, c.ratioMin, c.ratioMax, rng);
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
  // Colour jitter and greyscale only for colour data: on one channel saturation and hue mean
  // nothing, and brightness/contrast changes would be the only "colour" signal left.
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
  }

  const bool blur = rng.bernoulli(c.blurProbability[std::size_t(which)]);
  const double sigma = rng.uniform(c.blurSigmaMin, c.blurSigmaMax);
  if (blur) gaussianBlur(out, ch, s, s, sigma);
  if (rng.bernoulli(c.solarizeProbability[std::size_t(which)])) solarize(out, ch, s, s);
}

void TwoViewAugmentation::apply(const Image& image, std::uint64_t seed, std::uint64_t epoch, std::uint64_t index,
                                float* out0, float* out1) const {
  SampleRng rng(seed, epoch, index, RngStream::Augment);
  view(image, 0, rng, out0);
  view(image, 1, rng, out1);
}

std::array<Image, 2> TwoViewAugmentation::apply(const Image& image, std::uint64_t seed, std::uint64_t epoch,
                                                std::uint64_t index) const {
  const Image converted = convertChannels(image, config_.channels);
  std::array<Image, 2> views{Image(config_.channels, config_.outputSize, config_.outputSize),
                             Image(config_.channels, config_.outputSize, config_.outputSize)};
  apply(converted, seed, epoch, index, views[0].pixels.data(), views[1].pixels.data());
  return views;
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
