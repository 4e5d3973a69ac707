#pragma once
// What every backbone (ViT, ResNet) gives the method: a global feature per image (the one that is
// projected, distilled and evaluated) and a spatial map of patch tokens (the one the MFM head
// reconstructs the image from).
#include <torch/torch.h>

#include <string>

namespace folk {

struct BackboneOutput {
  torch::Tensor features;  // (B, D): ViT final-norm CLS token; ResNet global average pool
  torch::Tensor patchMap;  // (B, D, H/s, W/s): ViT final-norm patch tokens; ResNet last feature map
};

class BackboneImpl : public torch::nn::Module {
 public:
  explicit BackboneImpl(std::string name) : torch::nn::Module(std::move(name)) {}
  virtual BackboneOutput forward(const torch::Tensor& images) = 0;
  virtual int featureDim() const = 0;
  // Pixels per patch-map cell along each axis: the ViT patch size or the ResNet total stride.
  virtual int outputStride() const = 0;
  virtual int imageSize() const = 0;
  virtual int channels() const = 0;
};

using Backbone = std::shared_ptr<BackboneImpl>;

}  // namespace folk
