#pragma once
// The inputs of the method goldens: det() in tests/data/method_golden/golden_inputs.py builds the
// same values, so neither side stores them.
#include <torch/torch.h>

#include <cstdint>
#include <vector>

namespace folk::test {

// sin(0.37 i + offset) * scale over the flat index i, in float64, then float32.
inline torch::Tensor deterministicTensor(std::vector<int64_t> shape, double offset, double scale) {
  int64_t n = 1;
  for (auto s : shape) n *= s;
  return (torch::arange(n, torch::kFloat64) * 0.37 + offset).sin().mul(scale).reshape(shape).to(torch::kFloat32);
}

}  // namespace folk::test
