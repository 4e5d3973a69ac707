#pragma once
// GELU with the exact (erf) definition, GELU(x) = x Φ(x) = x/2 (1 + erf(x/√2)), as a fused CPU kernel.
//
// Why: on Debian's LibTorch 1.13 the erf inside at::gelu (forward and backward) goes through SLEEF's
// 1-ULP erff, which measured 18-20 % of a whole ViT training step on this machine (perf, vit-tiny
// p4 32², batch 64): more than any operator but the matrix multiplies. This kernel evaluates erf as
// a rational function fitted for float32 (max abs error 4e-7 against erf in double, see
// tests/data/gelu_golden/make_gelu_golden.py) and exp with a short polynomial, eight lanes at a time with AVX2 +
// FMA when the CPU has them, and does forward and backward in one pass each.
//
// Float32 contiguous CPU tensors take the fast path; everything else (CUDA, bf16 under autocast,
// float64) falls back to torch::gelu, so results on those devices are LibTorch's.
#include <torch/torch.h>

namespace folk {

// GELU(x), differentiable (autograd goes through the fused backward when x requires grad).
torch::Tensor gelu(const torch::Tensor& x);

// The raw kernels, exposed for tests and benchmarks. `x` must be float32 and contiguous on the CPU.
torch::Tensor geluForwardCpu(const torch::Tensor& x);
torch::Tensor geluBackwardCpu(const torch::Tensor& gradOutput, const torch::Tensor& x);

// True when gelu() takes the fused kernel for this tensor.
bool geluUsesFusedKernel(const torch::Tensor& x);

}  // namespace folk
