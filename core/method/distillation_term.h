#pragma once
// Self-distillation from an EMA teacher (DINO's loss, DESIGN.md §3): the teacher backbone and
// projection head, the student's projection head, the centre (running mean or Sinkhorn-Knopp),
// the teacher temperature and momentum schedules, the self-distillation diagnostics
// (docs/diagnostics.md) and the EMA update after each optimiser step.
#include "core/method/loss_term.h"
#include "core/method/schedules.h"
#include "core/model/model_factory.h"

namespace folk {

class DistillationTerm : public LossTerm {
 public:
  DistillationTerm(const ModelConfig& model, const MethodConfig& method, Backbone student, torch::Device device);

  StepMetric lossMetric() const override { return StepMetric::Distill; }
  std::string faultName() const override { return "distillation loss"; }
  double weight() const override { return 1.0; }
  bool seesLocalCrops() const override { return true; }

  std::vector<torch::nn::Module*> trainableModules() override { return {studentProjection_.get()}; }
  void appendReplicaState(std::vector<torch::Tensor>& state) override;
  void save(torch::serialize::OutputArchive& archive) const override;
  void load(torch::serialize::InputArchive& archive, const ModuleReader& readModule) override;

  void beginStep(const StepContext& step) override;
  TermShard shard(const ShardContext& shard) override;
  void afterReduction(const StepContext& step, const std::vector<torch::Tensor>& statistics) override;
  void beforeOptimizerStep(std::int64_t globalStep) override;
  void afterOptimizerStep(const StepContext& step) override;

  double teacherTempAt(std::int64_t step) const { return teacherTemp_.at(step); }
  double momentumAt(std::int64_t step) const { return momentum_.at(step); }
  Backbone teacher() const { return teacher_; }
  ProjectionHead studentProjection() const { return studentProjection_; }
  ProjectionHead teacherProjection() const { return teacherProjection_; }
  torch::Tensor center() const { return center_; }

 private:
  // The teacher's logits and target probabilities for the whole local batch (2B, K), computed
  // before the shards when the centring needs the whole global batch (Sinkhorn-Knopp).
  void sinkhornKnoppTeacher(const StepContext& step, const torch::Tensor& teacherInput);

  Backbone student_, teacher_;
  ProjectionHead studentProjection_{nullptr}, teacherProjection_{nullptr};
  torch::Device device_;
  bool bf16_;
  double studentTemp_, centerMomentum_, freezeLastLayerSteps_;
  bool sinkhornKnopp_;
  std::int64_t prototypes_;
  CosineSchedule momentum_;
  LinearWarmup teacherTemp_;
  torch::Tensor center_;  // (1, K)
  // Per prototype, the last step at which it was the argmax of a teacher output (-1: never since
  // this object was built; the usage window restarts after a resume).
  torch::Tensor prototypeLastUsed_;
  // This step's teacher temperature and, with Sinkhorn-Knopp, the whole batch's teacher pass.
  double stepTeacherTemp_ = 0.0;
  torch::Tensor sinkhornLogits_, sinkhornProbs_;
};

}  // namespace folk
