#pragma once
// Batched frequency masks and filtering in LibTorch, on whatever device the input lives on
// (DESIGN.md §3). Same definitions and the same ranking rule (magnitudeKeys in spectrum.h) as the
// FFTW path, so both give the same masks bit for bit on the same image. Used by the training engine.
#include <torch/torch.h>

#include <vector>

#include "core/spectral/mask_spec.h"

namespace folk {

// Per-image FOLK mask sampling: Com with probability pCom, else RCom; rho uniform over `ratios`.
struct FolkMaskSampling {
  double pCom = 0.5;
  std::vector<double> ratios{0.005, 0.01, 0.05};
  ThresholdMode mode = ThresholdMode::Top;
};

struct BatchedMaskResult {
  torch::Tensor filtered;  // (B,C,H,W) float32 in [0,1], same device as the input
  torch::Tensor masks;     // (B,H,W) uint8, centred layout, 1 = kept
  torch::Tensor isCom;     // (B) bool: true where Com was used, false for RCom (sampled path)
  torch::Tensor ratios;    // (B) float64: the rho used per image (sampled path)
};

// Luma of (B,C,H,W) images as (B,H,W) (C = 1: the channel).
torch::Tensor batchedLuma(const torch::Tensor& images);

// (B,H,W) int64 ranking keys of the centred luma spectrum, as magnitudeKeys() in spectrum.h.
torch::Tensor batchedMagnitudeKeys(const torch::Tensor& images);

// Com masks (B,H,W) uint8 with a per-image ratio (B) float64; RCom = 1 - Com.
torch::Tensor batchedComMasks(const torch::Tensor& keys, const torch::Tensor& ratios, ThresholdMode mode);

// The same mask spec for every image.
torch::Tensor batchedMasks(const torch::Tensor& images, const MaskSpec& spec);

// Filters every channel of each image with its own mask: (B,C,H,W), (B,H,W) -> (B,C,H,W).
torch::Tensor batchedApplyMasks(const torch::Tensor& images, const torch::Tensor& masks);

// One spec for the whole batch.
BatchedMaskResult batchedFilter(const torch::Tensor& images, const MaskSpec& spec);

// FOLK: per image Com/RCom and rho drawn from `generator` (CPU generator; draws are made on the
// CPU so results do not depend on the device). Images must be float32 (B,C,H,W) in [0,1].
BatchedMaskResult sampleFolkMasks(const torch::Tensor& images, const FolkMaskSampling& sampling,
                                  at::Generator& generator);

}  // namespace folk
