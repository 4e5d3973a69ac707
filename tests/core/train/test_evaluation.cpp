// k-NN, linear and few-shot probes on toy features whose answer is known.
#include <gtest/gtest.h>

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
  LinearProbeSettings settings;
  settings.epochs = 50;
  settings.lr = 0.05;
  EXPECT_DOUBLE_EQ(linearProbeTop1(trainX, trainY, testX, testY, 3, settings), 1.0);
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
