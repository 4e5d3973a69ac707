#pragma once
// Batched frequency masks and filtering in LibTorch, on whatever device the input lives on
// (DESIGN.md §3). Same definitions and the same ranking rule (magnitudeKeys in spectrum.h) as the
// FFTW path, so both give the same masks bit for bit on the same image. Used by the training engine.
//
// Masks are computed without autograd (ranking is not differentiable); filtering follows the
// caller's grad mode, so a filtered view is differentiable w.r.t. the images when grad is on.
// All functions throw std::invalid_argument with a sentence naming the bad argument.
#include <torch/torch.h>

#include <vector>

#include "core/spectral/mask_spec.h"

namespace folk {

// Which rows of a larger batch these images are. Data-parallel ranks each hold part of the global
// batch but must draw the choices one process with the whole batch would: draws are made for `total`
// images and image i takes draw rows[i] (int64, CPU). Undefined rows: the images are the whole batch.
struct DrawRows {
  std::int64_t total = 0;
  torch::Tensor rows;
  bool whole() const { return !rows.defined(); }
  // Draws of `count` values for these images, from `draw(n)` producing n values.
  template <typename DrawFn>
  torch::Tensor select(std::int64_t count, DrawFn draw) const {
    return whole() ? draw(count) : draw(total).index_select(0, rows);
  }
};

// Per-image FOLK mask sampling: Com with probability pCom, else RCom; rho uniform over `ratios`.
struct FolkMaskSampling {
  double pCom = 0.5;
  std::vector<double> ratios{0.005, 0.01, 0.05};
  ThresholdMode mode = ThresholdMode::Top;
};

struct BatchedMaskResult {
  torch::Tensor filtered;  // (B,C,H,W) float32 in [0,1], same device as the input
  torch::Tensor masks;     // (B,H,W) uint8, centred layout, 1 = kept, same device as the input
  // The per-image choices, on the CPU (they are drawn there): isCom (B) bool, true where Com was
  // used and false for RCom; ratios (B) float64, the rho used. For a LowPass / HighPass spec in
  // batchedFilter, isCom is all false and ratios all 0.
  torch::Tensor isCom;
  torch::Tensor ratios;
};

// Luma of (B,C,H,W) float32 images as (B,H,W) float32 (C = 1: the channel), computed in float32
// exactly as luma() in spectrum.h so that both paths rank the same numbers.
torch::Tensor batchedLuma(const torch::Tensor& images);

// (B,H,W) int64 ranking keys of the centred luma spectrum, as magnitudeKeys() in spectrum.h.
torch::Tensor batchedMagnitudeKeys(const torch::Tensor& images);

// Com masks (B,H,W) uint8 with a per-image ratio (B) float64 (any device); RCom = 1 - Com.
// Works on keys in any layout (centred or not): the output has the layout of the keys.
torch::Tensor batchedComMasks(const torch::Tensor& keys, const torch::Tensor& ratios, ThresholdMode mode);

// The same mask spec for every image: (B,H,W) uint8, centred.
torch::Tensor batchedMasks(const torch::Tensor& images, const MaskSpec& spec);

// Filters every channel of each image with its own mask: (B,C,H,W), (B,H,W) -> (B,C,H,W).
// The masks must be symmetric under (u,v) -> (-u,-v) (every mask made here is): the filter uses
// real-to-complex transforms, which assume the masked spectrum of a real image stays Hermitian.
torch::Tensor batchedApplyMasks(const torch::Tensor& images, const torch::Tensor& masks);

// One spec for the whole batch.
BatchedMaskResult batchedFilter(const torch::Tensor& images, const MaskSpec& spec);

// FOLK: per image Com/RCom and rho drawn from `generator` (CPU generator; draws are made on the
// CPU so results do not depend on the device). Images must be float32 (B,C,H,W) in [0,1].
// Draws, in this order: B uniforms u in [0,1) (image b uses Com when u_b < pCom), then B indices
// into `ratios` (for draw.total images when `draw` names rows of a larger batch).
BatchedMaskResult sampleFolkMasks(const torch::Tensor& images, const FolkMaskSampling& sampling,
                                  at::Generator& generator, const DrawRows& draw = {});

}  // namespace folk
