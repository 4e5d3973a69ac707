#pragma once
// The two heads the FOLK student carries on top of its backbone (DESIGN.md §3):
// - ProjectionHead: DINO's head. MLP (GELU) to a bottleneck, L2 normalisation, then a
//   weight-normalised linear layer to K prototypes whose norm g is fixed to 1 (never trained).
// - ReconstructionHead: MFM's head. Per patch-map cell a linear map to stride^2 * C values, then a
//   pixel shuffle by the stride, giving an image of the input size.
#include <torch/torch.h>

namespace folk {

struct ProjectionHeadConfig {
  int inDim = 384;
  int hiddenDim = 2048;
  int bottleneckDim = 256;
  int prototypes = 65536;  // K
};

class ProjectionHeadImpl : public torch::nn::Module {
 public:
  explicit ProjectionHeadImpl(const ProjectionHeadConfig& config);
  torch::Tensor forward(const torch::Tensor& features);  // (B, inDim) -> (B, K) logits

  // The weight-normalised last layer's direction parameter (DINO's last_layer.weight_v): the
  // parameter that is frozen during the first epoch.
  torch::Tensor lastLayerDirection() const { return weightV_; }
  torch::Tensor lastLayerNorm() const { return weightG_; }
  const ProjectionHeadConfig& config() const { return config_; }

 private:
  ProjectionHeadConfig config_;
  torch::nn::Sequential mlp_{nullptr};  // mlp.0, mlp.2, mlp.4 as in DINO
  torch::Tensor weightV_;               // last_layer.weight_v (K, bottleneck)
  torch::Tensor weightG_;               // last_layer.weight_g (K, 1), buffer of ones
};
TORCH_MODULE(ProjectionHead);

class ReconstructionHeadImpl : public torch::nn::Module {
 public:
  ReconstructionHeadImpl(int inDim, int stride, int channels);
  // (B, D, h, w) patch map -> (B, C, h*stride, w*stride) image (normalised pixel space).
  torch::Tensor forward(const torch::Tensor& patchMap);

 private:
  int stride_;
  torch::nn::Linear proj_{nullptr};
};
TORCH_MODULE(ReconstructionHead);

}  // namespace folk
