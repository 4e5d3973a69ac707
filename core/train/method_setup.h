#pragma once
// From a TrainConfig to what the method code needs: the MethodConfig (schedules in steps of the
// real loader) and the torch device. Method side of the firewall described in training_data.h.
#include <torch/torch.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/io/train_config.h"
#include "core/method/train_step.h"

namespace folk {

// The number of steps a run trains for: optimisation.steps, or epochs x batches per epoch.
std::int64_t totalSteps(const TrainConfig& config, std::int64_t batchesPerEpoch);

// `mean` / `std`: the normalisation the data side resolved (TrainingData::mean / std).
MethodConfig makeMethodConfig(const TrainConfig& config, std::int64_t batchesPerEpoch, const std::vector<double>& mean,
                              const std::vector<double>& std);

// "auto": CUDA device 0 when available, else the CPU. Throws std::invalid_argument when CUDA is
// named but this build or machine has none.
torch::Device resolveDevice(const std::string& name);

}  // namespace folk
