#include "core/model/vit.h"

#include <torch/version.h>

#include <cmath>
#include <stdexcept>
#include <vector>

#include "core/model/gelu.h"
#include "core/model/init.h"

namespace folk {

namespace {
// timm / DINO use LayerNorm eps 1e-6 (PyTorch's default is 1e-5).
torch::nn::LayerNorm makeNorm(int dim) {
  return torch::nn::LayerNorm(torch::nn::LayerNormOptions({dim}).eps(1e-6));
}
}  // namespace

std::string validateViTConfig(const ViTConfig& c) {
  if (c.imageSize <= 0) return "image size must be positive (got " + std::to_string(c.imageSize) + ")";
  if (c.patchSize <= 0) return "patch size must be positive (got " + std::to_string(c.patchSize) + ")";
  if (c.imageSize % c.patchSize != 0) {
    return "patch size " + std::to_string(c.patchSize) + " does not divide image size " +
           std::to_string(c.imageSize);
  }
  if (c.channels <= 0) return "channels must be positive (got " + std::to_string(c.channels) + ")";
  if (c.dim <= 0 || c.depth <= 0 || c.heads <= 0) return "ViT dim, depth and heads must be positive";
  if (c.dim % c.heads != 0) {
    return "ViT dim " + std::to_string(c.dim) + " is not divisible by the number of heads " +
           std::to_string(c.heads);
  }
  if (c.mlpRatio <= 0.0) return "ViT MLP ratio must be positive";
  if (!(c.dropPath >= 0.0 && c.dropPath < 1.0)) {
    return "ViT drop-path rate must lie in [0, 1) (got " + std::to_string(c.dropPath) + ")";
  }
  return {};
}

AttentionImpl::AttentionImpl(int dim, int heads)
    : heads_(heads), scale_(1.0 / std::sqrt(static_cast<double>(dim / heads))) {
  qkv = register_module("qkv", torch::nn::Linear(dim, 3 * dim));
  proj = register_module("proj", torch::nn::Linear(dim, dim));
}

torch::Tensor AttentionImpl::forward(const torch::Tensor& x) {
  const auto batch = x.size(0);
  const auto tokens = x.size(1);
  const auto dim = x.size(2);
  // (B, N, 3, heads, d) -> (3, B, heads, N, d)
  auto qkvOut = qkv(x).reshape({batch, tokens, 3, heads_, dim / heads_}).permute({2, 0, 3, 1, 4});
  auto q = qkvOut[0];
  auto k = qkvOut[1];
  auto v = qkvOut[2];
#if TORCH_VERSION_MAJOR >= 2
  auto out = at::scaled_dot_product_attention(q, k, v);
#else
  auto attn = torch::softmax(torch::matmul(q * scale_, k.transpose(-2, -1)), -1);
  auto out = torch::matmul(attn, v);
#endif
  return proj(out.transpose(1, 2).reshape({batch, tokens, dim}));
}

torch::Tensor AttentionImpl::weights(const torch::Tensor& x) {
  const auto batch = x.size(0);
  const auto tokens = x.size(1);
  const auto dim = x.size(2);
  auto qkvOut = qkv(x).reshape({batch, tokens, 3, heads_, dim / heads_}).permute({2, 0, 3, 1, 4});
  return torch::softmax(torch::matmul(qkvOut[0] * scale_, qkvOut[1].transpose(-2, -1)), -1);
}

MlpImpl::MlpImpl(int dim, int hidden) {
  fc1 = register_module("fc1", torch::nn::Linear(dim, hidden));
  fc2 = register_module("fc2", torch::nn::Linear(hidden, dim));
}

torch::Tensor MlpImpl::forward(const torch::Tensor& x) { return fc2(folk::gelu(fc1(x))); }

torch::Tensor dropPath(const torch::Tensor& branch, double probability, bool training) {
  if (!training || probability <= 0.0) return branch;
  const double keep = 1.0 - probability;
  std::vector<std::int64_t> shape(static_cast<std::size_t>(branch.dim()), 1);
  shape[0] = branch.size(0);
  const auto kept = torch::empty(shape, branch.options()).bernoulli_(keep).div_(keep);
  return branch * kept;
}

TransformerBlockImpl::TransformerBlockImpl(int dim, int heads, double mlpRatio, double dropPath) : dropPath_(dropPath) {
  norm1 = register_module("norm1", makeNorm(dim));
  attn = register_module("attn", Attention(dim, heads));
  norm2 = register_module("norm2", makeNorm(dim));
  mlp = register_module("mlp", Mlp(dim, static_cast<int>(dim * mlpRatio)));
}

torch::Tensor TransformerBlockImpl::forward(const torch::Tensor& x) {
  const bool training = is_training();
  auto y = x + dropPath(attn(norm1(x)), dropPath_, training);
  return y + dropPath(mlp(norm2(y)), dropPath_, training);
}

ViTImpl::ViTImpl(const ViTConfig& config) : BackboneImpl("ViT"), config_(config) {
  if (auto problem = validateViTConfig(config); !problem.empty()) {
    throw std::invalid_argument("ViT: " + problem);
  }
  const int grid = config.imageSize / config.patchSize;
  auto patchEmbed = std::make_shared<torch::nn::Module>("PatchEmbed");
  patchProj_ = patchEmbed->register_module(
      "proj", torch::nn::Conv2d(torch::nn::Conv2dOptions(config.channels, config.dim, config.patchSize)
                                    .stride(config.patchSize)));
  register_module("patch_embed", patchEmbed);
  clsToken_ = register_parameter("cls_token", torch::zeros({1, 1, config.dim}));
  posEmbed_ = register_parameter("pos_embed", torch::zeros({1, grid * grid + 1, config.dim}));
  blocks_ = register_module("blocks", torch::nn::ModuleList());
  for (int i = 0; i < config.depth; ++i) {
    const double rate = config.depth > 1 ? config.dropPath * i / (config.depth - 1) : 0.0;
    blocks_->push_back(TransformerBlock(config.dim, config.heads, config.mlpRatio, rate));
  }
  norm_ = register_module("norm", makeNorm(config.dim));

  initTransformerWeights(*this);
  truncatedNormal_(clsToken_, 0.02);
  truncatedNormal_(posEmbed_, 0.02);
}

torch::Tensor ViTImpl::positionEmbedding(std::int64_t grid) const {
  const int full = config_.imageSize / config_.patchSize;
  if (grid == full) return posEmbed_;
  namespace F = torch::nn::functional;
  auto patches = posEmbed_.slice(1, 1).reshape({1, full, full, config_.dim}).permute({0, 3, 1, 2});
  patches = F::interpolate(patches, F::InterpolateFuncOptions()
                                        .size(std::vector<std::int64_t>{grid, grid})
                                        .mode(torch::kBicubic)
                                        .align_corners(false));
  return torch::cat({posEmbed_.slice(1, 0, 1), patches.permute({0, 2, 3, 1}).reshape({1, grid * grid, config_.dim})},
                    1);
}

torch::Tensor ViTImpl::embed(const torch::Tensor& images) {
  const bool shapeOk = images.dim() == 4 && images.size(1) == config_.channels && images.size(2) == images.size(3) &&
                       images.size(2) <= config_.imageSize && images.size(2) >= config_.patchSize &&
                       images.size(2) % config_.patchSize == 0;
  if (!shapeOk) {
    throw std::invalid_argument("ViT: expected images of shape (B, " + std::to_string(config_.channels) +
                                ", S, S) with S = " + std::to_string(config_.imageSize) +
                                " or a smaller multiple of the patch size " + std::to_string(config_.patchSize) +
                                ", got " + c10::str(images.sizes()));
  }
  const auto batch = images.size(0);
  const auto grid = images.size(2) / config_.patchSize;
  auto x = patchProj_->forward(images).flatten(2).transpose(1, 2);  // (B, N, D)
  return torch::cat({clsToken_.expand({batch, 1, config_.dim}), x}, 1) + positionEmbedding(grid);
}

BackboneOutput ViTImpl::outputs(const torch::Tensor& tokens, std::int64_t grid) {
  const auto x = norm_(tokens);
  BackboneOutput out;
  out.features = x.select(1, 0);
  // Tokens are (B, N, D) in row-major grid order; as a (B, D, h, w) map they stay a view.
  out.patchMap = x.slice(1, 1).transpose(1, 2).reshape({x.size(0), config_.dim, grid, grid});
  return out;
}

BackboneOutput ViTImpl::forward(const torch::Tensor& images) {
  auto x = embed(images);
  for (const auto& block : *blocks_) x = block->as<TransformerBlockImpl>()->forward(x);
  return outputs(x, images.size(2) / config_.patchSize);
}

ViTImpl::OutputWithAttention ViTImpl::forwardWithClsAttention(const torch::Tensor& images) {
  auto x = embed(images);
  const auto count = blocks_->size();
  OutputWithAttention result;
  for (std::size_t i = 0; i < count; ++i) {
    auto* block = (*blocks_)[i]->as<TransformerBlockImpl>();
    // The CLS row of the last block's attention matrix, without its entry for the CLS itself.
    if (i + 1 == count) result.clsAttention = block->attn->weights(block->norm1(x)).select(2, 0).slice(2, 1);
    x = block->forward(x);
  }
  result.output = outputs(x, images.size(2) / config_.patchSize);
  return result;
}

}  // namespace folk
