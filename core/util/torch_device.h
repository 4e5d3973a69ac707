#pragma once
// The device names users type (config device.device, --device): "auto", "cpu", "cuda", "cuda:N".
// Shared by training, `folk bench step` and `folk bench masks`.
#include <torch/torch.h>

#include <string>

namespace folk {

// "auto": CUDA device 0 when available, else the CPU. Throws std::invalid_argument when CUDA is
// named but this build or machine has none, when N is past the last device, or for other names.
torch::Device resolveDevice(const std::string& name);

}  // namespace folk
