#pragma once
// From a TrainConfig to what the method code needs: the MethodConfig (schedules in steps of the
// real loader) and the torch device. Method side of the firewall described in training_data.h.
#include <torch/torch.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/io/train_config.h"
#include "core/method/train_step.h"
#include "core/util/torch_device.h"  // resolveDevice, used with the configs made here

namespace folk {

// The number of steps a run trains for: optimisation.steps, or epochs x batches per epoch.
std::int64_t totalSteps(const TrainConfig& config, std::int64_t batchesPerEpoch);

// `mean` / `std`: the normalisation the data side resolved (TrainingData::mean / std).
MethodConfig makeMethodConfig(const TrainConfig& config, std::int64_t batchesPerEpoch, const std::vector<double>& mean,
                              const std::vector<double>& std);

}  // namespace folk
