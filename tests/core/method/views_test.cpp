// Student / teacher inputs per objective: filtering on [0,1] images, then normalisation.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <ATen/CPUGeneratorImpl.h>

#include "core/method/views.h"

namespace folk {
namespace {

TEST(Normalization, PerChannelMeanAndStd) {
  auto images = torch::full({1, 3, 2, 2}, 0.5f);
  auto out = normalizeImages(images, {{0.5, 0.25, 0.0}, {1.0, 0.5, 2.0}});
  EXPECT_NEAR(out[0][0][0][0].item<double>(), 0.0, 1e-7);
  EXPECT_NEAR(out[0][1][0][0].item<double>(), 0.5, 1e-7);
  EXPECT_NEAR(out[0][2][1][1].item<double>(), 0.25, 1e-7);
  EXPECT_THROW(normalizeImages(images, {{0.5}, {0.5}}), std::invalid_argument);
  EXPECT_THROW(normalizeImages(torch::rand({1, 1, 2, 2}), {{0.5}, {0.0}}), std::invalid_argument);
  auto grey = normalizeImages(torch::ones({1, 1, 2, 2}), {});  // default 0.5 / 0.5
  EXPECT_NEAR(grey.max().item<double>(), 1.0, 1e-7);
}

TEST(PrepareViews, DinoStudentSeesTheTeacherViews) {
  auto gen = at::make_generator<at::CPUGeneratorImpl>(1);
  auto views = torch::rand({4, 3, 8, 8});
  auto prepared = prepareViews(views, ViewFilter::None, {}, {}, gen);
  EXPECT_TRUE(torch::equal(prepared.studentInput, prepared.teacherInput));
  EXPECT_FALSE(prepared.masks.defined());
}

TEST(PrepareViews, LowHighPassPicksEitherTheDiscOrItsComplement) {
  auto gen = at::make_generator<at::CPUGeneratorImpl>(3);
  auto views = torch::rand({16, 1, 16, 16});
  ViewFilterSettings settings;
  settings.radius = 3.0;
  auto prepared = prepareViews(views, ViewFilter::LowHighPass, settings, {{0.0}, {1.0}}, gen);
  ASSERT_EQ(prepared.masks.sizes(), (std::vector<int64_t>{16, 16, 16}));
  int low = 0, high = 0;
  for (int64_t i = 0; i < 16; ++i) {
    const bool keepsDc = prepared.masks[i][8][8].item<int>() == 1;
    const bool keepsCorner = prepared.masks[i][0][0].item<int>() == 1;
    EXPECT_NE(keepsDc, keepsCorner) << i;
    (keepsDc ? low : high)++;
  }
  EXPECT_GT(low, 0);
  EXPECT_GT(high, 0);
  EXPECT_TRUE(torch::equal(prepared.teacherInput, views));
  EXPECT_FALSE(torch::equal(prepared.studentInput, views));
}

TEST(PrepareViews, ComRComMasksKeepOrRemoveTheStrongestCoefficients) {
  auto gen = at::make_generator<at::CPUGeneratorImpl>(5);
  auto views = torch::rand({8, 3, 16, 16});
  ViewFilterSettings settings;
  settings.sampling.ratios = {0.05};
  auto prepared = prepareViews(views, ViewFilter::ComRCom, settings, {}, gen);
  ASSERT_EQ(prepared.masks.sizes(), (std::vector<int64_t>{8, 16, 16}));
  for (int64_t i = 0; i < 8; ++i) {
    // The DC (sum of positive pixels) is always the strongest coefficient: kept by Com, removed by RCom.
    const bool com = prepared.masks[i][8][8].item<int>() == 1;
    const auto kept = prepared.masks[i].sum().item<int64_t>();
    if (com) {
      EXPECT_LE(kept, 256 / 10) << i;
    } else {
      EXPECT_GE(kept, 256 - 256 / 10) << i;
    }
  }
  // The same seed gives the same draws.
  auto again = at::make_generator<at::CPUGeneratorImpl>(5);
  EXPECT_TRUE(torch::equal(prepareViews(views, ViewFilter::ComRCom, settings, {}, again).masks, prepared.masks));
}

}  // namespace
}  // namespace folk
