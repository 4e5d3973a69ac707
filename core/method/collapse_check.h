#pragma once
// Watches the self-distillation diagnostics of a run for the two ways DINO-style training collapses
// (docs/diagnostics.md) and says, once on entering and once on leaving, what is happening and what
// to try:
// - uniform collapse: the teacher's outputs are nearly uniform over the K prototypes (mean entropy
//   >= 0.97 ln K), so the student is taught almost nothing;
// - one-prototype collapse: the teacher sends every image to the same one or few prototypes (at most
//   max(1, 1 % of K) were any output's argmax over the usage window).
// Before the end of the warm-up neither is judged: a fresh head starts near uniform by design.
#include <cstdint>
#include <optional>
#include <string>

#include "core/io/step_metrics.h"

namespace folk {

struct MethodConfig;

enum class CollapseKind { None, Uniform, OnePrototype };

struct CollapseChange {
  CollapseKind kind = CollapseKind::None;  // the state the run is in now
  std::string message;                     // the warning (entering) or the all-clear (leaving)
};

class CollapseCheck {
 public:
  // prototypes: K. warmupSteps: steps before which nothing is judged (the longer of the lr and the
  // teacher-temperature warm-ups, and at least the prototype usage window).
  CollapseCheck(std::int64_t prototypes, std::int64_t warmupSteps);

  // Feeds the diagnostics of one step (values without a teacher entropy are ignored). Returns a
  // change when the run enters or leaves a collapse. The entropy is averaged over the last steps
  // fed, so one noisy batch does not flip the state.
  std::optional<CollapseChange> update(std::int64_t step, const StepValues& values);
  CollapseKind state() const { return state_; }

  static constexpr double kUniformFraction = 0.97;

 private:
  std::int64_t prototypes_;
  std::int64_t warmupSteps_;
  double entropyAverage_ = 0.0;
  int averaged_ = 0;
  CollapseKind state_ = CollapseKind::None;
};

// The steps of a run before which CollapseCheck judges nothing: the longest of the lr warm-up, the
// teacher-temperature warm-up and the frozen last layer.
std::int64_t collapseWarmupSteps(const MethodConfig& method);

}  // namespace folk
