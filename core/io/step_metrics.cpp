#include "core/io/step_metrics.h"

#include <cmath>
#include <stdexcept>

namespace folk {

namespace {

constexpr std::array<StepMetricDeclaration, kStepMetricCount> kDeclarations{{
    {StepMetric::Total, "total", FOLK_TRANSLATE_NOOP("StepMetric", "total loss"), "", MetricPanel::Loss, 0, "loss %.4f"},
    {StepMetric::Distill, "distill", FOLK_TRANSLATE_NOOP("StepMetric", "distillation"), "nats", MetricPanel::Loss, 0, "distill %.4f"},
    {StepMetric::Reconstruction, "reconstruction", FOLK_TRANSLATE_NOOP("StepMetric", "reconstruction"), "", MetricPanel::Loss, 0,
     "rec %.4f"},
    {StepMetric::Lr, "lr", FOLK_TRANSLATE_NOOP("StepMetric", "learning rate"), "", MetricPanel::Schedule, 0, "lr %.2e"},
    {StepMetric::WeightDecay, "weight_decay", FOLK_TRANSLATE_NOOP("StepMetric", "weight decay"), "", MetricPanel::None, 0, ""},
    {StepMetric::Momentum, "momentum", FOLK_TRANSLATE_NOOP("StepMetric", "EMA momentum"), "", MetricPanel::Schedule, 1, ""},
    {StepMetric::TeacherTemp, "teacher_temp", FOLK_TRANSLATE_NOOP("StepMetric", "teacher temperature"), "", MetricPanel::Schedule, 2,
     ""},
    {StepMetric::GradNorm, "grad_norm", FOLK_TRANSLATE_NOOP("StepMetric", "gradient norm"), "", MetricPanel::None, 0, ""},
    {StepMetric::TeacherEntropy, "teacher_entropy", FOLK_TRANSLATE_NOOP("StepMetric", "teacher entropy"), "nats",
     MetricPanel::Diagnostics, 0, "H %.2f"},
    {StepMetric::StudentTeacherKl, "student_teacher_kl", FOLK_TRANSLATE_NOOP("StepMetric", "student-teacher KL"), "nats",
     MetricPanel::Diagnostics, 0, "KL %.3f"},
    {StepMetric::CenterNorm, "center_norm", FOLK_TRANSLATE_NOOP("StepMetric", "centre norm"), "", MetricPanel::Diagnostics, 2, ""},
    {StepMetric::PrototypesUsed, "prototypes_used", FOLK_TRANSLATE_NOOP("StepMetric", "prototypes used"), "", MetricPanel::Diagnostics,
     1, "protos %.0f"},
    {StepMetric::ImagesPerSecond, "images_per_s", FOLK_TRANSLATE_NOOP("StepMetric", "throughput"), "images/s", MetricPanel::None, 0,
     "%.1f images/s"},
    {StepMetric::ElapsedSeconds, "elapsed_s", FOLK_TRANSLATE_NOOP("StepMetric", "elapsed time"), "s", MetricPanel::None, 0, ""},
}};

constexpr bool declaredInOrder() {
  for (std::size_t i = 0; i < kDeclarations.size(); ++i) {
    if (static_cast<std::size_t>(kDeclarations[i].metric) != i) return false;
  }
  return true;
}
static_assert(declaredInOrder(), "stepMetrics() rows must follow the StepMetric enumerators");

}  // namespace

const std::array<StepMetricDeclaration, kStepMetricCount>& stepMetrics() { return kDeclarations; }

const StepMetricDeclaration& declaration(StepMetric metric) {
  return kDeclarations.at(static_cast<std::size_t>(metric));
}

std::optional<StepMetric> stepMetricByKey(const std::string& key) {
  for (const auto& d : kDeclarations) {
    if (key == d.key) return d.metric;
  }
  return std::nullopt;
}

bool StepValues::has(StepMetric m) const { return !std::isnan((*this)[m]); }

}  // namespace folk
