// ViT backbone: output shapes for every preset, validation of the patch size, timm-style names.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <set>

#include "core/io/train_config.h"
#include "core/model/model_factory.h"
#include "core/model/vit.h"

namespace folk {
namespace {

TEST(ViT, EveryPresetGivesClsFeaturesAndPatchMap) {
  torch::NoGradGuard noGrad;
  const std::vector<std::pair<std::string, int>> presets = {
      {"vit-nano", 128}, {"vit-tiny", 192}, {"vit-small", 384}, {"vit-base", 768}};
  for (const auto& [name, dim] : presets) {
    ModelConfig config = defaultConfig().model;
    config.name = name;
    config.imageSize = 16;
    config.patchSize = 8;
    config.channels = 3;
    auto backbone = makeBackbone(config);
    EXPECT_EQ(backbone->featureDim(), dim) << name;
    EXPECT_EQ(backbone->outputStride(), 8) << name;
    auto out = backbone->forward(torch::rand({2, 3, 16, 16}));
    EXPECT_EQ(out.features.sizes(), (std::vector<int64_t>{2, dim})) << name;
    EXPECT_EQ(out.patchMap.sizes(), (std::vector<int64_t>{2, dim, 2, 2})) << name;
  }
}

TEST(ViT, PresetDepthsAndHeads) {
  ModelConfig config = defaultConfig().model;
  config.imageSize = 8;
  config.patchSize = 4;
  config.name = "vit-tiny";
  auto tiny = std::dynamic_pointer_cast<ViTImpl>(makeBackbone(config));
  ASSERT_TRUE(tiny);
  EXPECT_EQ(tiny->config().depth, 12);
  EXPECT_EQ(tiny->config().heads, 3);
  config.name = "vit-nano";
  auto nano = std::dynamic_pointer_cast<ViTImpl>(makeBackbone(config));
  EXPECT_EQ(nano->config().depth, 6);
  EXPECT_EQ(nano->config().heads, 4);
}

// ViTConfig states no architecture of its own (the registry's model.* settings do, through
// vitConfig): a bare one is refused, not quietly a 224 px ViT-Tiny.
TEST(ViT, ABareConfigIsNoArchitecture) {
  EXPECT_NE(validateViTConfig(ViTConfig()), "");
  EXPECT_THROW(ViTImpl{ViTConfig()}, std::invalid_argument);
}

TEST(ViT, PatchSizeMustDivideImageSize) {
  ViTConfig config;
  config.imageSize = 28;
  config.patchSize = 5;
  EXPECT_NE(validateViTConfig(config).find("patch size 5 does not divide image size 28"), std::string::npos);
  try {
    ViTImpl vit(config);
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("does not divide"), std::string::npos) << e.what();
  }
  ModelConfig model = defaultConfig().model;
  model.imageSize = 28;
  model.patchSize = 5;
  EXPECT_THROW(makeBackbone(model), std::invalid_argument);
}

TEST(ViT, RejectsImagesOfTheWrongSize) {
  ViTConfig config;
  config.imageSize = 16;
  config.patchSize = 4;
  config.channels = 3;
  config.dim = 32;
  config.depth = 1;
  config.heads = 2;
  ViTImpl vit(config);
  EXPECT_THROW(vit.forward(torch::rand({1, 3, 32, 32})), std::invalid_argument);
  EXPECT_THROW(vit.forward(torch::rand({1, 1, 16, 16})), std::invalid_argument);
}

TEST(ViT, ParameterNamesFollowTimm) {
  ViTConfig config;
  config.imageSize = 16;
  config.patchSize = 4;
  config.channels = 3;
  config.dim = 32;
  config.depth = 2;
  config.heads = 2;
  ViTImpl vit(config);
  std::set<std::string> names;
  for (const auto& p : vit.named_parameters()) names.insert(p.key());
  for (const char* expected :
       {"patch_embed.proj.weight", "patch_embed.proj.bias", "cls_token", "pos_embed", "blocks.0.norm1.weight",
        "blocks.0.attn.qkv.weight", "blocks.0.attn.qkv.bias", "blocks.0.attn.proj.weight", "blocks.1.norm2.bias",
        "blocks.1.mlp.fc1.weight", "blocks.1.mlp.fc2.bias", "norm.weight", "norm.bias"}) {
    EXPECT_TRUE(names.count(expected)) << expected;
  }
  EXPECT_EQ(vit.named_parameters()["pos_embed"].sizes(), (std::vector<int64_t>{1, 17, 32}));
  EXPECT_EQ(vit.named_parameters()["blocks.0.mlp.fc1.weight"].sizes(), (std::vector<int64_t>{128, 32}));
}

TEST(ViT, TruncatedNormalInitAndUnitLayerNorms) {
  ViTConfig config;
  config.imageSize = 16;
  config.patchSize = 4;
  config.channels = 3;
  config.dim = 64;
  config.depth = 1;
  config.heads = 2;
  ViTImpl vit(config);
  auto params = vit.named_parameters();
  auto qkv = params["blocks.0.attn.qkv.weight"];
  EXPECT_LE(qkv.abs().max().item<double>(), 0.04 + 1e-7);  // truncated at 2 std
  EXPECT_NEAR(qkv.std().item<double>(), 0.02 * 0.88, 0.002);  // std of N(0,1) truncated at +-2 is 0.88
  EXPECT_EQ(params["blocks.0.attn.qkv.bias"].abs().max().item<double>(), 0.0);
  EXPECT_TRUE(torch::equal(params["norm.weight"], torch::ones({64})));
}

TEST(ViT, AttentionMatchesSoftmaxFormula) {
  torch::NoGradGuard noGrad;
  Attention attention(8, 2);
  auto x = torch::randn({2, 5, 8});
  auto qkv = attention->qkv(x).reshape({2, 5, 3, 2, 4}).permute({2, 0, 3, 1, 4});
  auto weights = torch::softmax(torch::matmul(qkv[0], qkv[1].transpose(-2, -1)) / 2.0, -1);  // sqrt(4) = 2
  auto expected = attention->proj(torch::matmul(weights, qkv[2]).transpose(1, 2).reshape({2, 5, 8}));
  EXPECT_TRUE(torch::allclose(attention->forward(x), expected, 1e-5, 1e-6));
}

}  // namespace
}  // namespace folk
