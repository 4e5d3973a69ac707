// TrainStep with DINO's local crops: finite losses for the objectives with a teacher, the teacher
// sees only the two global views, batch shards give the same step (also with Sinkhorn-Knopp centring),
// refusals for objectives without a teacher and for malformed crops; the student's drop path stays
// out of the teacher.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cmath>
#include <string>

#include "core/method/train_step.h"
#include "core/model/vit.h"
#include "tests/core/method/tiny_model.h"

namespace folk {
namespace {

using test::tinyMethod;

torch::Tensor smoothImages(int64_t batch, int64_t side) {
  namespace F = torch::nn::functional;
  auto coarse = torch::rand({batch, 3, 4, 4});
  return F::interpolate(coarse, F::InterpolateFuncOptions()
                                    .size(std::vector<int64_t>{side, side})
                                    .mode(torch::kBilinear)
                                    .align_corners(false))
      .clamp(0, 1);
}

struct Views {
  torch::Tensor u, v;
  std::vector<torch::Tensor> locals;
};

Views tinyViews(int64_t batch, int localCount) {
  Views views{smoothImages(batch, 16), smoothImages(batch, 16), {}};
  for (int k = 0; k < localCount; ++k) views.locals.push_back(smoothImages(batch, 8));  // 2×2 patches of 4 px
  return views;
}

TEST(MultiCropStep, ObjectivesWithATeacherTrainOnLocalCrops) {
  for (const auto objective : {Objective::Folk, Objective::FolkFixed, Objective::Dino}) {
    const auto name = objectiveName(objective);
    torch::manual_seed(0);
    TrainStep trainer(test::tinyViTModel(), tinyMethod(objective));
    torch::manual_seed(1);
    const auto views = tinyViews(4, 3);
    for (int64_t s = 0; s < 2; ++s) {
      const auto m = trainer.step(views.u, views.v, s, views.locals);
      EXPECT_TRUE(m.fault.empty()) << name;
      EXPECT_TRUE(std::isfinite(m.values[StepMetric::Distill])) << name;
      EXPECT_GT(m.values[StepMetric::Distill], 0.0) << name;
      EXPECT_NEAR(m.values[StepMetric::Total], m.values[StepMetric::Distill] + m.values[StepMetric::Reconstruction],
                  1e-4 * std::abs(m.values[StepMetric::Total]))
          << name;
      EXPECT_EQ(m.values[StepMetric::Reconstruction] != 0.0, objectiveTraits(objective).reconstruct) << name;
    }
  }
}

TEST(MultiCropStep, TeacherSeesOnlyTheGlobalViews) {
  // The centre after one step is 0.1 × the mean teacher logit over the rows the teacher saw: the
  // same with and without local crops, while the distillation loss differs.
  torch::manual_seed(1);
  const auto views = tinyViews(4, 2);
  torch::manual_seed(0);
  TrainStep withLocals(test::tinyViTModel(), tinyMethod(Objective::Folk));
  torch::manual_seed(0);
  TrainStep withoutLocals(test::tinyViTModel(), tinyMethod(Objective::Folk));
  const auto a = withLocals.step(views.u, views.v, 0, views.locals);
  const auto b = withoutLocals.step(views.u, views.v, 0);
  EXPECT_GT(withLocals.center().abs().sum().item<double>(), 0.0);
  EXPECT_TRUE(torch::allclose(withLocals.center(), withoutLocals.center(), 1e-6, 1e-7));
  EXPECT_GT(std::abs(a.values[StepMetric::Distill] - b.values[StepMetric::Distill]), 1e-6);
  // The reconstruction term is on the global views only, whose masks are drawn first.
  EXPECT_NEAR(a.values[StepMetric::Reconstruction], b.values[StepMetric::Reconstruction],
              1e-6 * std::abs(b.values[StepMetric::Reconstruction]));
}

// Also with Sinkhorn-Knopp centring, whose targets are computed on the teacher's global views of the
// whole batch before the shards: the local crops only add student rows.
TEST(MultiCropStep, BatchShardsGiveTheSameStepAsTheWholeBatch) {
  const int previousThreads = torch::get_num_threads();
  torch::set_num_threads(2);
  for (const std::string centering : {"mean", "sinkhorn-knopp"}) {
    SCOPED_TRACE(centering);
    auto method = tinyMethod(Objective::Folk);
    method.objective.centering = centering;
    torch::manual_seed(3);
    TrainStep whole(test::tinyViTModel(), method);
    torch::manual_seed(3);
    TrainStep sharded(test::tinyViTModel(), method);
    ASSERT_EQ(sharded.setParallelShards(3), 3);
    torch::manual_seed(4);
    const auto views = tinyViews(8, 2);
    for (int64_t s = 0; s < 3; ++s) {
      const auto a = whole.step(views.u, views.v, s, views.locals);
      const auto b = sharded.step(views.u, views.v, s, views.locals);
      EXPECT_TRUE(a.fault.empty()) << a.fault;
      EXPECT_GT(a.values[StepMetric::Distill], 0.0);
      EXPECT_NEAR(a.values[StepMetric::Distill], b.values[StepMetric::Distill],
                  1e-5 * std::abs(a.values[StepMetric::Distill]) + 1e-6)
          << "step " << s;
      EXPECT_NEAR(a.values[StepMetric::Reconstruction], b.values[StepMetric::Reconstruction],
                  1e-5 * std::abs(a.values[StepMetric::Reconstruction]) + 1e-6);
      EXPECT_NEAR(a.values[StepMetric::GradNorm], b.values[StepMetric::GradNorm],
                  1e-4 * a.values[StepMetric::GradNorm] + 1e-6);
    }
    const auto pa = whole.student()->parameters(), pb = sharded.student()->parameters();
    ASSERT_EQ(pa.size(), pb.size());
    for (size_t i = 0; i < pa.size(); ++i) EXPECT_LT((pa[i] - pb[i]).abs().max().item<double>(), 1e-5) << i;
    if (whole.center().defined()) {
      EXPECT_LT((whole.center() - sharded.center()).abs().max().item<double>(), 1e-5);
    }
  }
  torch::set_num_threads(previousThreads);
}

TEST(MultiCropStep, RefusesLocalCropsItCannotUse) {
  torch::manual_seed(0);
  const auto views = tinyViews(4, 1);
  TrainStep mfm(test::tinyViTModel(), tinyMethod(Objective::Mfm));  // no teacher to supervise them
  EXPECT_THROW(mfm.step(views.u, views.v, 0, views.locals), std::invalid_argument);
  TrainStep folk(test::tinyViTModel(), tinyMethod(Objective::Folk));
  EXPECT_THROW(folk.step(views.u, views.v, 0, {smoothImages(3, 8)}), std::invalid_argument);  // another batch
  EXPECT_THROW(folk.step(views.u, views.v, 0, {smoothImages(4, 8), smoothImages(4, 12)}),
               std::invalid_argument);  // two sizes
  // 6 px is no whole number of 4 px patches: the ViT names the problem.
  EXPECT_THROW(folk.step(views.u, views.v, 0, {smoothImages(4, 6)}), std::invalid_argument);
}

TEST(MultiCropStep, DropPathIsTheStudentsOnly) {
  auto model = test::tinyViTModel();
  model.vitDepth = 3;
  model.dropPath = 0.2;
  TrainStep trainer(model, tinyMethod(Objective::Dino));
  auto blocks = [](const Backbone& backbone) {
    std::vector<double> rates;
    for (const auto& module : backbone->modules(/*include_self=*/false)) {
      if (auto block = std::dynamic_pointer_cast<TransformerBlockImpl>(module)) rates.push_back(block->dropPathProbability());
    }
    return rates;
  };
  EXPECT_EQ(blocks(trainer.student()), (std::vector<double>{0.0, 0.1, 0.2}));
  EXPECT_EQ(blocks(trainer.teacher()), (std::vector<double>{0.0, 0.0, 0.0}));
}

}  // namespace
}  // namespace folk
