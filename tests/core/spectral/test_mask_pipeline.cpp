// The fused CPU pipeline (core/spectral/mask_pipeline.h) against the three-step path it replaces
// for one-shot use (computeLumaSpectrum, computeMask, applyMask): the same spectrum and masks bit
// for bit, filtered images within float rounding, on photographs and awkward inputs, for every kind
// of spec, including from several threads at once; and the weighted selection it ranks with.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <initializer_list>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "core/spectral/mask.h"
#include "core/spectral/mask_pipeline.h"
#include "core/spectral/spectral_filter.h"
#include "core/spectral/spectrum.h"
#include "core/spectral/weighted_select.h"
#include "tests/core/spectral/test_images.h"

namespace {

using folk::FilterKind;
using folk::Image;
using folk::MaskSpec;
using folk::ThresholdMode;
using namespace folk::testing;

std::vector<Named> inputs() {
  const Image astronaut = photo("astronaut.png");
  const Image camera = photo("camera.png");
  const Image coffee = photo("coffee.png");
  const Image rocket = photo("rocket.jpg");
  return {
      {"astronaut 224x224 rgb", crop(astronaut, 144, 144, 224, 224)},
      {"camera 512x512 grey (full)", camera},
      {"coffee 400x600 rgb (full)", coffee},
      {"rocket 31x64 crop", crop(rocket, 200, 300, 31, 64)},
      {"random 7x5 rgb", randomImage(3, 7, 5, 1)},
      {"random 31x64 grey", randomImage(1, 31, 64, 2)},
      {"random 30x30 rgb", randomImage(3, 30, 30, 6)},
      {"1x1 rgb", randomImage(3, 1, 1, 3)},
      {"1x9 grey", randomImage(1, 1, 9, 4)},
      {"9x1 rgb", randomImage(3, 9, 1, 5)},
      {"2x2 rgb", randomImage(3, 2, 2, 7)},
      {"constant 8x8 rgb", constantImage(3, 8, 8, 0.4f)},
      {"black 6x6", constantImage(1, 6, 6, 0.0f)},
      {"white 5x7 rgb", constantImage(3, 5, 7, 1.0f)},
      {"impulse 16x16 at the origin", impulseImage(16, 16, 0, 0)},
      {"impulse 15x17 at the origin", impulseImage(15, 17, 0, 0)},
      {"checkerboard 16x12 cells of 2", checkerboard(1, 16, 12, 2)},
      {"checkerboard 16x16 rgb cells of 1", checkerboard(3, 16, 16, 1)},
  };
}

std::vector<MaskSpec> specs() {
  std::vector<MaskSpec> out;
  for (FilterKind kind : {FilterKind::Com, FilterKind::RCom})
    for (ThresholdMode mode : {ThresholdMode::Top, ThresholdMode::Relative})
      for (double rho : {1e-6, 0.005, 0.05, 0.3, 0.5, 0.7, 1.0}) out.push_back({kind, rho, -1.0, mode});
  for (FilterKind kind : {FilterKind::LowPass, FilterKind::HighPass})
    for (double radius : {-1.0, 0.5, 3.0, 1e6}) out.push_back({kind, 0.05, radius, ThresholdMode::Top});
  return out;
}

float maxAbsDifference(const Image& a, const Image& b) {
  float worst = 0.0f;
  for (std::size_t i = 0; i < a.pixels.size(); ++i) worst = std::max(worst, std::abs(a.pixels[i] - b.pixels[i]));
  return worst;
}

// One image under one spec, fused pipeline against the three-step path.
void expectSameAsThreeSteps(const Named& input, const MaskSpec& spec) {
  SCOPED_TRACE(input.name + ", " + describe(spec));
  const folk::LumaSpectrum spectrum = folk::computeLumaSpectrum(input.image);
  const folk::Mask mask = folk::computeMask(spec, spectrum);
  const folk::FilterOutput reference = folk::applyMask(input.image, mask);
  const folk::MaskPipelineResult fused = folk::runMaskPipeline(input.image, spec);

  ASSERT_EQ(fused.spectrum.height, input.image.height);
  ASSERT_EQ(fused.spectrum.width, input.image.width);
  EXPECT_TRUE(fused.spectrum.magnitude == spectrum.magnitude) << "luma spectrum differs";
  ASSERT_EQ(fused.mask.height, mask.height);
  ASSERT_EQ(fused.mask.width, mask.width);
  EXPECT_TRUE(fused.mask.keep == mask.keep) << "mask differs: " << fused.mask.keptCount() << " vs " << mask.keptCount()
                                            << " kept";
  ASSERT_EQ(fused.output.filtered.channels, input.image.channels);
  ASSERT_EQ(fused.output.filtered.pixels.size(), input.image.pixels.size());
  // Float FFTs either way; the last channel of RGB images is derived from the luma spectrum, which
  // adds a few float roundings (divided by B's luma weight 0.114).
  EXPECT_LE(maxAbsDifference(fused.output.filtered, reference.filtered), 2e-5f);
  EXPECT_NEAR(fused.output.retainedEnergy, reference.retainedEnergy, 1e-5);
  for (float v : fused.output.filtered.pixels) ASSERT_TRUE(v >= 0.0f && v <= 1.0f) << v;
}

TEST(MaskPipeline, SameSpectrumAndMasksAndFilteredImagesAsTheThreeStepPath) {
  for (const Named& input : inputs())
    for (const MaskSpec& spec : specs()) expectSameAsThreeSteps(input, spec);
}

TEST(MaskPipeline, ComAndRComFilteredImagesAddUpToTheOriginal) {
  // RCom is filtered through its complement (x - Com part): before clamping the two must sum to x,
  // so where neither is clamped, com + rcom == x up to float rounding.
  const Image image = crop(photo("astronaut.png"), 100, 100, 96, 96);
  for (double rho : {0.005, 0.05, 0.5}) {
    const auto com = folk::runMaskPipeline(image, {FilterKind::Com, rho, -1.0, ThresholdMode::Top});
    const auto rcom = folk::runMaskPipeline(image, {FilterKind::RCom, rho, -1.0, ThresholdMode::Top});
    EXPECT_NEAR(com.output.retainedEnergy + rcom.output.retainedEnergy, 1.0, 1e-6);
    int checked = 0;
    for (std::size_t i = 0; i < image.pixels.size(); ++i) {
      const float a = com.output.filtered.pixels[i], b = rcom.output.filtered.pixels[i];
      if (a <= 0.0f || a >= 1.0f || b <= 0.0f || b >= 1.0f) continue;
      EXPECT_NEAR(a + b, image.pixels[i], 2e-5) << "pixel " << i << ", rho " << rho;
      ++checked;
    }
    EXPECT_GT(checked, 100);
  }
}

TEST(MaskPipeline, ThreadsGetTheSameResultsAsOneThread) {
  // Scratch buffers are per thread and per size: two threads alternating sizes must not disturb
  // each other.
  const std::vector<Image> images = {randomImage(3, 40, 56, 11), randomImage(3, 33, 33, 12), randomImage(1, 64, 48, 13)};
  const MaskSpec spec{FilterKind::Com, 0.05, -1.0, ThresholdMode::Top};
  std::vector<folk::MaskPipelineResult> serial;
  for (const Image& im : images) serial.push_back(folk::runMaskPipeline(im, spec));
  std::vector<int> mismatches(2, 0);
  auto work = [&](int t) {
    for (int round = 0; round < 30; ++round) {
      const std::size_t k = std::size_t(round + t) % images.size();
      const auto r = folk::runMaskPipeline(images[k], spec);
      if (r.mask.keep != serial[k].mask.keep || r.output.filtered.pixels != serial[k].output.filtered.pixels) ++mismatches[std::size_t(t)];
    }
  };
  std::thread a(work, 0), b(work, 1);
  a.join();
  b.join();
  EXPECT_EQ(mismatches[0], 0);
  EXPECT_EQ(mismatches[1], 0);
}

TEST(MaskPipeline, ReusedOutputArraysGiveTheSameResultsAsFreshOnes) {
  // The reusing overload keeps arrays whose size matches and must overwrite every element: a stream
  // that changes size, channel count and spec (sparse side mask vs complement) is compared with
  // fresh results, bit for bit.
  const Image astronaut = crop(photo("astronaut.png"), 50, 60, 64, 64);
  const std::vector<Image> images = {astronaut, randomImage(1, 64, 64, 21), astronaut, randomImage(3, 31, 17, 22),
                                     constantImage(3, 31, 17, 0.25f), astronaut};
  const std::vector<MaskSpec> stream = {{FilterKind::Com, 0.05, -1.0, ThresholdMode::Top},
                                        {FilterKind::RCom, 0.05, -1.0, ThresholdMode::Top},
                                        {FilterKind::LowPass, 0.05, 5.0, ThresholdMode::Top},
                                        {FilterKind::Com, 0.5, -1.0, ThresholdMode::Relative},
                                        {FilterKind::HighPass, 0.05, 3.0, ThresholdMode::Top},
                                        {FilterKind::Com, 0.005, -1.0, ThresholdMode::Top}};
  folk::MaskPipelineResult reused;
  for (std::size_t i = 0; i < images.size(); ++i) {
    folk::runMaskPipeline(images[i], stream[i], reused);
    const auto fresh = folk::runMaskPipeline(images[i], stream[i]);
    EXPECT_EQ(reused.mask.keep, fresh.mask.keep) << "image " << i;
    EXPECT_EQ(reused.spectrum.magnitude, fresh.spectrum.magnitude) << "image " << i;
    EXPECT_EQ(reused.output.filtered.channels, fresh.output.filtered.channels) << "image " << i;
    EXPECT_EQ(reused.output.filtered.pixels, fresh.output.filtered.pixels) << "image " << i;
    EXPECT_EQ(reused.output.retainedEnergy, fresh.output.retainedEnergy) << "image " << i;
  }
}

TEST(MaskPipeline, RejectsWhatTheThreeStepPathRejects) {
  EXPECT_THROW(folk::runMaskPipeline(Image(), MaskSpec{}), std::invalid_argument);
  EXPECT_THROW(folk::runMaskPipeline(randomImage(2, 4, 4, 1), MaskSpec{}), std::invalid_argument);
  EXPECT_THROW(folk::runMaskPipeline(randomImage(3, 4, 4, 1), MaskSpec{FilterKind::Com, 0.0, -1.0, ThresholdMode::Top}),
               std::invalid_argument);
}

// ---- weighted selection -------------------------------------------------------------------------

double bruteForceKthLargest(const std::vector<double>& values, const std::vector<std::uint8_t>& weights, std::int64_t k) {
  std::vector<double> expanded;
  for (std::size_t i = 0; i < values.size(); ++i) expanded.insert(expanded.end(), weights[i], values[i]);
  std::sort(expanded.begin(), expanded.end(), std::greater<>());
  return expanded[std::size_t(k - 1)];
}

std::int64_t totalWeight(const std::vector<std::uint8_t>& weights) {
  std::int64_t total = 0;
  for (auto w : weights) total += w;
  return total;
}

// kthLargestWeighted against bruteForceKthLargest for each k in 1..total (others are skipped).
::testing::AssertionResult kthMatchesSorting(const std::vector<double>& values, const std::vector<std::uint8_t>& weights,
                                             std::initializer_list<std::int64_t> ks) {
  const std::int64_t total = totalWeight(weights);
  for (std::int64_t k : ks) {
    if (k < 1 || k > total) continue;
    const double got = folk::kthLargestWeighted(values.data(), weights.data(), values.size(), k);
    const double expected = bruteForceKthLargest(values, weights, k);
    if (got != expected)
      return ::testing::AssertionFailure() << "n " << values.size() << ", k " << k << ": " << got << " instead of " << expected;
  }
  return ::testing::AssertionSuccess();
}

TEST(WeightedSelect, MatchesSortingTheExpandedMultiset) {
  std::mt19937_64 rng(5);
  for (int trial = 0; trial < 200; ++trial) {
    const std::size_t n = 1 + rng() % 300;
    std::vector<double> values(n);
    std::vector<std::uint8_t> weights(n);
    const int style = trial % 6;
    for (std::size_t i = 0; i < n; ++i) {
      // Spread over 40 bits like ranking keys, few distinct values (ties), tiny values, 2^40 itself,
      // magnitudes over 120 octaves (many far below the 44 octaves of fine buckets), or only zeros and
      // subnormals (no octave below the largest to bucket by).
      if (style == 0) values[i] = double(rng() >> (24 + rng() % 40));
      if (style == 1) values[i] = double(std::int64_t(rng() % 4) << 30);
      if (style == 2) values[i] = double(rng() % 70);
      if (style == 3) values[i] = (rng() % 2) ? std::ldexp(1.0, 40) : double(rng() % (std::uint64_t(1) << 40));
      if (style == 4) values[i] = std::ldexp(double(rng() % 1000) / 7.0, int(rng() % 120) - 60);
      if (style == 5) values[i] = std::ldexp(double(rng() % 5), -1070 + int(rng() % 3));  // zeros and subnormals
      weights[i] = std::uint8_t(1 + rng() % 2);
    }
    const std::int64_t total = totalWeight(weights);
    ASSERT_TRUE(kthMatchesSorting(values, weights, {1, 2, total / 3 + 1, total / 2 + 1, total - 1, total})) << "trial " << trial;
  }
}

// Inputs of 4096 values or more take a sampled fast path (a bracket from every 16th value), with the
// histogram as fallback when the bracket misses; both must give the exact answer.
TEST(WeightedSelect, LargeInputsMatchSortingIncludingWhenTheSampleMisleads) {
  std::mt19937_64 rng(11);
  for (int trial = 0; trial < 24; ++trial) {
    const std::size_t n = 4096 + rng() % 30000;
    std::vector<double> values(n);
    std::vector<std::uint8_t> weights(n);
    const int style = trial % 4;
    for (std::size_t i = 0; i < n; ++i) {
      const double spread = std::ldexp(double(rng() % 100000), -int(rng() % 30));  // magnitude-like
      if (style == 0) values[i] = spread;
      if (style == 1) values[i] = double(rng() % 3);                                 // massive ties
      if (style == 2) values[i] = i % 16 == 0 ? spread * 1e-6 : spread;              // the sample sees only small ones
      if (style == 3) values[i] = i % 16 == 0 ? spread * 1e6 : spread;               // ... or only large ones
      weights[i] = std::uint8_t(i % 113 == 0 ? 1 : 2);
    }
    const std::int64_t total = totalWeight(weights);
    ASSERT_TRUE(kthMatchesSorting(values, weights, {1, 7, total / 200 + 1, total / 20 + 1, total / 2, total})) << "trial " << trial;
  }
  std::vector<double> withNan(5000, 1.0);
  withNan[4001] = std::nan("");
  const std::vector<std::uint8_t> ones(5000, 1);
  EXPECT_THROW(folk::kthLargestWeighted(withNan.data(), ones.data(), 5000, 10), std::invalid_argument);
}

TEST(WeightedSelect, RejectsAnEmptyInputKOutsideTheWeightAndValuesOutsideTheDomain) {
  const std::vector<double> values = {3, 1};
  const std::vector<std::uint8_t> weights = {2, 1};
  EXPECT_THROW(folk::kthLargestWeighted(values.data(), weights.data(), 0, 1), std::invalid_argument);
  EXPECT_THROW(folk::kthLargestWeighted(values.data(), weights.data(), 2, 0), std::invalid_argument);
  EXPECT_THROW(folk::kthLargestWeighted(values.data(), weights.data(), 2, 4), std::invalid_argument);
  EXPECT_EQ(folk::kthLargestWeighted(values.data(), weights.data(), 2, 3), 1.0);
  const std::vector<double> signedZero = {-0.0, 2.0};
  EXPECT_EQ(folk::kthLargestWeighted(signedZero.data(), weights.data(), 2, 2), 0.0);  // -0.0 ranks as zero
  for (double bad : {-1.0, std::nan(""), HUGE_VAL, -0.5}) {
    const std::vector<double> withBad = {3, bad};
    EXPECT_THROW(folk::kthLargestWeighted(withBad.data(), weights.data(), 2, 1), std::invalid_argument) << bad;
  }
}

}  // namespace
