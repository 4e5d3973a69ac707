#pragma once
// Multi-crop augmentation (DESIGN.md §3, DINO style): each training image gives two global views,
// each a random resized crop to the output size, a horizontal flip, colour jitter and random
// greyscale (colour data; brightness / contrast also on grey data when asked), an optional Gaussian
// blur and solarisation, optional random erasing and Gaussian noise; plus `local.count` local crops
// (smaller crops of a smaller output size, for the student only) made the same way. Views stay in
// [0,1]; normalisation is separate (normalization.h) because the FOLK masks are computed on [0,1]
// images.
//
// Every random draw comes from SampleRng(seed, epoch, index): the views of a sample do not depend on
// which loader thread builds them or when. The two global views draw from one stream exactly as
// without local crops, erasing and noise, so turning those on leaves the global views unchanged.
#include <array>
#include <cstdint>
#include <vector>

#include "core/data/image.h"
#include "core/data/image_ops.h"
#include "core/data/sample_rng.h"

namespace folk {

// The augmentation settings as typed values. Their defaults are the settings registry's
// (core/io/settings_registry.cpp, `data.augment.*`): the members start zero / empty, and a usable
// config comes from TrainConfig (`defaultConfig().data.augment`) or states every field it needs.
struct ColorJitter {
  double probability{};  // applied as a whole with this probability (DINO)
  double brightness{};   // factor uniform in [1-b, 1+b]
  double contrast{};
  double saturation{};
  double hue{};          // shift uniform in [-h, h] turns (h <= 0.5)
  // Brightness and contrast (in torchvision's random order) also on grey, 1-channel views, where
  // saturation and hue mean nothing. Off: grey views get no jitter at all.
  bool grey{};
};

// DINO's local crops: small crops, seen by the student only, that the teacher's global views
// supervise. count 0: two views only.
struct LocalCropConfig {
  int count{};
  // Output side in pixels; a ViT needs a multiple of its patch size (position embeddings are
  // interpolated to the smaller grid).
  int size{};
  double scaleMin{}, scaleMax{};  // crop area as a fraction of the image
  double blurProbability{};
  double solarizeProbability{};
};

struct AugmentConfig {
  int outputSize{};  // square views, outputSize × outputSize (TrainConfig: the model's image size)
  int channels{};    // views have this many channels; inputs are converted (1 <-> 3) (the model's)
  double scaleMin{}, scaleMax{};  // crop area as a fraction of the image
  double ratioMin{}, ratioMax{};  // crop aspect ratio (width / height)
  double flipProbability{};
  ColorJitter jitter;
  double greyscaleProbability{};
  // Per view, as DINO's two global crops (DINO: 1.0 / 0.1).
  std::array<double, 2> blurProbability{};
  double blurSigmaMin{}, blurSigmaMax{};
  std::array<double, 2> solarizeProbability{};
  // Random erasing (every view): a rectangle of a fraction in [min, max] of the view's area, aspect
  // ratio log-uniform in [0.3, 3.3], set to 0 (black, the background of MNIST-like data).
  double eraseProbability{};
  double eraseScaleMin{}, eraseScaleMax{};
  // Additive Gaussian noise (every view), standard deviation uniform in [0, noiseStd], clamped to [0,1].
  double noiseProbability{};
  double noiseStd{};
  LocalCropConfig local;

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
  std::size_t localFloats() const {
    return std::size_t(config_.channels) * config_.local.size * config_.local.size;
  }

  // Writes view 0 and view 1 of `image` (channels already converted to config().channels) to
  // out0 / out1 (viewFloats() floats each).
  void apply(const Image& image, std::uint64_t seed, std::uint64_t epoch, std::uint64_t index, float* out0,
             float* out1) const;
  // Writes local crop `crop` (0 <= crop < config().local.count) to `out` (localFloats() floats).
  void applyLocal(const Image& image, std::uint64_t seed, std::uint64_t epoch, std::uint64_t index, int crop,
                  float* out) const;
  // Convenience for tests and previews: both views as images (converts channels first).
  std::array<Image, 2> apply(const Image& image, std::uint64_t seed, std::uint64_t epoch, std::uint64_t index) const;
  // The same for the local crops (config().local.count images).
  std::vector<Image> applyLocals(const Image& image, std::uint64_t seed, std::uint64_t epoch,
                                 std::uint64_t index) const;

 private:
  // What differs between a global view and a local crop.
  struct ViewKind {
    int size;
    double scaleMin, scaleMax;
    double blurProbability, solarizeProbability;
  };
  void view(const Image& image, const ViewKind& kind, SampleRng& rng, SampleRng& extra, float* out) const;
  ViewKind globalKind(int which) const;
  ViewKind localKind() const;
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
