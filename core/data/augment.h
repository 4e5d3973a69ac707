#pragma once
// Two-view augmentation (DESIGN.md §3, DINO style): each training image gives two views, each a
// random resized crop to the output size, a horizontal flip, colour jitter and random greyscale
// (colour data only), an optional Gaussian blur and solarisation. Views stay in [0,1]; normalisation
// is separate (normalization.h) because the FOLK masks are computed on [0,1] images.
//
// Every random draw comes from SampleRng(seed, epoch, index): the views of a sample do not depend on
// which loader thread builds them or when.
#include <array>
#include <cstdint>

#include "core/data/image.h"
#include "core/data/image_ops.h"
#include "core/data/sample_rng.h"

namespace folk {

struct ColorJitter {
  double probability = 0.8;  // applied as a whole with this probability (DINO)
  double brightness = 0.4;   // factor uniform in [1-b, 1+b]
  double contrast = 0.4;
  double saturation = 0.2;
  double hue = 0.1;          // shift uniform in [-h, h] turns (h <= 0.5)
};

struct AugmentConfig {
  int outputSize = 28;  // square views, outputSize × outputSize
  int channels = 1;     // views have this many channels; inputs are converted (1 <-> 3)
  double scaleMin = 0.4, scaleMax = 1.0;  // crop area as a fraction of the image
  double ratioMin = 3.0 / 4.0, ratioMax = 4.0 / 3.0;  // crop aspect ratio (width / height)
  double flipProbability = 0.5;
  ColorJitter jitter;
  double greyscaleProbability = 0.2;
  // Per view, as DINO's two global crops (1.0 / 0.1); off by default because a blur wipes out most
  // of a 28×28 or 32×32 image.
  std::array<double, 2> blurProbability{0.0, 0.0};
  double blurSigmaMin = 0.1, blurSigmaMax = 2.0;
  std::array<double, 2> solarizeProbability{0.0, 0.0};

  // Throws std::invalid_argument with a message naming the first bad field.
  void validate() const;
};

// Draws a crop box as torchvision's RandomResizedCrop: up to 10 tries of (area, log-uniform ratio)
// that fit, else the largest centred box with the ratio clamped to the range.
CropBox sampleResizedCrop(int height, int width, double scaleMin, double scaleMax, double ratioMin, double ratioMax,
                          SampleRng& rng);

class TwoViewAugmentation {
 public:
  explicit TwoViewAugmentation(AugmentConfig config);
  const AugmentConfig& config() const { return config_; }
  std::size_t viewFloats() const { return std::size_t(config_.channels) * config_.outputSize * config_.outputSize; }

  // Writes view 0 and view 1 of `image` (channels already converted to config().channels) to
  // out0 / out1 (viewFloats() floats each).
  void apply(const Image& image, std::uint64_t seed, std::uint64_t epoch, std::uint64_t index, float* out0,
             float* out1) const;
  // Convenience for tests and previews: both views as images (converts channels first).
  std::array<Image, 2> apply(const Image& image, std::uint64_t seed, std::uint64_t epoch, std::uint64_t index) const;

 private:
  void view(const Image& image, int which, SampleRng& rng, float* out) const;
  AugmentConfig config_;
};

// The evaluation transform: resize the shorter side to outputSize / cropFraction, take the centred
// outputSize crop (cropFraction 1: just fit the image), convert channels. No randomness.
struct EvalTransform {
  int outputSize = 28;
  int channels = 1;
  double cropFraction = 1.0;  // 0.875 is the ImageNet convention (256 -> 224)
  void validate() const;
  Image apply(const Image& image) const;
};

}  // namespace folk
