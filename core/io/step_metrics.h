#pragma once
// Every per-step training metric, declared once: its key in metrics.jsonl / metrics.csv, its English
// label and unit, where the curves draw it and whether the CLI's progress line shows it. The engine
// fills a StepValues (one slot per metric), the metrics files, the CLI line, the Train curves and
// Results all iterate stepMetrics(), so a new metric is one enumerator plus one row here.
#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>

#include "core/util/translatable.h"

namespace folk {

enum class StepMetric : int {
  Total,
  Distill,
  Reconstruction,
  Lr,
  WeightDecay,
  Momentum,
  TeacherTemp,
  GradNorm,
  TeacherEntropy,
  StudentTeacherKl,
  CenterNorm,
  PrototypesUsed,
  ImagesPerSecond,
  ElapsedSeconds,
};
inline constexpr std::size_t kStepMetricCount = static_cast<std::size_t>(StepMetric::ElapsedSeconds) + 1;

// The prototypes counted as used at a step are those that were the argmax of at least one teacher
// output during this many steps up to it (DINO's K outnumbers one batch's outputs, so a single
// step would undercount a healthy head).
inline constexpr std::int64_t kPrototypeUsageWindowSteps = 100;

// Where a metric is plotted. Diagnostics are the self-distillation figures (docs/diagnostics.md).
enum class MetricPanel { Loss, Schedule, Diagnostics, None };

struct StepMetricDeclaration {
  StepMetric metric;
  const char* key;    // JSON key and CSV column
  const char* label;  // English; the GUI translates it in the context "StepMetric"
  const char* unit;   // "" when there is none
  MetricPanel panel;
  int axis;           // y axis within the panel: 0 left, 1 right, 2 second right
  // printf format of the CLI progress line's field ("" when the line leaves it out); it receives
  // the value as a double.
  const char* cliFormat;
};

const std::array<StepMetricDeclaration, kStepMetricCount>& stepMetrics();
const StepMetricDeclaration& declaration(StepMetric metric);
// The metric with this JSON key, if any.
std::optional<StepMetric> stepMetricByKey(const std::string& key);

// One value per metric; NaN where a metric does not apply (no teacher, not measured yet). NaN
// values are left out of metrics.jsonl and written as empty CSV cells.
class StepValues {
 public:
  StepValues() { values_.fill(std::numeric_limits<double>::quiet_NaN()); }
  double& operator[](StepMetric m) { return values_[static_cast<std::size_t>(m)]; }
  double operator[](StepMetric m) const { return values_[static_cast<std::size_t>(m)]; }
  bool has(StepMetric m) const;

 private:
  std::array<double, kStepMetricCount> values_;
};

}  // namespace folk
