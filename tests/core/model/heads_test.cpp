// Projection head (L2 bottleneck, weight-normalised prototypes with g fixed to 1) and the MFM
// reconstruction head (pixel shuffle back to the input size).
#include <gtest/gtest.h>
#include <torch/torch.h>

#include "core/io/train_config.h"
#include "core/model/heads.h"
#include "core/model/model_factory.h"

namespace folk {
namespace {

ProjectionHeadConfig tinyHead() {
  ProjectionHeadConfig config;
  config.inDim = 12;
  config.hiddenDim = 32;
  config.bottleneckDim = 8;
  config.prototypes = 50;
  return config;
}

TEST(ProjectionHead, LogitsAreCosinesOfUnitVectors) {
  torch::NoGradGuard noGrad;
  ProjectionHead head(tinyHead());
  auto logits = head->forward(torch::randn({6, 12}) * 10.0);
  EXPECT_EQ(logits.sizes(), (std::vector<int64_t>{6, 50}));
  // Bottleneck output and every prototype have unit norm, so each logit is a cosine in [-1, 1].
  EXPECT_LE(logits.abs().max().item<double>(), 1.0 + 1e-5);
  // And the largest |logit| over many prototypes is far from 0: the head is not degenerate.
  EXPECT_GT(logits.abs().max().item<double>(), 0.3);
}

TEST(ProjectionHead, WeightNormGIsAFixedBufferOfOnes) {
  ProjectionHead head(tinyHead());
  auto params = head->named_parameters();
  EXPECT_TRUE(params.contains("last_layer.weight_v"));
  EXPECT_FALSE(params.contains("last_layer.weight_g"));  // never seen by an optimiser
  auto buffers = head->named_buffers();
  ASSERT_TRUE(buffers.contains("last_layer.weight_g"));
  EXPECT_TRUE(torch::equal(buffers["last_layer.weight_g"], torch::ones({50, 1})));
  EXPECT_TRUE(params.contains("mlp.0.weight"));
  EXPECT_TRUE(params.contains("mlp.4.weight"));

  // Training moves v but never g; the effective prototypes stay unit vectors.
  torch::optim::SGD sgd(head->parameters(), torch::optim::SGDOptions(1.0));
  for (int i = 0; i < 3; ++i) {
    sgd.zero_grad();
    head->forward(torch::randn({4, 12})).pow(2).sum().backward();
    sgd.step();
  }
  EXPECT_TRUE(torch::equal(head->lastLayerNorm(), torch::ones({50, 1})));
  torch::NoGradGuard noGrad;
  EXPECT_LE(head->forward(torch::randn({8, 12})).abs().max().item<double>(), 1.0 + 1e-5);
}

TEST(ReconstructionHead, PixelShuffleBackToTheImageSize) {
  torch::NoGradGuard noGrad;
  ReconstructionHead head(32, 4, 3);
  auto image = head->forward(torch::randn({2, 32, 5, 5}));
  EXPECT_EQ(image.sizes(), (std::vector<int64_t>{2, 3, 20, 20}));
}

TEST(ReconstructionHead, EachCellFillsItsOwnPatch) {
  torch::NoGradGuard noGrad;
  ReconstructionHead head(4, 2, 1);
  auto map = torch::zeros({1, 4, 3, 3});
  map.index_put_({0, torch::indexing::Slice(), 1, 2}, torch::ones({4}));  // only cell (1, 2) non-zero
  auto image = head->forward(map);
  auto background = head->forward(torch::zeros({1, 4, 3, 3}));
  auto changed = (image - background).abs().gt(0).squeeze();
  // Exactly the 2x2 pixels rows 2..3, cols 4..5 may change.
  EXPECT_EQ(changed.slice(0, 2, 4).slice(1, 4, 6).sum().item<int64_t>(), changed.sum().item<int64_t>());
}

TEST(ModelFactory, HeadsFitTheBackbone) {
  torch::NoGradGuard noGrad;
  for (const char* name : {"vit-nano", "resnet18"}) {
    ModelConfig config = defaultConfig().model;
    config.name = name;
    config.imageSize = 16;
    config.patchSize = 4;
    config.channels = 1;
    config.vitDim = 32;
    config.vitDepth = 1;
    config.vitHeads = 2;
    config.prototypes = 40;
    config.headHidden = 24;
    config.headBottleneck = 8;
    auto backbone = makeBackbone(config);
    backbone->eval();
    auto out = backbone->forward(torch::rand({3, 1, 16, 16}));
    auto projection = makeProjectionHead(config, backbone->featureDim());
    EXPECT_EQ(projection->forward(out.features).sizes(), (std::vector<int64_t>{3, 40})) << name;
    auto reconstruction = makeReconstructionHead(config, *backbone);
    EXPECT_EQ(reconstruction->forward(out.patchMap).sizes(), (std::vector<int64_t>{3, 1, 16, 16})) << name;
  }
}

TEST(ModelFactory, RejectsUnknownNamesAndBadSizes) {
  ModelConfig config = defaultConfig().model;
  config.name = "vit-huge";
  EXPECT_NE(validateModelConfig(config).find("unknown model 'vit-huge'"), std::string::npos);
  EXPECT_THROW(makeBackbone(config), std::invalid_argument);
  config.name = "vit-nano";
  config.channels = 4;
  EXPECT_NE(validateModelConfig(config).find("channels"), std::string::npos);
  config.channels = 1;
  config.vitDim = 30;
  config.vitHeads = 4;
  EXPECT_NE(validateModelConfig(config).find("not divisible"), std::string::npos);
  config.vitDim = 0;
  config.vitHeads = 0;
  EXPECT_EQ(validateModelConfig(config), "");
}

}  // namespace
}  // namespace folk
