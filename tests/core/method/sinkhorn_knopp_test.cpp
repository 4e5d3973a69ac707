// Sinkhorn-Knopp centring of the teacher against DINOv2's formula in python3-torch
// (tests/data/method_golden/make_sinkhorn_golden.py writes sinkhorn_golden.json).
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <condition_variable>
#include <fstream>
#include <mutex>
#include <thread>
#include <nlohmann/json.hpp>

#include "core/method/losses.h"
#include "core/method/sinkhorn_knopp.h"
#include "tests/core/method/deterministic_tensor.h"

namespace folk {
namespace {

using test::deterministicTensor;

TEST(SinkhornKnopp, MatchesDinoV2) {
  const std::string path = std::string(FOLK_TEST_DATA_DIR) + "/method_golden/sinkhorn_golden.json";
  std::ifstream in(path);
  ASSERT_TRUE(in.good()) << path;
  const auto golden = nlohmann::json::parse(in);
  ASSERT_EQ(golden["sinkhorn_knopp"].size(), 3u);
  for (const auto& c : golden["sinkhorn_knopp"]) {
    const int64_t rows = c["rows"], k = c["prototypes"];
    const auto targets = sinkhornKnoppTargets(deterministicTensor({rows, k}, 0.4, 1.0), c["teacher_temp"].get<double>(),
                                              c["iterations"].get<int>());
    const std::vector<double> expected(c["targets"].begin(), c["targets"].end());
    ASSERT_EQ(targets.sizes(), (std::vector<int64_t>{rows, k}));
    EXPECT_EQ(targets.scalar_type(), torch::kFloat32);
    EXPECT_TRUE(torch::allclose(targets.flatten().to(torch::kFloat64), torch::tensor(expected, torch::kFloat64), 1e-5,
                                1e-6))
        << targets;
  }
}

TEST(SinkhornKnopp, EachImageGetsADistributionAndThePrototypesShareTheBatch) {
  // Outputs that barely depend on the image, with prototype 0 ahead for every one: the softmax gives
  // every image the same first choice, Sinkhorn-Knopp spreads the images over the prototypes.
  const auto logits = torch::linspace(0.5, 0.45, 8).unsqueeze(0).expand({64, 8}) +
                      1e-3 * deterministicTensor({64, 8}, 0.9, 1.0);
  const auto targets = sinkhornKnoppTargets(logits, 0.04, 50);
  EXPECT_TRUE(torch::allclose(targets.sum(1), torch::ones({64}), 1e-5, 1e-6));
  // Every prototype carries 64 / 8 images' worth of probability.
  EXPECT_TRUE(torch::allclose(targets.sum(0), torch::full({8}, 8.0), 1e-3, 1e-3)) << targets.sum(0);
  const auto softmax = torch::softmax(logits / 0.04, -1);
  EXPECT_EQ(std::get<0>(torch::_unique(softmax.argmax(-1))).numel(), 1);
  EXPECT_GT(std::get<0>(torch::_unique(targets.argmax(-1))).numel(), 5);
}

// Two ranks that sum through each other, as data-parallel ranks all-reduce: each call waits for
// the other rank's call and returns the sum of both.
class TwoRankSum {
 public:
  torch::Tensor sum(int rank, const torch::Tensor& t) {
    std::unique_lock<std::mutex> lock(mutex_);
    slot_[rank] = t;
    if (++arrived_ == 2) {
      result_ = slot_[0] + slot_[1];
      arrived_ = 0;
      ++generation_;
      changed_.notify_all();
      return result_;
    }
    const int generation = generation_;
    changed_.wait(lock, [&] { return generation_ != generation; });
    return result_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  torch::Tensor slot_[2], result_;
  int arrived_ = 0, generation_ = 0;
};

TEST(SinkhornKnopp, RanksNormaliseOverTheGlobalBatch) {
  // Each of two ranks holding half of the rows gets its rows of what one process gets for all.
  const auto first = deterministicTensor({6, 5}, 1.1, 1.0), second = deterministicTensor({6, 5}, 2.9, 0.7);
  const auto global = sinkhornKnoppTargets(torch::cat({first, second}), 0.1, 3);
  TwoRankSum exchange;
  torch::Tensor targets[2];
  std::thread other([&] {
    targets[1] = sinkhornKnoppTargets(second, 0.1, 3, [&](const torch::Tensor& t) { return exchange.sum(1, t); }, 2);
  });
  targets[0] = sinkhornKnoppTargets(first, 0.1, 3, [&](const torch::Tensor& t) { return exchange.sum(0, t); }, 2);
  other.join();
  EXPECT_TRUE(torch::allclose(targets[0], global.slice(0, 0, 6), 1e-6, 1e-7));
  EXPECT_TRUE(torch::allclose(targets[1], global.slice(0, 6, 12), 1e-6, 1e-7));
  EXPECT_FALSE(torch::allclose(targets[0], sinkhornKnoppTargets(first, 0.1, 3), 1e-6, 1e-7));
}

TEST(SinkhornKnopp, RefusesWhatItCannotNormalise) {
  EXPECT_THROW(sinkhornKnoppTargets(torch::zeros({4}), 0.1, 3), std::invalid_argument);
  EXPECT_THROW(sinkhornKnoppTargets(torch::zeros({4, 3}), 0.1, 0), std::invalid_argument);
  EXPECT_THROW(sinkhornKnoppTargets(torch::zeros({4, 3}), 0.0, 3), std::invalid_argument);
  EXPECT_THROW(sinkhornKnoppTargets(torch::full({4, 3}, 1e3), 1e-3, 3), std::invalid_argument);
}

TEST(DistillationCrossEntropy, EqualsTheDinoLossForTheSoftmaxTargets) {
  const auto student = deterministicTensor({8, 6}, 0.2, 2.0);
  const auto teacher = deterministicTensor({8, 6}, 1.7, 1.0);
  const auto center = deterministicTensor({1, 6}, 0.3, 0.2);
  const auto q = torch::softmax((teacher - center) / 0.04, -1);
  EXPECT_NEAR(distillationCrossEntropy(student, q, 0.1).item<double>(),
              dinoDistillationLoss(student, teacher, center, 0.1, 0.04).item<double>(), 1e-6);
  const auto stats = teacherTargetStats(q);
  const auto reference = teacherOutputStats(teacher, center, 0.04);
  EXPECT_NEAR(stats.entropySum.item<double>(), reference.entropySum.item<double>(), 1e-4);
  EXPECT_TRUE(torch::equal(stats.argmax, reference.argmax));
  EXPECT_THROW(distillationCrossEntropy(torch::zeros({3, 6}), torch::zeros({3, 6}), 0.1), std::invalid_argument);
}

}  // namespace
}  // namespace folk
