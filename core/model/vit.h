#pragma once
// Vision Transformer backbone (Dosovitskiy et al.; the DINO / timm variant): patch embedding, CLS
// token, learned position embeddings, pre-norm blocks, final LayerNorm. Parameter names follow timm
// (patch_embed.proj, cls_token, pos_embed, blocks.N.{norm1,attn.qkv,attn.proj,norm2,mlp.fc1,mlp.fc2},
// norm) so that weights can be exported to and compared with Python implementations.
#include <torch/torch.h>

#include "core/model/backbone.h"

namespace folk {

// The architecture of one ViT. Every field but the MLP ratio is set by vitConfig()
// (model_factory.h) from the run's ModelConfig, whose defaults the settings registry states; the
// zeros here are no defaults but "not set", which validateViTConfig refuses.
struct ViTConfig {
  int imageSize = 0;
  int patchSize = 0;
  int channels = 0;
  int dim = 0;
  int depth = 0;
  int heads = 0;
  double mlpRatio = 4.0;  // the hidden width of each block's MLP over dim, 4 in every ViT preset
  // Stochastic depth: in training mode block i skips each residual branch for a whole image with
  // probability dropPath * i / (depth - 1) (DINO's linear rule; the first block never drops).
  double dropPath = 0.0;
};

// Stochastic depth for a batch of residual branches (B, ...): in training mode each image's
// branch is zeroed with `probability` and the kept ones scaled by 1 / (1 - probability), so the
// expectation is unchanged; identity otherwise. Draws from torch's global generator.
torch::Tensor dropPath(const torch::Tensor& branch, double probability, bool training);

// Empty when usable, else a sentence naming the problem (e.g. patch size not dividing image size).
std::string validateViTConfig(const ViTConfig& config);

// Multi-head self-attention. Uses the fused kernel where LibTorch has one (>= 2.0), otherwise
// softmax(Q K^T / sqrt(d)) V written out.
class AttentionImpl : public torch::nn::Module {
 public:
  AttentionImpl(int dim, int heads);
  torch::Tensor forward(const torch::Tensor& x);
  // softmax(Q K^T / sqrt(d)) per head, (B, heads, N, N): what forward() weights V with (the fused
  // kernel does not return it). For inspection; forward() does not call it.
  torch::Tensor weights(const torch::Tensor& x);

  torch::nn::Linear qkv{nullptr};
  torch::nn::Linear proj{nullptr};

 private:
  int heads_;
  double scale_;
};
TORCH_MODULE(Attention);

class MlpImpl : public torch::nn::Module {
 public:
  MlpImpl(int dim, int hidden);
  torch::Tensor forward(const torch::Tensor& x);

  torch::nn::Linear fc1{nullptr};
  torch::nn::Linear fc2{nullptr};
};
TORCH_MODULE(Mlp);

class TransformerBlockImpl : public torch::nn::Module {
 public:
  TransformerBlockImpl(int dim, int heads, double mlpRatio, double dropPath = 0.0);
  torch::Tensor forward(const torch::Tensor& x);
  double dropPathProbability() const { return dropPath_; }

  torch::nn::LayerNorm norm1{nullptr};
  Attention attn{nullptr};
  torch::nn::LayerNorm norm2{nullptr};
  Mlp mlp{nullptr};

 private:
  double dropPath_;
};
TORCH_MODULE(TransformerBlock);

class ViTImpl : public BackboneImpl {
 public:
  // Throws std::invalid_argument with validateViTConfig's sentence when the config is unusable.
  explicit ViTImpl(const ViTConfig& config);

  // Images of config().imageSize, or smaller square ones whose side is a multiple of the patch size
  // (DINO's local crops): their position embeddings are the learned grid's, bicubically
  // interpolated to the smaller grid.

  BackboneOutput forward(const torch::Tensor& images) override;
  int featureDim() const override { return config_.dim; }
  int outputStride() const override { return config_.patchSize; }
  int imageSize() const override { return config_.imageSize; }
  int channels() const override { return config_.channels; }
  const ViTConfig& config() const { return config_; }
  // The (1, 1 + grid², D) position embeddings for a grid×grid image: the learned ones at the
  // trained grid, else their patch part bicubically interpolated (the CLS entry unchanged).
  torch::Tensor positionEmbedding(std::int64_t grid) const;
  // forward() and, from the same pass, the last block's attention from the CLS token to every
  // patch per head: (B, heads, grid²), each row summing with the CLS's attention to itself to 1
  // (DINO's attention maps). For inspection; training calls forward().
  struct OutputWithAttention {
    BackboneOutput output;
    torch::Tensor clsAttention;
  };
  OutputWithAttention forwardWithClsAttention(const torch::Tensor& images);

 private:
  // Patch embedding, CLS token and position embeddings: the tokens the first block reads, (B, 1 +
  // grid², D). Throws std::invalid_argument for images of another shape.
  torch::Tensor embed(const torch::Tensor& images);
  // The final norm's tokens as the backbone's two outputs.
  BackboneOutput outputs(const torch::Tensor& tokens, std::int64_t grid);

  ViTConfig config_;
  torch::nn::Conv2d patchProj_{nullptr};  // registered as patch_embed.proj
  torch::Tensor clsToken_;
  torch::Tensor posEmbed_;
  torch::nn::ModuleList blocks_{nullptr};
  torch::nn::LayerNorm norm_{nullptr};
};

}  // namespace folk
