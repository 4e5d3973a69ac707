#pragma once
// ResNet-18 / ResNet-50 backbones with torchvision's structure and parameter names (conv1, bn1,
// layer1..layer4 of BasicBlock / Bottleneck with conv*/bn*/downsample), without the classifier.
// The optional small-image stem (3x3 stride-1 conv, no max-pool; as for CIFAR-sized inputs) keeps
// small images from shrinking to a 1x1 map.
#include <torch/torch.h>

#include "core/model/backbone.h"

namespace folk {

struct ResNetConfig {
  int depth = 18;  // 18 (BasicBlock x [2,2,2,2]) or 50 (Bottleneck x [3,4,6,3])
  int imageSize = 224;
  int channels = 3;
  bool smallStem = false;
};

// Empty when usable, else a sentence naming the problem (e.g. image size not divisible by the stride).
std::string validateResNetConfig(const ResNetConfig& config);
// Total downsampling factor: 32 with the ImageNet stem, 8 with the small-image stem.
int resNetStride(bool smallStem);

class BasicBlockImpl : public torch::nn::Module {
 public:
  static constexpr int kExpansion = 1;
  BasicBlockImpl(int inPlanes, int planes, int stride);
  torch::Tensor forward(const torch::Tensor& x);

 private:
  torch::nn::Conv2d conv1_{nullptr}, conv2_{nullptr};
  torch::nn::BatchNorm2d bn1_{nullptr}, bn2_{nullptr};
  torch::nn::Sequential downsample_{nullptr};
};
TORCH_MODULE(BasicBlock);

// torchvision's ResNet v1.5 bottleneck: the stride sits on the 3x3 convolution.
class BottleneckImpl : public torch::nn::Module {
 public:
  static constexpr int kExpansion = 4;
  BottleneckImpl(int inPlanes, int planes, int stride);
  torch::Tensor forward(const torch::Tensor& x);

 private:
  torch::nn::Conv2d conv1_{nullptr}, conv2_{nullptr}, conv3_{nullptr};
  torch::nn::BatchNorm2d bn1_{nullptr}, bn2_{nullptr}, bn3_{nullptr};
  torch::nn::Sequential downsample_{nullptr};
};
TORCH_MODULE(Bottleneck);

class ResNetImpl : public BackboneImpl {
 public:
  // Throws std::invalid_argument with validateResNetConfig's sentence when the config is unusable.
  explicit ResNetImpl(const ResNetConfig& config);

  BackboneOutput forward(const torch::Tensor& images) override;
  int featureDim() const override { return featureDim_; }
  int outputStride() const override { return resNetStride(config_.smallStem); }
  int imageSize() const override { return config_.imageSize; }
  int channels() const override { return config_.channels; }

 private:
  ResNetConfig config_;
  int featureDim_ = 0;
  torch::nn::Conv2d conv1_{nullptr};
  torch::nn::BatchNorm2d bn1_{nullptr};
  torch::nn::Sequential layer1_{nullptr}, layer2_{nullptr}, layer3_{nullptr}, layer4_{nullptr};
};

}  // namespace folk
