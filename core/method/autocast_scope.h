#pragma once
// bfloat16 autocast for the networks' forward passes: inside the scope,
// matrix products and convolutions on `device` run in bf16 while reductions, softmax and norms stay
// float32 (ATen's autocast policy). The FFT-based masks and the frequency reconstruction loss are
// computed outside any scope, in float32 (DESIGN.md §3: the masks must not change with precision).
//
// Autocast state is thread-local: a scope affects only the thread that opens it, so batch shards
// computed on several threads each open their own.
#include <torch/torch.h>

namespace folk {

class AutocastScope {
 public:
  // Does nothing when `enabled` is false. Throws std::invalid_argument for devices autocast lacks.
  AutocastScope(torch::Device device, bool enabled);
  ~AutocastScope();
  AutocastScope(const AutocastScope&) = delete;
  AutocastScope& operator=(const AutocastScope&) = delete;

 private:
  bool active_ = false;
  bool cuda_ = false;
  bool wasEnabled_ = false;
  at::ScalarType previousType_ = at::kFloat;
};

}  // namespace folk
