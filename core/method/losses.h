#pragma once
// The loss terms of DESIGN.md §3, as pure functions of tensors (tested against python3-torch).
#include <torch/torch.h>

#include <cstdint>

namespace folk {

// DINO cross-view cross-entropy over all pairs (multi-crop). teacherLogits is (2B, K): rows [0, B)
// from the first global view, [B, 2B) from the second (unfiltered u, v). studentLogits is (V·B, K),
// V >= 2: the same two global views first (filtered ũ, ṽ), then V - 2 local crops, B rows each.
// Teacher probabilities softmax((t - center) / teacherTemp) carry no gradient; student
// log-probabilities log_softmax(s / studentTemp). Every teacher view supervises every student view
// except its own: each pair's term is the batch mean of -sum_k q log p, and the result is the mean
// over the 2(V - 1) pairs. With V = 2 these are (v -> ũ) and (u -> ṽ), the two-view loss.
torch::Tensor dinoDistillationLoss(const torch::Tensor& studentLogits, const torch::Tensor& teacherLogits,
                                   const torch::Tensor& center, double studentTemp, double teacherTemp);

// The same cross-view cross-entropy with the teacher's probabilities given, (2B, K) in the same row
// order: what the distillation uses when the teacher is centred by Sinkhorn-Knopp instead of a
// running mean (core/method/sinkhorn_knopp.h).
torch::Tensor distillationCrossEntropy(const torch::Tensor& studentLogits, const torch::Tensor& teacherProbs,
                                       double studentTemp);

// What the teacher's output distributions look like (docs/diagnostics.md), from the same
// probabilities the distillation loss uses, softmax((t - center) / teacherTemp), without gradient:
// the sum over rows of their entropy -sum_k q log q (ln K for a uniform output, 0 for a one-hot one)
// and each row's most probable prototype.
struct TeacherOutputStats {
  torch::Tensor entropySum;  // 0-dim float32
  torch::Tensor argmax;      // (rows,) int64
};
TeacherOutputStats teacherOutputStats(const torch::Tensor& teacherLogits, const torch::Tensor& center,
                                      double teacherTemp);
// The same figures for given teacher probabilities (Sinkhorn-Knopp targets).
TeacherOutputStats teacherTargetStats(const torch::Tensor& teacherProbs);

// c <- m c + (1 - m) mean_rows(teacherLogits), without gradient. center is (1, K).
torch::Tensor updatedCenter(const torch::Tensor& center, const torch::Tensor& teacherLogits, double momentum);

// MFM's frequency loss: |F_o(ŷ) - F_o(x)| with F_o = fftshift(fft2(., norm="ortho")), summed over
// the frequencies each image's mask REMOVES (mask == 0) and over channels, divided by (channels x
// number of removed frequencies in the batch): the mean over all removed (image, channel, frequency)
// entries, as in MFM's reference code. reconstruction and target are (B, C, H, W); masks (B, H, W)
// in the centred layout (any dtype, nonzero = kept). A batch with nothing removed gives 0.
torch::Tensor frequencyReconstructionLoss(const torch::Tensor& reconstruction, const torch::Tensor& target,
                                          const torch::Tensor& masks);

// The two halves of frequencyReconstructionLoss, for a batch split into shards that must share
// one normaliser: the sum of |F_o(ŷ) - F_o(x)| over removed frequencies and channels, and the
// number of removed (channel, frequency) entries, channels x count(mask == 0).
torch::Tensor frequencyReconstructionError(const torch::Tensor& reconstruction, const torch::Tensor& target,
                                           const torch::Tensor& masks);
torch::Tensor removedEntryCount(const torch::Tensor& masks, std::int64_t channels);

}  // namespace folk
