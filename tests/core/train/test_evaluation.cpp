// k-NN, linear and few-shot probes on toy features whose answer is known.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/train/evaluation.h"

namespace folk {
namespace {

// `perClass` points per class around well separated centres in 8-D.
std::pair<torch::Tensor, torch::Tensor> clusters(int classes, int perClass, std::uint64_t seed) {
  torch::manual_seed(seed);
  auto centres = torch::eye(8).slice(0, 0, classes) * 10.0;
  std::vector<torch::Tensor> x, y;
  for (int c = 0; c < classes; ++c) {
    x.push_back(centres[c].unsqueeze(0) + 0.5 * torch::randn({perClass, 8}));
    y.push_back(torch::full({perClass}, c, torch::kInt64));
  }
  return {torch::cat(x), torch::cat(y)};
}

TEST(Evaluation, KnnOnSeparableClustersIsPerfect) {
  const auto [trainX, trainY] = clusters(4, 50, 1);
  const auto [testX, testY] = clusters(4, 20, 2);
  EXPECT_DOUBLE_EQ(knnTop1(trainX, trainY, testX, testY, 4, 20, 0.07), 1.0);
}

TEST(Evaluation, KnnWeightsTheNearestNeighbours) {
  // One query right on a class-1 point; k = 3 with two class-0 points slightly less similar.
  auto train = torch::tensor({{1.0f, 0.0f}, {0.9f, 0.1f}, {0.9f, -0.1f}});
  auto labels = torch::tensor({1, 0, 0}, torch::kInt64);
  auto query = torch::tensor({{1.0f, 0.0f}});
  // With a small temperature the exact match outweighs two near ones; with a large one it does not.
  EXPECT_DOUBLE_EQ(knnTop1(train, labels, query, torch::tensor({1}, torch::kInt64), 2, 3, 0.001), 1.0);
  EXPECT_DOUBLE_EQ(knnTop1(train, labels, query, torch::tensor({0}, torch::kInt64), 2, 3, 100.0), 1.0);
}

TEST(Evaluation, LinearProbeSeparatesClusters) {
  const auto [trainX, trainY] = clusters(3, 40, 3);
  const auto [testX, testY] = clusters(3, 20, 4);
  const auto result = linearProbe(trainX, trainY, testX, testY, 3, LinearProbeSettings());
  EXPECT_DOUBLE_EQ(result.top1, 1.0);
  // L-BFGS meets its tolerance well within the budget on a problem this small, with a weight decay
  // from the grid.
  EXPECT_TRUE(result.converged);
  EXPECT_GT(result.iterations, 0);
  EXPECT_LT(result.iterations, LinearProbeSettings().maxIterations);
  const auto& grid = LinearProbeSettings().weightDecays;
  EXPECT_NE(std::find(grid.begin(), grid.end(), result.weightDecay), grid.end());
}

TEST(Evaluation, LinearProbeReportsAnUnmetBudget) {
  // Overlapping classes with a tiny decay need many iterations: one is not enough.
  torch::manual_seed(5);
  const auto x = torch::randn({200, 8});
  const auto y = (x.select(1, 0) + 0.8 * torch::randn({200}) > 0).to(torch::kInt64);
  LinearProbeSettings settings;
  settings.maxIterations = 1;
  settings.weightDecays = {1e-6};
  const auto result = linearProbe(x, y, x, y, 2, settings);
  EXPECT_FALSE(result.converged);
  EXPECT_EQ(result.iterations, 1);
}

TEST(Evaluation, LinearProbeChoosesTheWeightDecayOnTrainingRowsOnly) {
  // The test rows carry labels opposite to the training rows: if they took part in choosing the
  // decay or fitting, the probe could not score 0 %.
  const auto [trainX, trainY] = clusters(2, 60, 6);
  const auto [testX, testY] = clusters(2, 20, 7);
  EXPECT_DOUBLE_EQ(linearProbeTop1(trainX, trainY, testX, 1 - testY, 2, LinearProbeSettings()), 0.0);
}

TEST(Evaluation, FewShotScoresAreTheMeanAndSpreadOverDraws) {
  // Noisy clusters: different draws of 5 % of the labels give different probes.
  torch::manual_seed(8);
  auto x = torch::randn({600, 8});
  const auto y = torch::arange(600, torch::kInt64) % 3;
  x.select(1, 0).add_(y.to(torch::kFloat32) * 0.8);
  EvaluatorSettings settings;
  settings.fewShotFractions = {0.05};
  settings.fewShotDraws = 5;
  settings.linear.maxIterations = 50;
  const auto scores = scoreFeatures(x.slice(0, 0, 450), y.slice(0, 0, 450), x.slice(0, 450), y.slice(0, 450), 3,
                                    settings);
  ASSERT_EQ(scores.fewShotTop1.size(), 1u);
  ASSERT_EQ(scores.fewShotStd.size(), 1u);
  EXPECT_GT(scores.fewShotStd[0], 0.0);
  // The mean is the mean of the individual draws (seeds seed + 1 ... seed + 5).
  double mean = 0.0;
  for (std::uint64_t draw = 0; draw < 5; ++draw) {
    const auto rows = fewShotIndices(y.slice(0, 0, 450), 3, 0.05, settings.linear.seed + 1 + draw);
    mean += linearProbeTop1(x.index_select(0, rows), y.index_select(0, rows), x.slice(0, 450), y.slice(0, 450), 3,
                            settings.linear) / 5.0;
  }
  EXPECT_NEAR(scores.fewShotTop1[0], mean, 1e-12);
  EXPECT_EQ(scores.featureWidth, 8);
  EXPECT_GT(scores.effectiveRank, 1.0);
  EXPECT_LE(scores.effectiveRank, 8.0);
}

TEST(Evaluation, FewShotKeepsAFractionOfEveryClass) {
  auto labels = torch::cat({torch::zeros({100}, torch::kInt64), torch::ones({50}, torch::kInt64)});
  auto rows = fewShotIndices(labels, 2, 0.1, 7);
  const auto kept = labels.index_select(0, rows);
  EXPECT_EQ(kept.eq(0).sum().item<int64_t>(), 10);
  EXPECT_EQ(kept.eq(1).sum().item<int64_t>(), 5);
  EXPECT_TRUE(torch::equal(rows, fewShotIndices(labels, 2, 0.1, 7)));  // deterministic
  auto tiny = fewShotIndices(labels, 2, 0.001, 7);                      // still one per class
  EXPECT_EQ(tiny.numel(), 2);
}

}  // namespace
}  // namespace folk
