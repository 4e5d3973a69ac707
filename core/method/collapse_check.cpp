#include "core/method/collapse_check.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/method/train_step.h"

namespace folk {

namespace {

constexpr int kAveragedSteps = 20;

std::string fixed(double value, int digits) {
  char text[32];
  std::snprintf(text, sizeof text, "%.*f", digits, value);
  return text;
}

}  // namespace

std::int64_t collapseWarmupSteps(const MethodConfig& method) {
  const double epochs = std::max({method.optimisation.warmupEpochs, method.objective.warmupTeacherTempEpochs,
                                  method.optimisation.freezeLastLayerEpochs});
  return static_cast<std::int64_t>(std::llround(epochs * static_cast<double>(method.stepsPerEpoch)));
}

CollapseCheck::CollapseCheck(std::int64_t prototypes, std::int64_t warmupSteps)
    : prototypes_(std::max<std::int64_t>(1, prototypes)),
      warmupSteps_(std::max(warmupSteps, kPrototypeUsageWindowSteps)) {}

std::optional<CollapseChange> CollapseCheck::update(std::int64_t step, const StepValues& values) {
  if (!values.has(StepMetric::TeacherEntropy)) return std::nullopt;
  // A running mean over the last kAveragedSteps values (exact until then, exponential after).
  averaged_ = std::min(averaged_ + 1, kAveragedSteps);
  entropyAverage_ += (values[StepMetric::TeacherEntropy] - entropyAverage_) / averaged_;
  if (step < warmupSteps_) return std::nullopt;

  const double lnK = std::log(static_cast<double>(prototypes_));
  const double used = values.has(StepMetric::PrototypesUsed) ? values[StepMetric::PrototypesUsed] : prototypes_;
  const double fewPrototypes = std::max(1.0, std::floor(0.01 * static_cast<double>(prototypes_)));
  CollapseKind now = CollapseKind::None;
  if (entropyAverage_ >= kUniformFraction * lnK) {
    now = CollapseKind::Uniform;
  } else if (used <= fewPrototypes) {
    now = CollapseKind::OnePrototype;
  }
  if (now == state_) return std::nullopt;

  const auto at = "at step " + std::to_string(step) + ": ";
  const auto entropy = "teacher entropy " + fixed(entropyAverage_, 2) + " nats of at most ln K = " + fixed(lnK, 2);
  CollapseChange change{now, {}};
  switch (now) {
    case CollapseKind::Uniform:
      change.message =
          "uniform collapse " + at + entropy + " (" + fixed(100.0 * entropyAverage_ / lnK, 1) +
          " %): the teacher's outputs are nearly uniform, so the distillation teaches the student almost nothing. "
          "Likely causes: the two views differ too little, the teacher temperature is too high, or the centring "
          "cancels what differs between images. Try: objective.centering sinkhorn-knopp, stronger augmentation "
          "(data.augment: crop scale_min 0.25, local_crops.count, blur_probability, solarize_probability, "
          "erase_probability; jitter, which on grey images needs jitter.grey true), objective.teacher_temp 0.04 "
          "with a shorter "
          "objective.warmup_teacher_temp_epochs, fewer prototypes (model.prototypes), a higher "
          "optimisation.base_lr.";
      break;
    case CollapseKind::OnePrototype:
      change.message =
          "one-prototype collapse " + at + "only " + fixed(used, 0) + " of " + std::to_string(prototypes_) +
          " prototypes were the teacher's first choice in the last " + std::to_string(kPrototypeUsageWindowSteps) +
          " steps (" + entropy + "): the teacher maps every image to the same output. Likely causes: too little "
          "centring, a teacher temperature too low, a learning rate too high. Try: objective.centering "
          "sinkhorn-knopp, objective.center_momentum 0.9, "
          "objective.teacher_temp 0.05-0.07, a lower optimisation.base_lr, a larger batch.";
      break;
    case CollapseKind::None:
      change.message = "the self-distillation left the " +
                       std::string(state_ == CollapseKind::Uniform ? "uniform" : "one-prototype") + " collapse " +
                       at + entropy + ", " + fixed(used, 0) + " of " + std::to_string(prototypes_) +
                       " prototypes used.";
      break;
  }
  state_ = now;
  return change;
}

}  // namespace folk
