#include "core/model/heads.h"

#include <stdexcept>

#include "core/model/gelu.h"
#include "core/model/init.h"

namespace folk {

ProjectionHeadImpl::ProjectionHeadImpl(const ProjectionHeadConfig& config) : config_(config) {
  if (config.inDim <= 0 || config.hiddenDim <= 0 || config.bottleneckDim <= 0 || config.prototypes <= 0) {
    throw std::invalid_argument("projection head: input, hidden, bottleneck and prototype counts must be "
                                "positive");
  }
  mlp_ = register_module(
      "mlp", torch::nn::Sequential(torch::nn::Linear(config.inDim, config.hiddenDim), torch::nn::Functional(folk::gelu),
                                   torch::nn::Linear(config.hiddenDim, config.hiddenDim), torch::nn::Functional(folk::gelu),
                                   torch::nn::Linear(config.hiddenDim, config.bottleneckDim)));
  initTransformerWeights(*mlp_);

  // DINO builds the last layer after its truncated-normal init pass, so it keeps PyTorch's default
  // Linear init; the direction v is that weight, and g = 1 makes every prototype a unit vector.
  auto lastLayer = std::make_shared<torch::nn::Module>("WeightNormLinear");
  torch::nn::Linear reference(torch::nn::LinearOptions(config.bottleneckDim, config.prototypes).bias(false));
  weightV_ = lastLayer->register_parameter("weight_v", reference->weight.detach().clone());
  weightG_ = lastLayer->register_buffer("weight_g", torch::ones({config.prototypes, 1}));
  register_module("last_layer", lastLayer);
}

torch::Tensor ProjectionHeadImpl::forward(const torch::Tensor& features) {
  auto z = torch::nn::functional::normalize(
      mlp_->forward(features), torch::nn::functional::NormalizeFuncOptions().dim(-1).p(2).eps(1e-12));
  // Weight norm over each prototype's row: W = g * v / ||v||.
  auto weight = weightG_ * weightV_ / weightV_.norm(2, {1}, /*keepdim=*/true);
  return torch::matmul(z, weight.t());
}

ReconstructionHeadImpl::ReconstructionHeadImpl(int inDim, int stride, int channels)
    : stride_(stride) {
  if (inDim <= 0 || stride <= 0 || channels <= 0) {
    throw std::invalid_argument("reconstruction head: input dim, stride and channels must be positive");
  }
  proj_ = register_module("proj", torch::nn::Linear(inDim, stride * stride * channels));
  initTransformerWeights(*this);
}

torch::Tensor ReconstructionHeadImpl::forward(const torch::Tensor& patchMap) {
  // A linear map over channels-last cells equals a 1x1 convolution, and for ViT tokens the
  // channels-last view is the tokens' own memory layout (no copy).
  auto cells = proj_(patchMap.permute({0, 2, 3, 1}));  // (B, h, w, s*s*C)
  return torch::pixel_shuffle(cells.permute({0, 3, 1, 2}), stride_);
}

}  // namespace folk
