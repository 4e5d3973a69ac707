#pragma once
// Sinkhorn-Knopp centring of the teacher (DINOv2, after SwAV): instead of subtracting a running
// mean of its outputs, the teacher's probabilities over a batch are made an equipartition, each
// prototype receiving the same share of the batch's rows. A teacher whose outputs barely depend on
// the image (the uniform and the one-prototype collapse of docs/diagnostics.md) still gives each
// image a target that differs from the others', so the student has something to learn.
#include <torch/torch.h>

#include <functional>

namespace folk {

// Sums a tensor over all data-parallel ranks (the identity on one process).
using GlobalSum = std::function<torch::Tensor(const torch::Tensor&)>;

// Rows of teacherLogits (N, K) are the teacher's outputs for this rank's images; worldSize ranks hold
// N rows each. Q = exp(t / teacherTemp), transposed to (K, N), is scaled to sum to 1 and then
// alternately normalised `iterations` times: every prototype's row to 1/K of the mass (summed over
// all ranks), every image's column to 1/(N · worldSize). The result, (N, K) float32 without gradient,
// is Q's columns scaled to sum to 1: each image's target distribution. Computed in float64; throws
// std::invalid_argument for a non-2-D input, iterations < 1 or an exp that overflows.
torch::Tensor sinkhornKnoppTargets(const torch::Tensor& teacherLogits, double teacherTemp, int iterations,
                                   const GlobalSum& globalSum = {}, int worldSize = 1);

// DINOv2's number of iterations.
constexpr int kSinkhornKnoppIterations = 3;

}  // namespace folk
