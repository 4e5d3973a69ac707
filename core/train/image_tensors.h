#pragma once
// folk::Image (float C×H×W in [0,1]) <-> torch tensors, and the normalisation the models read.
#include <torch/torch.h>

#include "core/data/image.h"
#include "core/method/views.h"

namespace folk {

// (C, H, W) float tensor -> Image, clamped to [0,1].
Image toImage(const torch::Tensor& chw);
// Image -> (C, H, W) float32 tensor on the CPU (a copy).
torch::Tensor fromImage(const Image& image);
// x * std + mean per channel for (B, C, H, W); normalize is its inverse.
torch::Tensor denormalize(const torch::Tensor& x, const ViewNormalization& n);
torch::Tensor normalize(const torch::Tensor& x, const ViewNormalization& n);

}  // namespace folk
