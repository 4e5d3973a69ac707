// The pieces of model inspection that can be checked without a trained run: the attention weights
// reproduce what the attention layer computes, the CLS maps are the last block's, and the principal
// components of patch features recover planted directions with their variance shares.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cmath>

#include "core/io/train_config.h"
#include "core/model/model_factory.h"
#include "core/model/vit.h"
#include "core/train/model_inspection.h"
#include "core/util/torch_threads.h"

namespace folk {
namespace {

TEST(AttentionWeights, ReproduceTheAttentionOutputAndSumToOnePerQuery) {
  torch::NoGradGuard noGrad;
  torch::manual_seed(3);
  Attention attention(24, 3);
  const auto x = torch::randn({2, 5, 24});
  const auto w = attention->weights(x);
  ASSERT_EQ(w.sizes(), (std::vector<std::int64_t>{2, 3, 5, 5}));
  EXPECT_TRUE(torch::allclose(w.sum(-1), torch::ones({2, 3, 5}), 1e-5, 1e-6));
  // weights @ V, heads merged and projected, is exactly the layer's output.
  const auto v = attention->qkv(x).reshape({2, 5, 3, 3, 8}).permute({2, 0, 3, 1, 4})[2];
  const auto rebuilt = attention->proj(torch::matmul(w, v).transpose(1, 2).reshape({2, 5, 24}));
  EXPECT_TRUE(torch::allclose(rebuilt, attention->forward(x), 1e-5, 1e-5));
}

TEST(AttentionWeights, TheClsMapsComeFromTheSamePassAsTheFeatures) {
  torch::NoGradGuard noGrad;
  torch::manual_seed(4);
  ViTConfig config;
  config.imageSize = 16;
  config.patchSize = 4;
  config.channels = 1;
  config.dim = 16;
  config.depth = 2;
  config.heads = 2;
  auto vit = std::make_shared<ViTImpl>(config);
  vit->eval();
  const auto images = torch::randn({2, 1, 16, 16});
  const auto both = vit->forwardWithClsAttention(images);
  const auto cls = both.clsAttention;
  EXPECT_TRUE(torch::allclose(both.output.features, vit->forward(images).features)) << "the same pass as forward()";
  ASSERT_EQ(cls.sizes(), (std::vector<std::int64_t>{2, 2, 16}));
  const auto totals = cls.sum(-1);
  EXPECT_TRUE((totals > 0).all().item<bool>());
  EXPECT_TRUE((totals < 1).all().item<bool>()) << "the CLS's attention to itself takes the rest";
  // Changing only the last block's attention changes the maps; the first block's weights do too,
  // through the tokens the last block reads.
  auto* last = (*vit->named_modules()["blocks.1"]).as<TransformerBlockImpl>();
  ASSERT_NE(last, nullptr);
  last->attn->qkv->weight.mul_(2.0);
  EXPECT_FALSE(torch::allclose(vit->forwardWithClsAttention(images).clsAttention, cls));
  // A smaller square input (a local crop's size) works as forward() does.
  EXPECT_EQ(vit->forwardWithClsAttention(torch::randn({1, 1, 8, 8})).clsAttention.sizes(),
            (std::vector<std::int64_t>{1, 2, 4}));
  EXPECT_THROW(vit->forwardWithClsAttention(torch::randn({1, 3, 16, 16})), std::invalid_argument);
}

TEST(PrincipalComponentColours, RecoverPlantedDirectionsAndTheirShares) {
  // Features (D = 6) on a 5×7 grid: a strong pattern along one direction, a weaker one along
  // another, nothing else; the shares are the patterns' variances over their sum.
  const int h = 5, w = 7;
  auto a = torch::zeros({h, w}, torch::kFloat64), b = torch::zeros({h, w}, torch::kFloat64);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      a[y][x] = 3.0 * std::cos(0.9 * x) + (y % 2 == 0 ? 0.5 : -0.5);
      b[y][x] = std::sin(1.3 * y + 0.2 * x);
    }
  a = a - a.mean();
  b = b - b.mean();
  b = b - (a * b).sum() / (a * a).sum() * a;  // uncorrelated with a, so the components are a and b
  auto u1 = torch::tensor({1.0, 2.0, 0.0, -1.0, 0.0, 1.0}, torch::kFloat64);
  auto u2 = torch::tensor({2.0, -1.0, 1.0, 0.0, 1.0, 0.0}, torch::kFloat64);
  u2 = u2 - (u1 * u2).sum() / (u1 * u1).sum() * u1;
  u1 = u1 / u1.norm();
  u2 = u2 / u2.norm();
  const auto features = (u1.view({6, 1, 1}) * a.view({1, h, w}) + u2.view({6, 1, 1}) * b.view({1, h, w}) + 7.0)
                            .to(torch::kFloat32);
  std::array<double, 3> shares{};
  const Image colours = principalComponentColours(features, &shares);
  ASSERT_EQ(colours.channels, 3);
  ASSERT_EQ(colours.height, h);
  ASSERT_EQ(colours.width, w);
  const double va = (a * a).sum().item<double>(), vb = (b * b).sum().item<double>();
  EXPECT_NEAR(shares[0], va / (va + vb), 1e-5);
  EXPECT_NEAR(shares[1], vb / (va + vb), 1e-5);
  EXPECT_NEAR(shares[2], 0.0, 1e-6);
  // Red is the strong pattern, min-max scaled, with the sign that makes u1's largest loading (2.0)
  // positive: it rises with a. Blue has no third pattern and stays grey.
  const double lo = a.min().item<double>(), span = a.max().item<double>() - lo;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      EXPECT_NEAR(colours.at(0, y, x), (a[y][x].item<double>() - lo) / span, 1e-4) << y << "," << x;
      EXPECT_FLOAT_EQ(colours.at(2, y, x), 0.5f);
    }
  // Negated features turn the colours over (1 - c): the sign rule is on the loadings, which stay.
  std::array<double, 3> flippedShares{};
  const Image flipped = principalComponentColours(-features, &flippedShares);
  for (std::size_t i = 0; i < flipped.planeSize(); ++i) EXPECT_NEAR(flipped.pixels[i], 1.0f - colours.pixels[i], 1e-4);
  EXPECT_THROW(principalComponentColours(torch::zeros({4, 4})), std::invalid_argument);
}

