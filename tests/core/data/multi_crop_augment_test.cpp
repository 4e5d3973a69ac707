// Multi-crop augmentation: local crops are deterministic per (seed, epoch, index, crop), have the
// local size and scale range, and leave the two global views unchanged; grey brightness /
// contrast jitter, random erasing and Gaussian noise.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/data/augment.h"
#include "core/data/image_ops.h"
#include "core/io/train_config.h"

namespace folk {
namespace {

// Red rises left to right, green top to bottom: a crop's value ranges give its extent.
Image ramps(int side) {
  Image image(3, side, side);
  for (int y = 0; y < side; ++y)
    for (int x = 0; x < side; ++x) {
      image.at(0, y, x) = float(x) / float(side - 1);
      image.at(1, y, x) = float(y) / float(side - 1);
    }
  return image;
}

AugmentConfig plainColour(int outputSize) {
  AugmentConfig config = defaultConfig().data.augment;
  config.ratioMin = config.ratioMax = 1.0;
  config.outputSize = outputSize;
  config.channels = 3;
  config.jitter.probability = 0.0;
  config.greyscaleProbability = 0.0;
  config.flipProbability = 0.0;
  return config;
}

// The fraction of the image a view shows, from the ranges of its two ramps.
double areaShown(const Image& view) {
  auto range = [&](int c) {
    const auto [lo, hi] = std::minmax_element(view.plane(c), view.plane(c) + view.planeSize());
    return double(*hi - *lo);
  };
  return range(0) * range(1);
}

TEST(MultiCrop, LocalCropsHaveTheirSizeAndScaleRange) {
  AugmentConfig config = plainColour(32);
  config.scaleMin = 0.9;
  config.local.count = 6;
  config.local.size = 12;
  config.local.scaleMin = 0.05;
  config.local.scaleMax = 0.3;
  const TwoViewAugmentation augment(config);
  const Image image = ramps(240);
  double smallest = 1.0, largest = 0.0;
  for (std::uint64_t index = 0; index < 40; ++index) {
    const auto locals = augment.applyLocals(image, 3, 0, index);
    ASSERT_EQ(locals.size(), 6u);
    for (const Image& crop : locals) {
      ASSERT_EQ(crop.channels, 3);
      ASSERT_EQ(crop.height, 12);
      ASSERT_EQ(crop.width, 12);
      const double area = areaShown(crop);
      smallest = std::min(smallest, area);
      largest = std::max(largest, area);
    }
    for (const Image& view : augment.apply(image, 3, 0, index)) EXPECT_GT(areaShown(view), 0.9 * 0.9);
  }
  // Resizing shrinks the ramps' ranges by about a pixel of the crop: a little below the drawn area.
  EXPECT_GT(smallest, 0.05 * 0.7);
  EXPECT_LT(largest, 0.3 * 1.02);
  EXPECT_LT(smallest, 0.1);  // 240 draws cover the range
  EXPECT_GT(largest, 0.2);
}

TEST(MultiCrop, LocalCropsAreDeterministicAndDistinct) {
  AugmentConfig config = plainColour(16);
  config.jitter.probability = 0.8;
  config.local.count = 3;
  config.local.size = 8;
  const TwoViewAugmentation augment(config);
  const Image image = ramps(64);
  const auto a = augment.applyLocals(image, 5, 1, 9);
  const auto b = augment.applyLocals(image, 5, 1, 9);
  ASSERT_EQ(a.size(), 3u);
  for (std::size_t k = 0; k < a.size(); ++k) EXPECT_EQ(a[k].pixels, b[k].pixels);
  EXPECT_NE(a[0].pixels, a[1].pixels);
  EXPECT_NE(a[1].pixels, a[2].pixels);
  EXPECT_NE(augment.applyLocals(image, 5, 1, 10)[0].pixels, a[0].pixels);  // another index
  EXPECT_NE(augment.applyLocals(image, 5, 2, 9)[0].pixels, a[0].pixels);   // another epoch
  EXPECT_NE(augment.applyLocals(image, 6, 1, 9)[0].pixels, a[0].pixels);   // another seed
  std::vector<float> out(augment.localFloats());
  EXPECT_THROW(augment.applyLocal(image, 5, 1, 9, 3, out.data()), std::invalid_argument);
}

TEST(MultiCrop, GlobalViewsDoNotDependOnLocalCropsOrOnExtraSettings) {
  AugmentConfig base = defaultConfig().data.augment;
  base.outputSize = 16;
  base.channels = 3;
  const Image image = ramps(48);
  const auto reference = TwoViewAugmentation(base).apply(image, 2, 0, 4);
  AugmentConfig withLocals = base;
  withLocals.local.count = 8;
  withLocals.local.size = 8;
  withLocals.local.blurProbability = 1.0;
  const auto global = TwoViewAugmentation(withLocals).apply(image, 2, 0, 4);
  EXPECT_EQ(global[0].pixels, reference[0].pixels);
  EXPECT_EQ(global[1].pixels, reference[1].pixels);
  // Erasing draws from its own stream: with the probability 0 the global views stay as they were.
  AugmentConfig eraseOff = base;
  eraseOff.eraseScaleMax = 0.5;
  eraseOff.noiseStd = 0.3;
  EXPECT_EQ(TwoViewAugmentation(eraseOff).apply(image, 2, 0, 4)[1].pixels, reference[1].pixels);
}

TEST(MultiCrop, InvalidLocalSettingsAreRejected) {
  AugmentConfig config = defaultConfig().data.augment;
  config.outputSize = 28;
  config.local.count = 2;
  config.local.size = 32;
  EXPECT_THROW(config.validate(), std::invalid_argument);
  config.local.size = 14;
  config.local.scaleMin = 0.5;
  config.local.scaleMax = 0.4;
  EXPECT_THROW(config.validate(), std::invalid_argument);
  config.local.scaleMin = 0.05;
  EXPECT_NO_THROW(config.validate());
  config.local.count = -1;
  EXPECT_THROW(config.validate(), std::invalid_argument);
  config.local.count = 0;
  config.local.size = 99;  // unused without local crops
  EXPECT_NO_THROW(config.validate());
}

// Grey images: full crop, no flip, brightness only (contrast factor fixed at 1).
AugmentConfig greyBrightness(bool grey) {
  AugmentConfig config = defaultConfig().data.augment;
  config.outputSize = 32;
  config.channels = 1;
  config.scaleMin = config.scaleMax = 1.0;
  config.ratioMin = config.ratioMax = 1.0;
  config.flipProbability = 0.0;
  config.jitter.probability = 1.0;
  config.jitter.brightness = 0.4;
  config.jitter.contrast = 0.0;
  config.jitter.grey = grey;
  return config;
}

TEST(GreyJitter, ScalesBrightnessOfGreyViewsOnlyWhenAsked) {
  Image image(1, 32, 32);
  for (std::size_t p = 0; p < image.pixels.size(); ++p) image.pixels[p] = 0.1f + 0.5f * float(p % 32) / 31.0f;
  Image plain(1, 32, 32);  // the view without jitter: the full crop resized to the same size
  cropResizeInto(image, CropBox{0, 0, 32, 32}, 32, 32, plain.pixels.data());
  image = plain;
  const auto off = TwoViewAugmentation(greyBrightness(false)).apply(image, 0, 0, 0);
  EXPECT_EQ(off[0].pixels, image.pixels);
  const auto on = TwoViewAugmentation(greyBrightness(true)).apply(image, 0, 0, 0);
  for (const Image& view : on) {
    // One factor for the whole view, within [0.6, 1.4] (no pixel reaches 1: 0.6 × 1.4 < 1).
    const double factor = view.pixels[0] / image.pixels[0];
    EXPECT_GE(factor, 0.6);
    EXPECT_LE(factor, 1.4);
    EXPECT_GT(std::abs(factor - 1.0), 1e-6);
    for (std::size_t p = 0; p < image.pixels.size(); ++p)
      ASSERT_NEAR(view.pixels[p], image.pixels[p] * factor, 1e-5);
  }
  EXPECT_NE(on[0].pixels, on[1].pixels);
}

TEST(GreyJitter, ContrastPullsTowardsTheMean) {
  AugmentConfig config = greyBrightness(true);
  config.jitter.brightness = 0.0;
  config.jitter.contrast = 0.8;
  Image image(1, 32, 32);
  for (std::size_t p = 0; p < image.pixels.size(); ++p) image.pixels[p] = p % 2 ? 0.3f : 0.7f;
  const double spread = 0.2;  // |pixel - mean| of the input
  const auto views = TwoViewAugmentation(config).apply(image, 0, 0, 1);
  for (const Image& view : views) {
    const double mean = std::accumulate(view.pixels.begin(), view.pixels.end(), 0.0) / double(view.pixels.size());
    EXPECT_NEAR(mean, 0.5, 1e-5);
    const double factor = std::abs(view.pixels[0] - mean) / spread;
    EXPECT_GE(factor, 0.2 - 1e-5);
    EXPECT_LE(factor, 1.8 + 1e-5);
  }
}

TEST(RandomErasing, BlanksOneRectangleWithinTheScaleRange) {
  AugmentConfig config = plainColour(40);
  config.channels = 1;
  config.scaleMin = config.scaleMax = 1.0;  // the whole white image, resized to its own size
  config.eraseProbability = 1.0;
  config.eraseScaleMin = 0.05;
  config.eraseScaleMax = 0.2;
  Image white(1, 40, 40);
  std::fill(white.pixels.begin(), white.pixels.end(), 1.0f);
  for (std::uint64_t index = 0; index < 20; ++index) {
    for (const Image& view : TwoViewAugmentation(config).apply(white, 0, 0, index)) {
      const auto zeros = std::count(view.pixels.begin(), view.pixels.end(), 0.0f);
      const auto ones = std::count(view.pixels.begin(), view.pixels.end(), 1.0f);
      EXPECT_EQ(zeros + ones, 1600);  // a blanked rectangle, the rest untouched
      EXPECT_GE(double(zeros) / 1600.0, 0.05 * 0.6);
      EXPECT_LE(double(zeros) / 1600.0, 0.2 * 1.4);
    }
  }
  Image s(1, 4, 4);
  fillBox(s.pixels.data(), 1, 4, 4, CropBox{1, 2, 2, 2}, 0.5f);
  EXPECT_FLOAT_EQ(s.at(0, 1, 2), 0.5f);
  EXPECT_FLOAT_EQ(s.at(0, 2, 3), 0.5f);
  EXPECT_FLOAT_EQ(s.at(0, 0, 2), 0.0f);
  EXPECT_THROW(fillBox(s.pixels.data(), 1, 4, 4, CropBox{3, 3, 2, 2}, 0.5f), std::invalid_argument);
}

TEST(GaussianNoise, AddsBoundedNoiseOfTheDrawnStrength) {
  AugmentConfig config = plainColour(32);
  config.channels = 1;
  config.scaleMin = config.scaleMax = 1.0;
  config.noiseProbability = 1.0;
  config.noiseStd = 0.1;
  Image grey(1, 32, 32);
  std::fill(grey.pixels.begin(), grey.pixels.end(), 0.5f);
  double largest = 0.0;
  for (std::uint64_t index = 0; index < 10; ++index) {
    for (const Image& view : TwoViewAugmentation(config).apply(grey, 1, 0, index)) {
      double sum = 0.0, squares = 0.0;
      for (float p : view.pixels) {
        ASSERT_GE(p, 0.0f);
        ASSERT_LE(p, 1.0f);
        sum += p - 0.5;
        squares += (p - 0.5) * (p - 0.5);
      }
      const double n = double(view.pixels.size());
      EXPECT_NEAR(sum / n, 0.0, 0.02);
      const double std = std::sqrt(squares / n);
      EXPECT_LT(std, 0.1 * 1.15);
      largest = std::max(largest, std);
    }
  }
  EXPECT_GT(largest, 0.05);  // 20 draws of a strength uniform in [0, 0.1]
}

}  // namespace
}  // namespace folk
