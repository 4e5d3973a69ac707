#pragma once
// Per-step hyperparameter schedules (DESIGN.md §3; DINO's cosine_scheduler in closed form).
#include <cstdint>

namespace folk {

// Linear warm-up from warmupStart to base over warmupSteps (step 0 = warmupStart), then a cosine
// from base (at step warmupSteps) to final (at step totalSteps); constant `final` after that.
struct CosineSchedule {
  double base = 0.0;
  double final = 0.0;
  std::int64_t totalSteps = 1;
  std::int64_t warmupSteps = 0;
  double warmupStart = 0.0;

  double at(std::int64_t step) const;
};

// Linear from start (step 0) to final (step warmupSteps), then constant final. warmupSteps <= 0:
// always final. Used for the teacher temperature (0.04 -> 0.07 in DINO).
struct LinearWarmup {
  double start = 0.0;
  double final = 0.0;
  std::int64_t warmupSteps = 0;

  double at(std::int64_t step) const;
};

}  // namespace folk
