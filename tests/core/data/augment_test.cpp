// Two-view augmentation: determinism from (seed, epoch, index), shapes and ranges, colour-only
// steps skipped for one channel, crop geometry.
#include "core/data/augment.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/data/image_file.h"
#include "core/data/image_ops.h"
#include "core/data/normalization.h"
#include "core/io/train_config.h"

namespace folk {
namespace {

const Image& astronaut() {
  static const Image image = loadImage(std::string(FOLK_SAMPLE_DIR) + "/astronaut.png");
  return image;
}

double variance(const Image& img) {
  const double mean = std::accumulate(img.pixels.begin(), img.pixels.end(), 0.0) / double(img.pixels.size());
  double v = 0;
  for (float p : img.pixels) v += (p - mean) * (p - mean);
  return v / double(img.pixels.size());
}

TEST(Augment, ViewsHaveTheConfiguredShapeAndRange) {
  AugmentConfig config = defaultConfig().data.augment;
  config.outputSize = 32;
  config.channels = 3;
  config.blurProbability = {1.0, 0.1};
  config.solarizeProbability = {0.0, 0.2};
  const TwoViewAugmentation augment(config);
  for (std::uint64_t index = 0; index < 8; ++index) {
    const auto views = augment.apply(astronaut(), 7, 0, index);
    for (const Image& v : views) {
      EXPECT_EQ(v.channels, 3);
      EXPECT_EQ(v.height, 32);
      EXPECT_EQ(v.width, 32);
      for (float p : v.pixels) {
        ASSERT_GE(p, 0.0f);
        ASSERT_LE(p, 1.0f);
      }
    }
  }
}

TEST(Augment, DeterministicGivenSeedEpochAndIndex) {
  AugmentConfig config = defaultConfig().data.augment;
  config.outputSize = 24;
  config.channels = 3;
  const TwoViewAugmentation augment(config);
  const auto a = augment.apply(astronaut(), 1, 2, 3);
  const auto b = augment.apply(astronaut(), 1, 2, 3);
  EXPECT_EQ(a[0].pixels, b[0].pixels);
  EXPECT_EQ(a[1].pixels, b[1].pixels);
  EXPECT_NE(a[0].pixels, a[1].pixels);  // the two views differ
  EXPECT_NE(augment.apply(astronaut(), 1, 2, 4)[0].pixels, a[0].pixels);  // another index
  EXPECT_NE(augment.apply(astronaut(), 1, 3, 3)[0].pixels, a[0].pixels);  // another epoch
  EXPECT_NE(augment.apply(astronaut(), 2, 2, 3)[0].pixels, a[0].pixels);  // another seed
}

TEST(Augment, GreyInputSkipsColourJitter) {
  // Full crop, no flip: the only remaining randomness would be colour jitter and greyscale, which
  // must not touch one-channel data.
  Image grey = convertChannels(astronaut(), 1);
  AugmentConfig config = defaultConfig().data.augment;
  config.outputSize = 64;
  config.channels = 1;
  config.scaleMin = config.scaleMax = 1.0;
  config.ratioMin = config.ratioMax = 1.0;
  config.flipProbability = 0.0;
  config.jitter.probability = 1.0;
  config.greyscaleProbability = 1.0;
  const auto views = TwoViewAugmentation(config).apply(grey, 0, 0, 0);
  Image plain(1, 64, 64);
  cropResizeInto(grey, CropBox{0, 0, 512, 512}, 64, 64, plain.pixels.data());
  EXPECT_EQ(views[0].pixels, plain.pixels);
  EXPECT_EQ(views[1].pixels, plain.pixels);
}

TEST(Augment, ColourGreyscaleMakesThePlanesEqual) {
  AugmentConfig config = defaultConfig().data.augment;
  config.outputSize = 16;
  config.channels = 3;
  config.greyscaleProbability = 1.0;
  const auto views = TwoViewAugmentation(config).apply(astronaut(), 0, 0, 5);
  const Image& v = views[0];
  for (std::size_t p = 0; p < v.planeSize(); ++p) {
    EXPECT_FLOAT_EQ(v.plane(0)[p], v.plane(1)[p]);
    EXPECT_FLOAT_EQ(v.plane(1)[p], v.plane(2)[p]);
  }
}

TEST(Augment, ChannelsAreConvertedToTheConfiguredCount) {
  AugmentConfig config = defaultConfig().data.augment;
  config.outputSize = 8;
  config.channels = 1;
  const auto views = TwoViewAugmentation(config).apply(astronaut(), 0, 0, 0);
  EXPECT_EQ(views[0].channels, 1);
  config.channels = 3;
  const auto colour = TwoViewAugmentation(config).apply(convertChannels(astronaut(), 1), 0, 0, 0);
  EXPECT_EQ(colour[0].channels, 3);
}

TEST(Augment, ResizedCropStaysInsideWithinScaleAndRatio) {
  SampleRng rng(3, 0, 0, RngStream::Augment);
  for (int k = 0; k < 2000; ++k) {
    const CropBox box = sampleResizedCrop(28, 40, 0.2, 0.9, 3.0 / 4.0, 4.0 / 3.0, rng);
    ASSERT_GE(box.top, 0);
    ASSERT_GE(box.left, 0);
    ASSERT_LE(box.top + box.height, 28);
    ASSERT_LE(box.left + box.width, 40);
    const double area = double(box.height) * box.width / (28.0 * 40.0);
    // Rounding of each side to whole pixels moves area and ratio a little on a small image.
    EXPECT_GT(area, 0.2 * 0.85);
    EXPECT_LT(area, 0.9 * 1.15);
    const double ratio = double(box.width) / box.height;
    EXPECT_GT(ratio, 0.75 * 0.85);
    EXPECT_LT(ratio, 4.0 / 3.0 * 1.15);
  }
  // An impossible ratio falls back to a centred crop that fits.
  const CropBox thin = sampleResizedCrop(10, 100, 0.9, 1.0, 1.0, 1.0, rng);
  EXPECT_EQ(thin.height, 10);
  EXPECT_EQ(thin.width, 10);
  EXPECT_EQ(thin.left, 45);
}

TEST(Augment, InvalidConfigIsRejected) {
  AugmentConfig config = defaultConfig().data.augment;
  config.scaleMin = 0.0;
  EXPECT_THROW(config.validate(), std::invalid_argument);
  config = defaultConfig().data.augment;
  config.channels = 2;
  EXPECT_THROW(TwoViewAugmentation{config}, std::invalid_argument);
  config = defaultConfig().data.augment;
  config.blurProbability[1] = 1.5;
  EXPECT_THROW(config.validate(), std::invalid_argument);
}

TEST(ImageOps, ColourAdjustments) {
  Image img(3, 1, 2);
  img.pixels = {0.9f, 0.2f, 0.1f, 0.6f, 0.3f, 0.4f};  // R plane, G plane, B plane
  Image same = img;
  adjustHue(same.pixels.data(), 1, 2, 0.0f);
  for (std::size_t i = 0; i < img.pixels.size(); ++i) EXPECT_NEAR(same.pixels[i], img.pixels[i], 1e-6);
  Image rotated = img;
  adjustHue(rotated.pixels.data(), 1, 2, 1.0f / 3.0f);  // a third of a turn: (r,g,b) -> (b,r,g)
  EXPECT_NEAR(rotated.at(0, 0, 0), 0.3f, 1e-5);
  EXPECT_NEAR(rotated.at(1, 0, 0), 0.9f, 1e-5);
  EXPECT_NEAR(rotated.at(2, 0, 0), 0.1f, 1e-5);
  Image desaturated = img;
  adjustSaturation(desaturated.pixels.data(), 1, 2, 0.0f);
  const float luma = 0.299f * 0.9f + 0.587f * 0.1f + 0.114f * 0.3f;
  EXPECT_NEAR(desaturated.at(0, 0, 0), luma, 1e-6);
  EXPECT_NEAR(desaturated.at(2, 0, 0), luma, 1e-6);
  Image bright = img;
  adjustBrightness(bright.pixels.data(), 3, 1, 2, 2.0f);
  EXPECT_FLOAT_EQ(bright.at(0, 0, 0), 1.0f);  // clamped
  EXPECT_FLOAT_EQ(bright.at(0, 0, 1), 0.4f);
}

TEST(ImageOps, BlurSmoothsAndSolarizeInverts) {
  Image img = convertChannels(astronaut(), 1);
  Image blurred = img;
  gaussianBlur(blurred.pixels.data(), 1, img.height, img.width, 2.0);
  EXPECT_LT(variance(blurred), variance(img));
  Image s(1, 1, 2);
  s.pixels = {0.25f, 0.75f};
  solarize(s.pixels.data(), 1, 1, 2);
  EXPECT_FLOAT_EQ(s.pixels[0], 0.25f);
  EXPECT_FLOAT_EQ(s.pixels[1], 0.25f);
}

TEST(EvalTransform, ResizesAndCentreCrops) {
  Image wide(1, 50, 100);
  for (int y = 0; y < 50; ++y)
    for (int x = 0; x < 100; ++x) wide.at(0, y, x) = x < 25 || x >= 75 ? 1.0f : 0.0f;
  const Image out = EvalTransform{28, 3, 1.0}.apply(wide);
  ASSERT_EQ(out.channels, 3);
  ASSERT_EQ(out.height, 28);
  ASSERT_EQ(out.width, 28);
  // The centred square (columns 25..74) is all zeros: the bright sides are cropped away.
  EXPECT_FLOAT_EQ(*std::max_element(out.pixels.begin(), out.pixels.end()), 0.0f);
}

// A crop already at the output size is copied, not resampled: the same samples with and without
// OpenCV (whose resize copies equal sizes too), which lets engine-only builds inspect images
// given at a model's input size.
TEST(ImageOps, ACropAtTheOutputSizeIsTheCropItself) {
  Image image(2, 20, 30);
  for (std::size_t i = 0; i < image.pixels.size(); ++i) image.pixels[i] = float((i * 7919) % 1000) / 999.0f;
  const Image same = resizeCentreCrop(image, 20, 20);
  ASSERT_EQ(same.width, 20);
  for (int c = 0; c < 2; ++c)
    for (int y = 0; y < 20; ++y)
      for (int x = 0; x < 20; ++x) ASSERT_EQ(same.at(c, y, x), image.at(c, y, x + 5)) << c << " " << y << " " << x;
}

TEST(Normalization, BatchNormaliseAndInverse) {
  const Normalization norm{{0.5f, 0.25f, 0.0f}, {0.5f, 0.25f, 1.0f}};
  const auto x = torch::rand({2, 3, 4, 4});
  const auto y = normalizeBatch(x, norm);
  EXPECT_TRUE(torch::allclose(y[0][0], (x[0][0] - 0.5) / 0.5));
  EXPECT_TRUE(torch::allclose(denormalizeBatch(y, norm), x, 1e-5, 1e-6));
  EXPECT_THROW(normalizeBatch(torch::rand({2, 1, 4, 4}), norm), std::invalid_argument);
  EXPECT_THROW((Normalization{{0.5f}, {0.0f}}.validate(1)), std::invalid_argument);
}

}  // namespace
}  // namespace folk
