#include "core/method/losses.h"

#include <stdexcept>

namespace folk {

torch::Tensor dinoDistillationLoss(const torch::Tensor& studentLogits, const torch::Tensor& teacherLogits,
                                   const torch::Tensor& center, double studentTemp, double teacherTemp) {
  if (studentLogits.dim() != 2 || studentLogits.sizes() != teacherLogits.sizes() || studentLogits.size(0) % 2 != 0) {
    throw std::invalid_argument("dinoDistillationLoss: expected student and teacher logits of the same shape "
                                "(2B, K), got " + c10::str(studentLogits.sizes()) + " and " +
                                c10::str(teacherLogits.sizes()));
  }
  return distillationCrossEntropy(studentLogits, torch::softmax((teacherLogits.detach() - center) / teacherTemp, -1),
                                  studentTemp);
}

torch::Tensor distillationCrossEntropy(const torch::Tensor& studentLogits, const torch::Tensor& teacherProbs,
                                       double studentTemp) {
  if (studentLogits.dim() != 2 || studentLogits.sizes() != teacherProbs.sizes() || studentLogits.size(0) % 2 != 0) {
    throw std::invalid_argument("distillationCrossEntropy: expected student logits and teacher probabilities of the "
                                "same shape (2B, K), got " + c10::str(studentLogits.sizes()) + " and " +
                                c10::str(teacherProbs.sizes()));
  }
  auto studentLogProbs = torch::log_softmax(studentLogits / studentTemp, -1).chunk(2, 0);
  auto q = teacherProbs.detach().chunk(2, 0);
  // Teacher chunk 1 (v) supervises student chunk 0 (ũ) and teacher chunk 0 (u) student chunk 1 (ṽ).
  auto term = [](const torch::Tensor& q, const torch::Tensor& logP) { return (-q * logP).sum(-1).mean(); };
  return 0.5 * (term(q[1], studentLogProbs[0]) + term(q[0], studentLogProbs[1]));
}

TeacherOutputStats teacherOutputStats(const torch::Tensor& teacherLogits, const torch::Tensor& center,
                                      double teacherTemp) {
  torch::NoGradGuard noGrad;
  const auto logQ = torch::log_softmax((teacherLogits.detach().to(torch::kFloat32) - center) / teacherTemp, -1);
  // xlogy-style: q log q -> 0 where q underflows to 0 (log q = -inf).
  const auto plogp = torch::where(logQ.isinf(), torch::zeros_like(logQ), logQ.exp() * logQ);
  return {-plogp.sum(), logQ.argmax(-1)};
}

TeacherOutputStats teacherTargetStats(const torch::Tensor& teacherProbs) {
  torch::NoGradGuard noGrad;
  const auto q = teacherProbs.detach().to(torch::kFloat32);
  // 0 log 0 = 0.
  return {-torch::xlogy(q, q).sum(), q.argmax(-1)};
}

torch::Tensor updatedCenter(const torch::Tensor& center, const torch::Tensor& teacherLogits, double momentum) {
  torch::NoGradGuard noGrad;
  auto batchCenter = teacherLogits.detach().mean(0, /*keepdim=*/true);
  return center * momentum + batchCenter * (1.0 - momentum);
}

torch::Tensor frequencyReconstructionError(const torch::Tensor& reconstruction, const torch::Tensor& target,
                                           const torch::Tensor& masks) {
  if (reconstruction.dim() != 4 || reconstruction.sizes() != target.sizes() || masks.dim() != 3 ||
      masks.size(0) != target.size(0) || masks.size(1) != target.size(2) || masks.size(2) != target.size(3)) {
    throw std::invalid_argument("frequencyReconstructionLoss: expected reconstruction and target (B, C, H, W) "
                                "and masks (B, H, W), got " + c10::str(reconstruction.sizes()) + ", " +
                                c10::str(target.sizes()) + " and " + c10::str(masks.sizes()));
  }
  // |F(a) - F(b)| = |F(a - b)| by linearity: one FFT instead of two.
  auto spectrum = torch::fft::fftshift(torch::fft::fft2(reconstruction - target.detach(), c10::nullopt, {-2, -1}, "ortho"),
                                       {-2, -1});
  auto removed = (masks == 0).to(reconstruction.scalar_type()).unsqueeze(1);  // (B, 1, H, W)
  return (spectrum.abs() * removed).sum();
}

torch::Tensor removedEntryCount(const torch::Tensor& masks, std::int64_t channels) {
  return (masks == 0).sum().to(torch::kFloat32) * static_cast<double>(channels);
}

torch::Tensor frequencyReconstructionLoss(const torch::Tensor& reconstruction, const torch::Tensor& target,
                                          const torch::Tensor& masks) {
  auto error = frequencyReconstructionError(reconstruction, target, masks);
  return error / removedEntryCount(masks, reconstruction.size(1)).to(error.device()).clamp_min(1.0);
}

}  // namespace folk
