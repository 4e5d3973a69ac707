// DINO (two views and multi-crop) and MFM losses against golden values from python3-torch
// (tests/data/method_golden/make_golden.py writes golden.json).
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "core/method/losses.h"
#include "tests/core/method/deterministic_tensor.h"

namespace folk {
namespace {

using test::deterministicTensor;

nlohmann::json golden() {
  const std::string path = std::string(FOLK_TEST_DATA_DIR) + "/method_golden/golden.json";
  std::ifstream in(path);
  EXPECT_TRUE(in.good()) << path;
  return nlohmann::json::parse(in);
}

TEST(DinoLoss, MatchesPythonDino) {
  // Held in a variable: a range-for over golden()["dino"] would iterate a destroyed temporary.
  const auto cases = golden();
  ASSERT_FALSE(cases["dino"].empty());
  for (const auto& c : cases["dino"]) {
    const int64_t batch = c["batch"], k = c["prototypes"];
    auto student = deterministicTensor({2 * batch, k}, 0.1, 3.0).requires_grad_(true);
    auto teacher = deterministicTensor({2 * batch, k}, 1.3, 2.0);
    auto center = deterministicTensor({1, k}, 2.7, 0.5);
    auto loss = dinoDistillationLoss(student, teacher, center, c["student_temp"], c["teacher_temp"]);
    EXPECT_NEAR(loss.item<double>(), c["loss"].get<double>(), 1e-5 * std::abs(c["loss"].get<double>()));
    loss.backward();
    auto gradRow = std::vector<double>(c["grad_row0"].begin(), c["grad_row0"].end());
    EXPECT_TRUE(torch::allclose(student.grad()[0].to(torch::kFloat64), torch::tensor(gradRow, torch::kFloat64), 1e-4, 1e-6));
    auto newCenter = updatedCenter(center, teacher, c["center_momentum"]);
    auto expected = std::vector<double>(c["center"].begin(), c["center"].end());
    EXPECT_TRUE(torch::allclose(newCenter.flatten().to(torch::kFloat64), torch::tensor(expected, torch::kFloat64), 1e-5, 1e-6));
  }
}

TEST(DinoLoss, TeacherGetsNoGradientAndLossIsCrossView) {
  auto student = torch::randn({4, 6}, torch::requires_grad());
  auto teacher = torch::randn({4, 6}, torch::requires_grad());
  auto center = torch::zeros({1, 6});
  dinoDistillationLoss(student, teacher, center, 0.1, 0.04).backward();
  EXPECT_FALSE(teacher.grad().defined());
  // Swapping the two student views changes which teacher view supervises which: when the teacher's
  // views are identical, the loss does not depend on the pairing.
  auto sameTeacher = torch::cat({teacher.detach().slice(0, 0, 2), teacher.detach().slice(0, 0, 2)});
  auto swapped = torch::cat({student.detach().slice(0, 2, 4), student.detach().slice(0, 0, 2)});
  EXPECT_NEAR(dinoDistillationLoss(student.detach(), sameTeacher, center, 0.1, 0.04).item<double>(),
              dinoDistillationLoss(swapped, sameTeacher, center, 0.1, 0.04).item<double>(), 1e-5);
  EXPECT_THROW(dinoDistillationLoss(torch::zeros({3, 6}), torch::zeros({3, 6}), center, 0.1, 0.04),
               std::invalid_argument);
}

TEST(MultiCropLoss, MatchesPythonDino) {
  // Held in a variable: a range-for over golden()["multicrop"] would iterate a destroyed temporary.
  const auto cases = golden();
  ASSERT_EQ(cases["multicrop"].size(), 3u);
  for (const auto& c : cases["multicrop"]) {
    const int64_t batch = c["batch"], k = c["prototypes"], crops = c["crops"];
    SCOPED_TRACE(crops);
    auto student = deterministicTensor({crops * batch, k}, 0.1, 3.0).requires_grad_(true);
    auto teacher = deterministicTensor({2 * batch, k}, 1.3, 2.0);
    auto center = deterministicTensor({1, k}, 2.7, 0.5);
    auto loss = dinoDistillationLoss(student, teacher, center, c["student_temp"], c["teacher_temp"]);
    EXPECT_NEAR(loss.item<double>(), c["loss"].get<double>(), 1e-5 * std::abs(c["loss"].get<double>()));
    loss.backward();
    for (const auto& [row, key] : {std::pair<int64_t, const char*>{0, "grad_row0"}, {crops * batch - 1, "grad_last_row"}}) {
      auto expected = std::vector<double>(c[key].begin(), c[key].end());
      EXPECT_TRUE(torch::allclose(student.grad()[row].to(torch::kFloat64), torch::tensor(expected, torch::kFloat64), 1e-4,
                                  1e-6))
          << key;
    }
  }
}

TEST(MultiCropLoss, LocalCropsAreSupervisedByBothTeacherViews) {
  // With identical teacher views every student view has the same target q, so the loss is the mean
  // over the pairs of CE(q, p_v): views 0 and 1 count once each, every local crop twice.
  const int64_t batch = 2, k = 6;
  auto teacherView = torch::randn({batch, k});
  auto teacher = torch::cat({teacherView, teacherView});
  auto student = torch::randn({4 * batch, k});
  auto center = torch::zeros({1, k});
  auto q = torch::softmax(teacherView / 0.04, -1);
  auto ce = [&](int64_t v) {
    return (-q * torch::log_softmax(student.slice(0, v * batch, (v + 1) * batch) / 0.1, -1)).sum(-1).mean();
  };
  auto expected = (ce(0) + ce(1) + 2 * ce(2) + 2 * ce(3)) / 6.0;
  EXPECT_NEAR(dinoDistillationLoss(student, teacher, center, 0.1, 0.04).item<double>(), expected.item<double>(), 1e-5);
}

TEST(MultiCropLoss, RejectsMismatchedShapes) {
  auto center = torch::zeros({1, 6});
  // Student rows not a whole number of views of the teacher's batch.
  EXPECT_THROW(dinoDistillationLoss(torch::zeros({7, 6}), torch::zeros({4, 6}), center, 0.1, 0.04),
               std::invalid_argument);
  // Fewer student views than the two global ones.
  EXPECT_THROW(dinoDistillationLoss(torch::zeros({2, 6}), torch::zeros({4, 6}), center, 0.1, 0.04),
               std::invalid_argument);
  EXPECT_THROW(dinoDistillationLoss(torch::zeros({6, 5}), torch::zeros({4, 6}), center, 0.1, 0.04),
               std::invalid_argument);
}

TEST(CenterUpdate, MomentumAverageOfTeacherMeans) {
  auto center = torch::tensor({{1.0f, 0.0f}});
  auto teacher = torch::tensor({{2.0f, 4.0f}, {0.0f, 2.0f}});  // mean (1, 3)
  auto updated = updatedCenter(center, teacher, 0.9);
  EXPECT_TRUE(torch::allclose(updated, torch::tensor({{1.0f, 0.3f}})));
}

TEST(FrequencyLoss, MatchesPythonMfm) {
  // Held in a variable: a range-for over golden()["mfm"] would iterate a destroyed temporary.
  const auto cases = golden();
  ASSERT_FALSE(cases["mfm"].empty());
  for (const auto& c : cases["mfm"]) {
    const int64_t batch = c["batch"], channels = c["channels"], size = c["size"];
    auto yhat = deterministicTensor({batch, channels, size, size}, 0.5, 1.0);
    auto x = deterministicTensor({batch, channels, size, size}, 2.2, 1.5);
    auto masks = ((torch::arange(batch * size * size) * 7).remainder(5) != 0).to(torch::kUInt8).reshape({batch, size, size});
    auto loss = frequencyReconstructionLoss(yhat, x, masks);
    EXPECT_NEAR(loss.item<double>(), c["loss"].get<double>(), 1e-5 * c["loss"].get<double>());
  }
}

TEST(FrequencyLoss, OnlyRemovedFrequenciesCount) {
  // A difference made only of frequencies the mask keeps costs nothing.
  auto x = torch::zeros({1, 1, 8, 8});
  auto constant = torch::full({1, 1, 8, 8}, 0.7f);  // energy only at the centred DC (4, 4)
  auto keepDc = torch::zeros({1, 8, 8}, torch::kUInt8);
  keepDc.index_put_({0, 4, 4}, 1);
  EXPECT_NEAR(frequencyReconstructionLoss(constant, x, keepDc).item<double>(), 0.0, 1e-7);
  // Remove only the DC: the loss is |F_o(0.7)| at DC = 0.7 * 8 (orthonormal: sum / sqrt(64)).
  auto removeDc = (1 - keepDc).to(torch::kUInt8);
  EXPECT_NEAR(frequencyReconstructionLoss(constant, x, removeDc).item<double>(), 0.7 * 8.0, 1e-5);
  // Nothing removed: zero, not NaN.
  EXPECT_EQ(frequencyReconstructionLoss(constant, x, torch::ones({1, 8, 8}, torch::kUInt8)).item<double>(), 0.0);
}

TEST(TeacherOutputStats, EntropyOfKnownDistributions) {
  // Temperature 1 and no centre: logits (0, ln 3) give q = (1/4, 3/4).
  auto logits = torch::tensor({0.0, std::log(3.0)}, torch::kFloat32).view({1, 2});
  auto stats = teacherOutputStats(logits, torch::zeros({1, 2}), 1.0);
  const double expected = -(0.25 * std::log(0.25) + 0.75 * std::log(0.75));
  EXPECT_NEAR(stats.entropySum.item<double>(), expected, 1e-6);
  EXPECT_EQ(stats.argmax.item<int64_t>(), 1);

  // Equal logits: every row is uniform, entropy ln K each. The centre is subtracted first, so a
  // centre equal to the logits leaves them equal too.
  auto flat = torch::full({3, 64}, 0.3f);
  EXPECT_NEAR(teacherOutputStats(flat, torch::zeros({1, 64}), 0.04).entropySum.item<double>(), 3 * std::log(64.0), 1e-4);
  auto varied = torch::randn({3, 64});
  const double variedEntropy = teacherOutputStats(varied, varied.mean(0, true), 0.04).entropySum.item<double>();
  EXPECT_GT(variedEntropy, 0.0);
  EXPECT_LT(variedEntropy, 3 * std::log(64.0));

  // A sharp teacher (a margin far beyond the temperature) is one-hot: entropy 0, not NaN.
  auto sharp = torch::zeros({2, 8});
  sharp.index_put_({0, 5}, 100.0);
  sharp.index_put_({1, 2}, 100.0);
  auto peaked = teacherOutputStats(sharp, torch::zeros({1, 8}), 0.04);
  EXPECT_NEAR(peaked.entropySum.item<double>(), 0.0, 1e-6);
  EXPECT_EQ(peaked.argmax[0].item<int64_t>(), 5);
  EXPECT_EQ(peaked.argmax[1].item<int64_t>(), 2);

  // The centre shifts which prototype wins.
  auto centre = torch::zeros({1, 8});
  centre.index_put_({0, 5}, 200.0);
  EXPECT_NE(teacherOutputStats(sharp, centre, 0.04).argmax[0].item<int64_t>(), 5);
}

}  // namespace
}  // namespace folk
