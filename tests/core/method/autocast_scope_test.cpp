// bf16 autocast (core/method/autocast_scope.h) and the training step under it, on the CPU: the
// same code path a GPU takes with device.precision = bf16, minus the device.
#include <gtest/gtest.h>

#include <cmath>

#include "core/method/autocast_scope.h"
#include "core/method/train_step.h"
#include "tests/core/method/tiny_model.h"

namespace folk {
namespace {

TEST(AutocastScope, MatrixProductsRunInBf16InsideAndFloat32AfterNestedScopes) {
  const auto a = torch::rand({4, 8});
  const auto b = torch::rand({8, 3});
  EXPECT_EQ(torch::mm(a, b).scalar_type(), torch::kFloat32);
  {
    AutocastScope outer(torch::kCPU, true);
    EXPECT_EQ(torch::mm(a, b).scalar_type(), torch::kBFloat16);
    {
      AutocastScope inner(torch::kCPU, true);
      EXPECT_EQ(torch::mm(a, b).scalar_type(), torch::kBFloat16);
    }
    EXPECT_EQ(torch::mm(a, b).scalar_type(), torch::kBFloat16);  // the inner scope restored "on"
    // FFTs are not on autocast's lists: the masks stay float32 even inside a scope.
    EXPECT_EQ(torch::fft::rfft2(a).scalar_type(), torch::kComplexFloat);
  }
  EXPECT_EQ(torch::mm(a, b).scalar_type(), torch::kFloat32);
  {
    AutocastScope off(torch::kCPU, false);
    EXPECT_EQ(torch::mm(a, b).scalar_type(), torch::kFloat32);
  }
}

ModelConfig tinyModel() { return test::tinyViTModel(); }

// A bf16 step is the float32 step up to bf16 rounding (8 bits of mantissa): same masks and data,
// losses within a few per cent, weights still float32 and finite.
TEST(AutocastScope, Bf16TrainingStepsTrackTheFloat32Steps) {
  MethodConfig method;
  method.objective.name = "folk";
  method.epochs = 10;
  method.stepsPerEpoch = 4;
  method.optimisation.batchSize = 8;
  method.optimisation.warmupEpochs = 0;
  method.optimisation.freezeLastLayerEpochs = 0;
  method.maskSeed = 11;
  MethodConfig bf16 = method;
  bf16.bf16 = true;
  torch::manual_seed(4);
  TrainStep reference(tinyModel(), method);
  torch::manual_seed(4);
  TrainStep mixed(tinyModel(), bf16);
  torch::manual_seed(5);
  const auto u = torch::rand({8, 3, 16, 16});
  const auto v = u.flip({3});
  bool differs = false;
  for (std::int64_t s = 0; s < 3; ++s) {
    const auto a = reference.step(u, v, s);
    const auto b = mixed.step(u, v, s);
    ASSERT_TRUE(b.fault.empty()) << b.fault;
    EXPECT_NEAR(b.values[StepMetric::Distill], a.values[StepMetric::Distill], 0.03 * std::abs(a.values[StepMetric::Distill])) << "step " << s;
    EXPECT_NEAR(b.values[StepMetric::Reconstruction], a.values[StepMetric::Reconstruction], 0.03 * std::abs(a.values[StepMetric::Reconstruction])) << "step " << s;
    differs = differs || b.values[StepMetric::Total] != a.values[StepMetric::Total];
  }
  EXPECT_TRUE(differs) << "bf16 steps are bit-identical to float32 ones: autocast did not take effect";
  for (const auto& p : mixed.student()->parameters()) {
    EXPECT_EQ(p.scalar_type(), torch::kFloat32);
    EXPECT_TRUE(torch::isfinite(p).all().item<bool>());
  }
  EXPECT_EQ(mixed.center().scalar_type(), torch::kFloat32);
}

}  // namespace
}  // namespace folk
