// The fused GELU kernel against float64 golden values (tests/data/gelu_golden/make_gelu_golden.py,
// math.erf / math.exp) and against LibTorch's own at::gelu, forward and backward.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cmath>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <vector>

#include "core/model/gelu.h"

namespace {

struct GoldenCase {
  float x;
  double gelu;
  double grad;
};

std::vector<GoldenCase> goldenCases() {
  const std::string path = std::string(FOLK_TEST_DATA_DIR) + "/gelu_golden/golden.json";
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  // Held in a variable: a range-for over parse(in)["cases"] would iterate a destroyed temporary.
  const nlohmann::json golden = nlohmann::json::parse(in);
  std::vector<GoldenCase> out;
  for (const auto& c : golden["cases"])
    out.push_back({c["x"].get<float>(), c["gelu"].get<double>(), c["grad"].get<double>()});
  return out;
}

// The erf approximation is within 3.6e-7 absolute; GELU scales that by |x| / 2, plus float32 rounding.
double tolerance(double x) { return 4e-7 * std::max(1.0, std::fabs(x)); }

torch::Tensor column(const std::vector<GoldenCase>& cases) {
  std::vector<float> xs;
  for (const auto& c : cases) xs.push_back(c.x);
  return torch::tensor(xs, torch::kFloat);
}

TEST(FusedGelu, ForwardMatchesFloat64Golden) {
  const auto cases = goldenCases();
  ASSERT_GT(cases.size(), 400u);
  const torch::Tensor y = folk::geluForwardCpu(column(cases));
  for (std::size_t i = 0; i < cases.size(); ++i)
    EXPECT_NEAR(y[std::int64_t(i)].item<float>(), cases[i].gelu, tolerance(cases[i].x)) << "x = " << cases[i].x;
}

TEST(FusedGelu, BackwardMatchesFloat64Golden) {
  const auto cases = goldenCases();
  ASSERT_GT(cases.size(), 400u);
  const torch::Tensor x = column(cases);
  const torch::Tensor g = folk::geluBackwardCpu(torch::ones_like(x), x);
  for (std::size_t i = 0; i < cases.size(); ++i)
    EXPECT_NEAR(g[std::int64_t(i)].item<float>(), cases[i].grad, tolerance(cases[i].x)) << "x = " << cases[i].x;
}

TEST(FusedGelu, DeepTailsAreExactlyZeroAndIdentity) {
  // Beyond the cut erf is exactly ±1, so GELU(-x) is -0 or 0 and GELU(x) is x, as in at::gelu.
  const torch::Tensor x = torch::tensor({-50.0f, -10.0f, -6.0f, 6.0f, 10.0f, 1e30f});
  const torch::Tensor y = folk::geluForwardCpu(x);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(y[i].item<float>(), 0.0f);
  for (int i = 3; i < 6; ++i) EXPECT_EQ(y[i].item<float>(), x[i].item<float>());
  const torch::Tensor g = folk::geluBackwardCpu(torch::ones_like(x), x);
  for (int i = 0; i < 3; ++i) EXPECT_NEAR(g[i].item<float>(), 0.0f, 1e-7);
  for (int i = 3; i < 6; ++i) EXPECT_EQ(g[i].item<float>(), 1.0f);
}

TEST(FusedGelu, NanPropagatesAndInfinityKeepsItsSign) {
  const float nan = std::numeric_limits<float>::quiet_NaN(), inf = std::numeric_limits<float>::infinity();
  // Nine values: eight go through the vector lanes, the last one through the scalar tail.
  const torch::Tensor x = torch::tensor({nan, 1.0f, inf, 2.0f, 3.0f, 4.0f, 5.0f, 6.0f, nan});
  const torch::Tensor y = folk::geluForwardCpu(x);
  EXPECT_TRUE(std::isnan(y[0].item<float>()));
  EXPECT_TRUE(std::isnan(y[8].item<float>()));
  EXPECT_EQ(y[2].item<float>(), inf);
  EXPECT_TRUE(std::isnan(folk::geluBackwardCpu(torch::ones_like(x), x)[0].item<float>()));
}

TEST(FusedGelu, AgreesWithLibTorchGeluForwardAndBackwardOnEverySizeTail) {
  // Sizes around the 8-lane width and the parallel grain exercise the vector body, the scalar tail
  // and the split into threads.
  torch::manual_seed(3);
  for (std::int64_t n : {1, 7, 8, 9, 15, 17, 1000, 32768 * 2 + 5}) {
    const torch::Tensor x = torch::randn({n}) * 3.0;
    const torch::Tensor ours = x.clone().requires_grad_(true);
    const torch::Tensor theirs = x.clone().requires_grad_(true);
    const torch::Tensor upstream = torch::randn({n});
    const torch::Tensor a = folk::gelu(ours);
    const torch::Tensor b = torch::gelu(theirs);
    EXPECT_LT((a - b).abs().max().item<float>(), 2e-6) << "n = " << n;
    (a * upstream).sum().backward();
    (b * upstream).sum().backward();
    EXPECT_LT((ours.grad() - theirs.grad()).abs().max().item<float>(), 4e-6) << "n = " << n;
  }
}

TEST(FusedGelu, KeepsShapeAndWorksOnBatchedActivations) {
  torch::manual_seed(4);
  const torch::Tensor x = torch::randn({4, 65, 768});
  const torch::Tensor y = folk::gelu(x);
  EXPECT_EQ(y.sizes(), x.sizes());
  EXPECT_LT((y - torch::gelu(x)).abs().max().item<float>(), 2e-6);
}

TEST(FusedGelu, OtherTensorsFallBackToLibTorch) {
  const torch::Tensor strided = torch::randn({8, 6}).t();  // not contiguous
  EXPECT_FALSE(folk::geluUsesFusedKernel(strided));
  EXPECT_TRUE(torch::equal(folk::gelu(strided), torch::gelu(strided)));
  const torch::Tensor doubles = torch::randn({10}, torch::kDouble);
  EXPECT_FALSE(folk::geluUsesFusedKernel(doubles));
  EXPECT_TRUE(torch::equal(folk::gelu(doubles), torch::gelu(doubles)));
  EXPECT_TRUE(folk::geluUsesFusedKernel(torch::randn({10})));
  EXPECT_THROW(folk::geluForwardCpu(doubles), c10::Error);
  EXPECT_THROW(folk::geluBackwardCpu(torch::ones({3}), torch::ones({4})), c10::Error);
}

TEST(FusedGelu, NoGradModeSkipsTheAutogradNode) {
  const torch::Tensor x = torch::randn({16}).requires_grad_(true);
  {
    torch::NoGradGuard noGrad;
    EXPECT_FALSE(folk::gelu(x).requires_grad());
  }
  EXPECT_TRUE(folk::gelu(x).requires_grad());
}

}  // namespace
