// resolveDevice: the device names of configs and --device options. On a machine with CUDA (the GPU
// check) the CUDA branch runs; elsewhere the same names must be refused with a clear error.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <stdexcept>
#include <string>

#include "core/util/torch_device.h"

namespace {

TEST(TorchDevice, CpuAndAutoResolve) {
  EXPECT_EQ(folk::resolveDevice("cpu"), torch::Device(torch::kCPU));
  const torch::Device expected = torch::cuda::is_available() ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
  EXPECT_EQ(folk::resolveDevice("auto"), expected);
}

TEST(TorchDevice, CudaNamesResolveOnlyWhereThereIsADevice) {
  if (torch::cuda::is_available()) {
    EXPECT_EQ(folk::resolveDevice("cuda"), torch::Device(torch::kCUDA, 0));
    EXPECT_EQ(folk::resolveDevice("cuda:0"), torch::Device(torch::kCUDA, 0));
    EXPECT_THROW(folk::resolveDevice("cuda:999"), std::invalid_argument);
  } else {
    EXPECT_THROW(folk::resolveDevice("cuda"), std::invalid_argument);
    EXPECT_THROW(folk::resolveDevice("cuda:0"), std::invalid_argument);
  }
}

TEST(TorchDevice, MalformedNamesAreRejectedWithTheName) {
  for (const char* name : {"gpu", "", "CPU", "cuda:", "cuda:x", "cudax", "cuda:-1", "cuda:1x", "cuda:123456789"}) {
    try {
      folk::resolveDevice(name);
      ADD_FAILURE() << "'" << name << "' was accepted";
    } catch (const std::invalid_argument& e) {
      EXPECT_NE(std::string(e.what()).find(std::string("'") + name + "'"), std::string::npos) << e.what();
    }
  }
}

}  // namespace
