#include "core/train/method_setup.h"

#include <stdexcept>

namespace folk {

std::int64_t totalSteps(const TrainConfig& config, std::int64_t batchesPerEpoch) {
  return config.optimisation.steps > 0 ? config.optimisation.steps : config.optimisation.epochs * batchesPerEpoch;
}

MethodConfig makeMethodConfig(const TrainConfig& config, std::int64_t batchesPerEpoch, const std::vector<double>& mean,
                              const std::vector<double>& std) {
  MethodConfig m(config, batchesPerEpoch);
  // Schedules span whole epochs; a run cut short by optimisation.steps ends inside the last one.
  m.epochs = (totalSteps(config, batchesPerEpoch) + batchesPerEpoch - 1) / batchesPerEpoch;
  m.normalization.mean = mean;
  m.normalization.std = std;
  return m;
}

}  // namespace folk
