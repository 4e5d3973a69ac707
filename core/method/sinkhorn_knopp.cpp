#include "core/method/sinkhorn_knopp.h"

#include <stdexcept>
#include <string>

namespace folk {

torch::Tensor sinkhornKnoppTargets(const torch::Tensor& teacherLogits, double teacherTemp, int iterations,
                                   const GlobalSum& globalSum, int worldSize) {
  if (teacherLogits.dim() != 2 || iterations < 1 || worldSize < 1 || !(teacherTemp > 0.0)) {
    throw std::invalid_argument("sinkhornKnoppTargets: expected (N, K) logits, a positive temperature, at least one "
                                "iteration and rank count, got " + c10::str(teacherLogits.sizes()) + ", " +
                                std::to_string(teacherTemp) + ", " + std::to_string(iterations) + ", " +
                                std::to_string(worldSize));
  }
  torch::NoGradGuard noGrad;
  auto sum = [&](const torch::Tensor& t) { return globalSum ? globalSum(t) : t; };
  // float64: the logits of the projection head are cosines (|t| <= 1), so exp(t / T) stays finite
  // for any temperature above 1/700.
  auto q = (teacherLogits.detach().to(torch::kFloat64) / teacherTemp).exp().t();  // (K, N)
  if (!q.isfinite().all().item<bool>()) {
    throw std::invalid_argument("sinkhornKnoppTargets: exp(logits / " + std::to_string(teacherTemp) +
                                ") overflows; the teacher temperature is too low for these logits");
  }
  const auto prototypes = static_cast<double>(q.size(0));
  const auto images = static_cast<double>(q.size(1)) * worldSize;
  q = q / sum(q.sum());
  for (int i = 0; i < iterations; ++i) {
    q = q / sum(q.sum(1, /*keepdim=*/true)) / prototypes;
    q = q / q.sum(0, /*keepdim=*/true) / images;
  }
  return (q * images).t().to(torch::kFloat32).contiguous();
}

}  // namespace folk
