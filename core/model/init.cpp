#include "core/model/init.h"

#include <cmath>

namespace folk {

void truncatedNormal_(torch::Tensor tensor, double std) {
  torch::NoGradGuard noGrad;
  // Sample u uniformly in [cdf(-2), cdf(2)] and map through the inverse normal CDF:
  // x = sqrt(2) * erfinv(2u - 1), which lands in [-2, 2] exactly.
  const double lower = 0.5 * (1.0 + std::erf(-2.0 / std::sqrt(2.0)));
  const double upper = 0.5 * (1.0 + std::erf(2.0 / std::sqrt(2.0)));
  tensor.uniform_(2.0 * lower - 1.0, 2.0 * upper - 1.0);
  tensor.erfinv_();
  tensor.mul_(std * std::sqrt(2.0));
  tensor.clamp_(-2.0 * std, 2.0 * std);
}

void initTransformerWeights(torch::nn::Module& module) {
  torch::NoGradGuard noGrad;
  // include_self=false: modules() cannot reach `this` from inside a constructor (no shared_ptr yet).
  for (auto& child : module.modules(/*include_self=*/false)) {
    if (auto* linear = child->as<torch::nn::Linear>()) {
      truncatedNormal_(linear->weight, 0.02);
      if (linear->bias.defined()) linear->bias.zero_();
    } else if (auto* norm = child->as<torch::nn::LayerNorm>()) {
      if (norm->weight.defined()) norm->weight.fill_(1.0);
      if (norm->bias.defined()) norm->bias.zero_();
    }
  }
}

}  // namespace folk