// An inspection model of the run's architecture with its initial weights: inspectImage does not
// care where the weights came from (loadInspectionModel is checked on real runs in the CLI tests).
InspectionModel untrained(const std::string& name, int imageSize, int channels) {
  InspectionModel m;
  m.model = defaultConfig().model;
  m.model.name = name;
  m.model.imageSize = imageSize;
  m.model.patchSize = 4;
  m.model.channels = channels;
  m.model.smallStem = true;
  m.model.vitDim = 16;
  m.model.vitDepth = 1;
  m.model.vitHeads = 2;
  m.mean.assign(std::size_t(channels), 0.5);
  m.std.assign(std::size_t(channels), 0.25);
  m.student = makeBackbone(m.model);
  m.student->eval();
  m.evaluated = m.student;
  m.reconstruction = makeReconstructionHead(m.model, *m.student);
  m.reconstruction->eval();
  return m;
}

TEST(InspectImage, AResNetShowsThePcaOfItsLastFeatureMapAndNoAttention) {
  torch::manual_seed(5);
  InspectionModel resnet = untrained("resnet18", 16, 3);
  Image photo(3, 40, 30);
  for (std::size_t i = 0; i < photo.pixels.size(); ++i) photo.pixels[i] = float((i * 37) % 101) / 100.0f;
  MaskSpec spec;
  spec.kind = FilterKind::LowPass;
  spec.radius = 3.0;
  const ModelInspection r = inspectImage(resnet, photo, spec);
  EXPECT_EQ(r.input.height, 16) << "the centre crop at the model's size";
  EXPECT_EQ(r.input.channels, 3);
  EXPECT_TRUE(r.attention.empty());
  EXPECT_EQ(r.grid, 2) << "16 px over the small stem's stride 8";
  EXPECT_EQ(r.pca.height, 2);
  EXPECT_EQ(r.reconstruction.height, 16);
  EXPECT_EQ(r.errorLogSpectrum.size(), 16u * 16u);
  EXPECT_GT(r.reconstructionMse, 0.0);
  EXPECT_DOUBLE_EQ(r.spec.radius, 3.0);

  InspectionModel vit = untrained("vit-nano", 16, 1);
  const ModelInspection v = inspectImage(vit, photo, spec);
  EXPECT_EQ(v.input.channels, 1) << "the photo's luma for a grey model";
  ASSERT_EQ(v.attention.size(), 2u);
  EXPECT_EQ(v.attention[0].size(), 16u) << "a 4×4 grid of 4 px patches";
  EXPECT_THROW(inspectImage(vit, Image(), spec), std::invalid_argument);
}

// With two ATen threads OpenBLAS runs at one during an inspection (the pools would fight over the
// cores) and is given its own count back afterwards.
TEST(InspectImage, LeavesOpenBlasItsThreadCount) {
  const int torchThreads = at::get_num_threads();
  const int blas = blasThreads();
  ASSERT_TRUE(setBlasThreads(2)) << "scripts/setup-debian.sh installs OpenBLAS (libopenblas0-pthread)";
  at::set_num_threads(2);
  InspectionModel vit = untrained("vit-nano", 16, 1);
  MaskSpec spec;
  spec.kind = FilterKind::LowPass;
  spec.radius = 3.0;
  inspectImage(vit, Image(1, 20, 20), spec);
  EXPECT_EQ(blasThreads(), 2);
  at::set_num_threads(torchThreads);
  setBlasThreads(blas);
}

}  // namespace
}  // namespace folk
