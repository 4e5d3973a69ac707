#include "core/model/resnet.h"

#include <stdexcept>

namespace folk {

namespace {

torch::nn::Conv2d conv(int in, int out, int kernel, int stride, int padding) {
  return torch::nn::Conv2d(
      torch::nn::Conv2dOptions(in, out, kernel).stride(stride).padding(padding).bias(false));
}

// torchvision's "downsample": 1x1 conv + BN on the shortcut when the shape changes.
torch::nn::Sequential shortcut(int in, int out, int stride) {
  if (stride == 1 && in == out) return torch::nn::Sequential(nullptr);
  return torch::nn::Sequential(conv(in, out, 1, stride, 0), torch::nn::BatchNorm2d(out));
}

template <typename Block>
torch::nn::Sequential makeLayer(int& inPlanes, int planes, int blocks, int stride) {
  torch::nn::Sequential layer;
  for (int i = 0; i < blocks; ++i) {
    layer->push_back(Block(inPlanes, planes, i == 0 ? stride : 1));
    inPlanes = planes * Block::Impl::kExpansion;
  }
  return layer;
}

}  // namespace

int resNetStride(bool smallStem) { return smallStem ? 8 : 32; }

std::string validateResNetConfig(const ResNetConfig& c) {
  if (c.depth != 18 && c.depth != 50) {
    return "ResNet depth must be 18 or 50 (got " + std::to_string(c.depth) + ")";
  }
  if (c.channels <= 0) return "channels must be positive (got " + std::to_string(c.channels) + ")";
  const int stride = resNetStride(c.smallStem);
  if (c.imageSize <= 0 || c.imageSize % stride != 0) {
    return "ResNet" + std::to_string(c.depth) + (c.smallStem ? " with the small stem" : "") +
           " needs an image size divisible by its stride " + std::to_string(stride) + " (got " +
           std::to_string(c.imageSize) + ")";
  }
  return {};
}

BasicBlockImpl::BasicBlockImpl(int inPlanes, int planes, int stride) {
  conv1_ = register_module("conv1", conv(inPlanes, planes, 3, stride, 1));
  bn1_ = register_module("bn1", torch::nn::BatchNorm2d(planes));
  conv2_ = register_module("conv2", conv(planes, planes, 3, 1, 1));
  bn2_ = register_module("bn2", torch::nn::BatchNorm2d(planes));
  if (auto ds = shortcut(inPlanes, planes * kExpansion, stride)) downsample_ = register_module("downsample", ds);
}

torch::Tensor BasicBlockImpl::forward(const torch::Tensor& x) {
  auto out = torch::relu(bn1_(conv1_(x)));
  out = bn2_(conv2_(out));
  return torch::relu(out + (downsample_ ? downsample_->forward(x) : x));
}

BottleneckImpl::BottleneckImpl(int inPlanes, int planes, int stride) {
  conv1_ = register_module("conv1", conv(inPlanes, planes, 1, 1, 0));
  bn1_ = register_module("bn1", torch::nn::BatchNorm2d(planes));
  conv2_ = register_module("conv2", conv(planes, planes, 3, stride, 1));
  bn2_ = register_module("bn2", torch::nn::BatchNorm2d(planes));
  conv3_ = register_module("conv3", conv(planes, planes * kExpansion, 1, 1, 0));
  bn3_ = register_module("bn3", torch::nn::BatchNorm2d(planes * kExpansion));
  if (auto ds = shortcut(inPlanes, planes * kExpansion, stride)) downsample_ = register_module("downsample", ds);
}

torch::Tensor BottleneckImpl::forward(const torch::Tensor& x) {
  auto out = torch::relu(bn1_(conv1_(x)));
  out = torch::relu(bn2_(conv2_(out)));
  out = bn3_(conv3_(out));
  return torch::relu(out + (downsample_ ? downsample_->forward(x) : x));
}

ResNetImpl::ResNetImpl(const ResNetConfig& config) : BackboneImpl("ResNet"), config_(config) {
  if (auto problem = validateResNetConfig(config); !problem.empty()) {
    throw std::invalid_argument(problem);
  }
  conv1_ = register_module("conv1", config.smallStem ? conv(config.channels, 64, 3, 1, 1)
                                                     : conv(config.channels, 64, 7, 2, 3));
  bn1_ = register_module("bn1", torch::nn::BatchNorm2d(64));
  int inPlanes = 64;
  if (config.depth == 18) {
    layer1_ = register_module("layer1", makeLayer<BasicBlock>(inPlanes, 64, 2, 1));
    layer2_ = register_module("layer2", makeLayer<BasicBlock>(inPlanes, 128, 2, 2));
    layer3_ = register_module("layer3", makeLayer<BasicBlock>(inPlanes, 256, 2, 2));
    layer4_ = register_module("layer4", makeLayer<BasicBlock>(inPlanes, 512, 2, 2));
  } else {
    layer1_ = register_module("layer1", makeLayer<Bottleneck>(inPlanes, 64, 3, 1));
    layer2_ = register_module("layer2", makeLayer<Bottleneck>(inPlanes, 128, 4, 2));
    layer3_ = register_module("layer3", makeLayer<Bottleneck>(inPlanes, 256, 6, 2));
    layer4_ = register_module("layer4", makeLayer<Bottleneck>(inPlanes, 512, 3, 2));
  }
  featureDim_ = inPlanes;

  // torchvision's init: Kaiming normal (fan_out, ReLU) for convolutions, BN weight 1 and bias 0.
  torch::NoGradGuard noGrad;
  for (auto& m : modules(/*include_self=*/false)) {
    if (auto* c = m->as<torch::nn::Conv2d>()) {
      torch::nn::init::kaiming_normal_(c->weight, 0.0, torch::kFanOut, torch::kReLU);
    } else if (auto* bn = m->as<torch::nn::BatchNorm2d>()) {
      bn->weight.fill_(1.0);
      bn->bias.zero_();
    }
  }
}

BackboneOutput ResNetImpl::forward(const torch::Tensor& images) {
  if (images.dim() != 4 || images.size(1) != config_.channels || images.size(2) != config_.imageSize ||
      images.size(3) != config_.imageSize) {
    throw std::invalid_argument("ResNet: expected images of shape (B, " + std::to_string(config_.channels) +
                                ", " + std::to_string(config_.imageSize) + ", " +
                                std::to_string(config_.imageSize) + "), got " + c10::str(images.sizes()));
  }
  auto x = torch::relu(bn1_(conv1_(images)));
  if (!config_.smallStem) x = torch::max_pool2d(x, 3, 2, 1);
  x = layer4_->forward(layer3_->forward(layer2_->forward(layer1_->forward(x))));
  BackboneOutput out;
  out.features = x.mean({2, 3});
  out.patchMap = x;
  return out;
}

}  // namespace folk
