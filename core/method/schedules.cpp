#include "core/method/schedules.h"

#include <algorithm>
#include <cmath>

namespace folk {

double CosineSchedule::at(std::int64_t step) const {
  step = std::max<std::int64_t>(step, 0);
  if (step < warmupSteps) {
    return warmupStart + (base - warmupStart) * static_cast<double>(step) / static_cast<double>(warmupSteps);
  }
  const auto decaySteps = totalSteps - warmupSteps;
  if (decaySteps <= 0 || step >= totalSteps) return final;
  const double progress = static_cast<double>(step - warmupSteps) / static_cast<double>(decaySteps);
  return final + 0.5 * (base - final) * (1.0 + std::cos(M_PI * progress));
}

double LinearWarmup::at(std::int64_t step) const {
  if (warmupSteps <= 0 || step >= warmupSteps) return final;
  step = std::max<std::int64_t>(step, 0);
  return start + (final - start) * static_cast<double>(step) / static_cast<double>(warmupSteps);
}

}  // namespace folk
