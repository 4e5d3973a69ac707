#include "core/method/losses.h"

#include <stdexcept>

namespace folk {

namespace {

// Teacher rows (2B, K) for the two global views, student rows (V·B, K) with V >= 2; throws naming
// `function` otherwise.
void checkDistillationShapes(const char* function, const torch::Tensor& student, const torch::Tensor& teacher) {
  const bool shapesOk = student.dim() == 2 && teacher.dim() == 2 && teacher.size(0) % 2 == 0 && teacher.size(0) > 0 &&
                        student.size(1) == teacher.size(1) && student.size(0) >= teacher.size(0) &&
                        student.size(0) % (teacher.size(0) / 2) == 0;
  if (!shapesOk) {
    throw std::invalid_argument(std::string(function) + ": expected teacher rows (2B, K) and student logits (V*B, K) "
                                "with V >= 2, got " + c10::str(student.sizes()) + " (student) and " +
                                c10::str(teacher.sizes()) + " (teacher)");
  }
}

}  // namespace

torch::Tensor dinoDistillationLoss(const torch::Tensor& studentLogits, const torch::Tensor& teacherLogits,
                                   const torch::Tensor& center, double studentTemp, double teacherTemp) {
  checkDistillationShapes("dinoDistillationLoss", studentLogits, teacherLogits);
  return distillationCrossEntropy(studentLogits, torch::softmax((teacherLogits.detach() - center) / teacherTemp, -1),
                                  studentTemp);
}

torch::Tensor distillationCrossEntropy(const torch::Tensor& studentLogits, const torch::Tensor& teacherProbs,
                                       double studentTemp) {
  checkDistillationShapes("distillationCrossEntropy", studentLogits, teacherProbs);
  const auto batch = teacherProbs.size(0) / 2;
  const auto views = studentLogits.size(0) / batch;
  auto studentLogProbs = torch::log_softmax(studentLogits / studentTemp, -1).chunk(views, 0);
  auto q = teacherProbs.detach().chunk(2, 0);
  auto term = [](const torch::Tensor& q, const torch::Tensor& logP) { return (-q * logP).sum(-1).mean(); };
  if (views == 2) {
    // Teacher chunk 1 (v) supervises student chunk 0 (ũ) and teacher chunk 0 (u) student chunk 1 (ṽ).
    return 0.5 * (term(q[1], studentLogProbs[0]) + term(q[0], studentLogProbs[1]));
  }
  torch::Tensor total;
  for (std::int64_t t = 0; t < 2; ++t) {
    for (std::int64_t v = 0; v < views; ++v) {
      if (v == t) continue;  // a view never supervises itself
      auto pair = term(q[t], studentLogProbs[v]);
      total = total.defined() ? total + pair : pair;
    }
  }
  return total / static_cast<double>(2 * (views - 1));
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
