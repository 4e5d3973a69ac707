// ResNet backbones: shapes with both stems, torchvision names, validation of the image size.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <set>

#include "core/io/train_config.h"
#include "core/model/model_factory.h"
#include "core/model/resnet.h"

namespace folk {
namespace {

TEST(ResNet, ShapesWithSmallAndImageNetStems) {
  torch::NoGradGuard noGrad;
  struct Case {
    const char* name;
    bool smallStem;
    int size;
    int64_t dim;
    int64_t grid;
  };
  for (const auto& c : {Case{"resnet18", true, 16, 512, 2}, Case{"resnet18", false, 64, 512, 2},
                        Case{"resnet50", true, 16, 2048, 2}, Case{"resnet50", false, 32, 2048, 1}}) {
    ModelConfig config = defaultConfig().model;
    config.name = c.name;
    config.smallStem = c.smallStem;
    config.imageSize = c.size;
    config.channels = 1;
    auto backbone = makeBackbone(config);
    EXPECT_EQ(backbone->featureDim(), c.dim) << c.name;
    EXPECT_EQ(backbone->outputStride(), c.smallStem ? 8 : 32) << c.name;
    backbone->eval();
    auto out = backbone->forward(torch::rand({2, 1, c.size, c.size}));
    EXPECT_EQ(out.features.sizes(), (std::vector<int64_t>{2, c.dim})) << c.name;
    EXPECT_EQ(out.patchMap.sizes(), (std::vector<int64_t>{2, c.dim, c.grid, c.grid})) << c.name;
    EXPECT_TRUE(torch::allclose(out.features, out.patchMap.mean({2, 3})));
  }
}

TEST(ResNet, TorchvisionParameterNames) {
  ResNetConfig config;
  config.depth = 18;
  config.imageSize = 32;
  ResNetImpl resnet(config);
  std::set<std::string> names;
  for (const auto& p : resnet.named_parameters()) names.insert(p.key());
  for (const char* expected : {"conv1.weight", "bn1.weight", "bn1.bias", "layer1.0.conv1.weight", "layer1.1.bn2.bias",
                               "layer2.0.downsample.0.weight", "layer2.0.downsample.1.weight", "layer4.1.conv2.weight"}) {
    EXPECT_TRUE(names.count(expected)) << expected;
  }
  EXPECT_FALSE(names.count("layer1.0.downsample.0.weight"));
  EXPECT_EQ(resnet.named_parameters()["conv1.weight"].sizes(), (std::vector<int64_t>{64, 3, 7, 7}));
  // Running statistics are buffers, with torchvision's names.
  std::set<std::string> buffers;
  for (const auto& b : resnet.named_buffers()) buffers.insert(b.key());
  EXPECT_TRUE(buffers.count("bn1.running_mean"));

  ResNetConfig bottleneck;
  bottleneck.depth = 50;
  bottleneck.imageSize = 32;
  bottleneck.smallStem = true;
  ResNetImpl resnet50(bottleneck);
  auto params = resnet50.named_parameters();
  EXPECT_EQ(params["conv1.weight"].sizes(), (std::vector<int64_t>{64, 3, 3, 3}));
  EXPECT_EQ(params["layer1.0.conv3.weight"].sizes(), (std::vector<int64_t>{256, 64, 1, 1}));
  EXPECT_EQ(params["layer1.0.downsample.0.weight"].sizes(), (std::vector<int64_t>{256, 64, 1, 1}));
  EXPECT_EQ(params["layer4.2.bn3.weight"].sizes(), (std::vector<int64_t>{2048}));
}

TEST(ResNet, ImageSizeMustBeDivisibleByTheStride) {
  ResNetConfig config;
  config.imageSize = 28;
  config.smallStem = false;
  EXPECT_NE(validateResNetConfig(config).find("divisible by its stride 32"), std::string::npos);
  config.smallStem = true;
  EXPECT_NE(validateResNetConfig(config).find("stride 8"), std::string::npos);  // 28 % 8 != 0
  config.imageSize = 32;
  EXPECT_EQ(validateResNetConfig(config), "");
  config.depth = 34;
  EXPECT_NE(validateResNetConfig(config).find("18 or 50"), std::string::npos);
  EXPECT_THROW(ResNetImpl{config}, std::invalid_argument);
}

}  // namespace
}  // namespace folk
