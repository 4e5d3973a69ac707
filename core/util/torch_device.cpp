#include "core/util/torch_device.h"

#include <stdexcept>

namespace folk {

torch::Device resolveDevice(const std::string& name) {
  if (name == "auto") return torch::cuda::is_available() ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
  if (name == "cpu") return torch::kCPU;
  if (name == "cuda" || (name.rfind("cuda:", 0) == 0 && name.size() > 5 && name.size() < 9 &&
                         name.find_first_not_of("0123456789", 5) == std::string::npos)) {
    if (!torch::cuda::is_available()) {
      throw std::invalid_argument("device '" + name + "': this build of LibTorch or this machine has no CUDA device");
    }
    const int index = name.size() > 5 ? std::stoi(name.substr(5)) : 0;
    if (index >= static_cast<int>(torch::cuda::device_count())) {
      throw std::invalid_argument("device '" + name + "': only " + std::to_string(torch::cuda::device_count()) +
                                  " CUDA device(s)");
    }
    return torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(index));
  }
  throw std::invalid_argument("device '" + name + "' is not auto, cpu, cuda or cuda:N");
}

}  // namespace folk
