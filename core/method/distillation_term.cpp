#include "core/method/distillation_term.h"

#include <cmath>

#include "core/method/autocast_scope.h"
#include "core/method/ema.h"
#include "core/method/losses.h"
#include "core/method/sinkhorn_knopp.h"
#include "core/method/train_step.h"

namespace folk {

namespace {
// The statistics one shard gives back, in this order (summed over shards and ranks).
enum Statistic { TeacherLogitSum, TeacherEntropySum, PrototypeHits };
}  // namespace

DistillationTerm::DistillationTerm(const ModelConfig& model, const MethodConfig& method, Backbone student,
                                   torch::Device device)
    : student_(std::move(student)),
      device_(device),
      bf16_(method.bf16),
      studentTemp_(method.objective.studentTemp),
      centerMomentum_(method.objective.centerMomentum),
      freezeLastLayerSteps_(method.optimisation.freezeLastLayerEpochs * static_cast<double>(method.stepsPerEpoch)),
      sinkhornKnopp_(method.objective.centering == "sinkhorn-knopp"),
      prototypes_(model.prototypes) {
  const auto& o = method.objective;
  const auto total = method.epochs * method.stepsPerEpoch;
  momentum_ = {o.momentum, o.momentumEnd, total, 0, o.momentum};
  teacherTemp_ = {o.warmupTeacherTemp, o.teacherTemp,
                  static_cast<std::int64_t>(std::llround(o.warmupTeacherTempEpochs * static_cast<double>(method.stepsPerEpoch)))};
  studentProjection_ = makeProjectionHead(model, student_->featureDim());
  studentProjection_->to(device);
  // The teacher averages the student's weights and never drops a path.
  ModelConfig teacherModel = model;
  teacherModel.dropPath = 0.0;
  teacher_ = makeBackbone(teacherModel);
  teacherProjection_ = makeProjectionHead(model, student_->featureDim());
  teacher_->to(device);
  teacherProjection_->to(device);
  copyModuleState(*teacher_, *student_);
  copyModuleState(*teacherProjection_, *studentProjection_);
  for (auto& p : teacher_->parameters()) p.set_requires_grad(false);
  for (auto& p : teacherProjection_->parameters()) p.set_requires_grad(false);
  center_ = torch::zeros({1, model.prototypes}, torch::TensorOptions().device(device));
  prototypeLastUsed_ = torch::full({model.prototypes}, -1, torch::kLong);
}

void DistillationTerm::appendReplicaState(std::vector<torch::Tensor>& state) {
  for (torch::nn::Module* module : {static_cast<torch::nn::Module*>(teacher_.get()),
                                    static_cast<torch::nn::Module*>(studentProjection_.get()),
                                    static_cast<torch::nn::Module*>(teacherProjection_.get())}) {
    for (const auto& p : module->parameters()) state.push_back(p);
    for (const auto& b : module->buffers()) state.push_back(b);
  }
  state.push_back(center_);
}

void DistillationTerm::save(torch::serialize::OutputArchive& archive) const {
  auto writeModule = [&](const char* key, const torch::nn::Module& module) {
    torch::serialize::OutputArchive nested;
    module.save(nested);
    archive.write(key, nested);
  };
  writeModule("teacher", *teacher_);
  writeModule("student_projection", *studentProjection_);
  writeModule("teacher_projection", *teacherProjection_);
  archive.write("center", center_, /*is_buffer=*/true);
}

void DistillationTerm::load(torch::serialize::InputArchive& archive, const ModuleReader& readModule) {
  readModule("teacher", *teacher_);
  readModule("student_projection", *studentProjection_);
  readModule("teacher_projection", *teacherProjection_);
  torch::Tensor center;
  archive.read("center", center, /*is_buffer=*/true);
  if (center.sizes() != center_.sizes()) throw std::runtime_error("centre has shape " + c10::str(center.sizes()));
  center_ = center.to(device_);
}

void DistillationTerm::beginStep(const StepContext& step) {
  stepTeacherTemp_ = teacherTemp_.at(step.globalStep);
  (*step.values)[StepMetric::TeacherTemp] = stepTeacherTemp_;
  sinkhornLogits_ = sinkhornProbs_ = torch::Tensor();
  teacher_->train();  // BatchNorm (ResNet) normalises with the teacher's own batch statistics, as in DINO
  if (sinkhornKnopp_) sinkhornKnoppTeacher(step, step.views->teacherInput);
}

void DistillationTerm::sinkhornKnoppTeacher(const StepContext& step, const torch::Tensor& teacherInput) {
  torch::NoGradGuard noGrad;
  {
    AutocastScope autocast(device_, bf16_);
    sinkhornLogits_ = teacherProjection_->forward(teacher_->forward(teacherInput).features).to(torch::kFloat32);
  }
  GlobalSum globalSum;
  if (step.world > 1) {
    globalSum = [communicator = step.communicator](const torch::Tensor& t) {
      std::vector<torch::Tensor> sum{t.clone()};
      communicator->allReduceSum(sum);
      return sum[0];
    };
  }
  sinkhornProbs_ = sinkhornKnoppTargets(sinkhornLogits_, stepTeacherTemp_, kSinkhornKnoppIterations, globalSum, step.world);
}

TermShard DistillationTerm::shard(const ShardContext& s) {
  torch::Tensor teacherLogits, studentLogits;
  {
    AutocastScope autocast(device_, bf16_);
    if (sinkhornLogits_.defined()) {
      teacherLogits = s.rows(sinkhornLogits_);
    } else {
      torch::NoGradGuard noGrad;
      teacherLogits = teacherProjection_->forward(teacher_->forward(s.teacherInput).features).to(torch::kFloat32);
    }
    studentLogits = studentProjection_->forward(s.studentOut.features).to(torch::kFloat32);
    if (s.locals != nullptr && s.locals->studentInput.defined()) {
      // A second pass at the local crops' smaller size (DINO groups its crops by resolution).
      const auto localOut = student_->forward(s.rows(s.locals->studentInput));
      studentLogits = torch::cat({studentLogits, studentProjection_->forward(localOut.features).to(torch::kFloat32)}, 0);
    }
  }
  torch::Tensor loss;
  TeacherOutputStats stats;
  if (sinkhornProbs_.defined()) {
    const auto targets = s.rows(sinkhornProbs_);
    loss = distillationCrossEntropy(studentLogits, targets, studentTemp_);
    stats = teacherTargetStats(targets);
  } else {
    loss = dinoDistillationLoss(studentLogits, teacherLogits, center_, studentTemp_, stepTeacherTemp_);
    stats = teacherOutputStats(teacherLogits, center_, stepTeacherTemp_);
  }
  const bool whole = s.begin == 0 && s.end == s.batch && s.world == 1;
  if (!whole) loss = loss * s.share();
  TermShard out;
  out.loss = loss;
  out.statistics = {teacherLogits.detach().sum(0, /*keepdim=*/true), stats.entropySum.to(torch::kFloat64),
                    torch::bincount(stats.argmax, /*weights=*/{}, prototypes_).to(torch::kFloat32)};
  return out;
}

void DistillationTerm::afterReduction(const StepContext& step, const std::vector<torch::Tensor>& statistics) {
  auto& v = *step.values;
  // Teacher rows of the global batch.
  const double teacherRows = static_cast<double>(2 * step.batch * step.world);
  // The distillation loss is the mean cross-entropy over the same teacher rows, so the KL divergence
  // of the student from the teacher is that loss minus the teacher's mean entropy.
  v[StepMetric::TeacherEntropy] = statistics[TeacherEntropySum].item<double>() / teacherRows;
  v[StepMetric::StudentTeacherKl] = v[StepMetric::Distill] - v[StepMetric::TeacherEntropy];
  // The centre follows the mean of the global batch's teacher logits, as in DINO.
  center_ = updatedCenter(center_, statistics[TeacherLogitSum] / teacherRows, centerMomentum_);
  v[StepMetric::CenterNorm] = center_.norm().item<double>();
  prototypeLastUsed_.masked_fill_(statistics[PrototypeHits].to(prototypeLastUsed_.device()) > 0, step.globalStep);
  v[StepMetric::PrototypesUsed] =
      ((prototypeLastUsed_ >= 0) & (prototypeLastUsed_ > step.globalStep - kPrototypeUsageWindowSteps))
          .sum()
          .item<double>();
}

void DistillationTerm::beforeOptimizerStep(std::int64_t globalStep) {
  if (static_cast<double>(globalStep) < freezeLastLayerSteps_) {
    // An undefined gradient makes AdamW skip the prototypes entirely (no decay, no moment update),
    // which is DINO's "cancel_gradients_last_layer".
    studentProjection_->lastLayerDirection().mutable_grad() = torch::Tensor();
  }
}

void DistillationTerm::afterOptimizerStep(const StepContext& step) {
  auto& v = *step.values;
  v[StepMetric::Momentum] = momentum_.at(step.globalStep);
  emaUpdate(*teacher_, *student_, v[StepMetric::Momentum]);
  emaUpdate(*teacherProjection_, *studentProjection_, v[StepMetric::Momentum]);
}

}  // namespace folk
