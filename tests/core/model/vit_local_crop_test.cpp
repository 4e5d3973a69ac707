// The ViT on DINO's local crops (smaller images, interpolated position embeddings) and its
// stochastic depth (drop path).
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <memory>

#include "core/model/model_factory.h"
#include "core/model/vit.h"
#include "tests/core/method/tiny_model.h"

namespace folk {
namespace {

// The method tests' tiny ViT (16 px RGB, 4 px patches, dim 32, 2 blocks), or a variant of it.
std::shared_ptr<ViTImpl> tinyViT(const ModelConfig& model = test::tinyViTModel()) {
  return std::dynamic_pointer_cast<ViTImpl>(makeBackbone(model));
}

TEST(ViTLocalCrops, SmallerImagesGiveFeaturesOnASmallerGrid) {
  torch::manual_seed(0);
  auto vit = tinyViT();
  vit->eval();
  const auto out = vit->forward(torch::rand({3, 3, 8, 8}));
  EXPECT_EQ(out.features.sizes(), (std::vector<int64_t>{3, 32}));
  EXPECT_EQ(out.patchMap.sizes(), (std::vector<int64_t>{3, 32, 2, 2}));
  EXPECT_TRUE(torch::isfinite(out.features).all().item<bool>());
  EXPECT_THROW(vit->forward(torch::rand({1, 3, 10, 10})), std::invalid_argument);  // not whole patches
  EXPECT_THROW(vit->forward(torch::rand({1, 3, 8, 12})), std::invalid_argument);   // not square
  EXPECT_THROW(vit->forward(torch::rand({1, 3, 20, 20})), std::invalid_argument);  // larger than trained
}

TEST(ViTLocalCrops, PositionEmbeddingsAreInterpolatedNotCut) {
  torch::manual_seed(0);
  auto vit = tinyViT();
  torch::NoGradGuard noGrad;
  auto pos = vit->named_parameters()["pos_embed"];
  EXPECT_TRUE(torch::equal(vit->positionEmbedding(4), pos));  // the trained 4×4 grid as it is
  // Patch embeddings that rise with the column (0, 1, 2, 3) in every dimension.
  pos.slice(1, 1).copy_((torch::arange(16) % 4).to(torch::kFloat32).view({1, 16, 1}).expand({1, 16, 32}));
  const auto small = vit->positionEmbedding(2);
  ASSERT_EQ(small.sizes(), (std::vector<int64_t>{1, 5, 32}));
  EXPECT_TRUE(torch::equal(small[0][0], pos[0][0]));  // the CLS entry is not interpolated
  const auto grid = small[0].slice(0, 1).select(1, 0).view({2, 2});
  // Interpolated over the whole grid: centred on the mean column 1.5 (a cut would keep 0 and 1).
  EXPECT_NEAR(grid.mean().item<double>(), 1.5, 1e-4);
  EXPECT_LT(grid[0][0].item<double>(), grid[0][1].item<double>());
  EXPECT_NEAR(grid[0][0].item<double>(), grid[1][0].item<double>(), 1e-6);  // no change down the rows
  // A constant embedding stays constant.
  pos.slice(1, 1).fill_(0.25);
  EXPECT_TRUE(torch::allclose(vit->positionEmbedding(3).slice(1, 1), torch::full({1, 9, 32}, 0.25), 1e-5, 1e-6));
}

TEST(DropPath, IdentityInEvalModeAndWithoutARate) {
  const auto x = torch::randn({64, 5, 8});
  EXPECT_TRUE(torch::equal(dropPath(x, 0.3, /*training=*/false), x));
  EXPECT_TRUE(torch::equal(dropPath(x, 0.0, /*training=*/true), x));
  torch::manual_seed(0);
  auto model = test::tinyViTModel();
  model.dropPath = 0.5;
  auto vit = tinyViT(model);
  vit->eval();
  const auto images = torch::rand({4, 3, 16, 16});
  EXPECT_TRUE(torch::equal(vit->forward(images).features, vit->forward(images).features));
}

TEST(DropPath, TrainModeDropsWholeImagesWithTheRightProbability) {
  torch::manual_seed(1);
  const auto x = torch::ones({20000, 3, 4});
  const auto y = dropPath(x, 0.3, /*training=*/true);
  // Each image is all zeros or all 1 / 0.7.
  const auto perImage = y.flatten(1);
  const auto dropped = (perImage.abs().sum(1) == 0);
  const auto kept = (perImage - 1.0 / 0.7).abs().amax(1) < 1e-5;
  EXPECT_TRUE((dropped | kept).all().item<bool>());
  const double rate = dropped.to(torch::kFloat64).mean().item<double>();
  EXPECT_NEAR(rate, 0.3, 0.015);  // 20000 draws: standard error 0.0032
  EXPECT_NEAR(y.mean().item<double>(), 1.0, 0.03);  // the expectation is kept
}

TEST(DropPath, RatesRiseLinearlyOverTheBlocks) {
  auto model = test::tinyViTModel();
  model.vitDepth = 5;
  model.dropPath = 0.2;
  std::vector<double> rates;
  for (const auto& module : tinyViT(model)->modules(/*include_self=*/false)) {
    if (auto block = std::dynamic_pointer_cast<TransformerBlockImpl>(module)) rates.push_back(block->dropPathProbability());
  }
  ASSERT_EQ(rates.size(), 5u);
  for (int i = 0; i < 5; ++i) EXPECT_NEAR(rates[std::size_t(i)], 0.05 * i, 1e-12);
  model.dropPath = 1.0;
  EXPECT_FALSE(validateModelConfig(model).empty());
}

}  // namespace
}  // namespace folk
