#pragma once
// Weight initialisation shared by the backbones and heads.
#include <torch/torch.h>

namespace folk {

// Fills `tensor` in place with a normal(0, std) truncated to [-2 std, 2 std] (inverse-CDF sampling,
// as timm's trunc_normal_ but with the bounds in units of std so that the truncation matters).
void truncatedNormal_(torch::Tensor tensor, double std = 0.02);

// timm / DINO init for transformer parts: Linear weights truncated normal (std .02) and zero bias,
// LayerNorm weight 1 and bias 0. Applied to every descendant of `module` (not to `module` itself).
void initTransformerWeights(torch::nn::Module& module);

}  // namespace folk
