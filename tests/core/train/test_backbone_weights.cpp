// Backbone weights as safetensors (core/train/backbone_weights.h): the state dict carries timm's
// ViT names and torchvision's ResNet names, an exported backbone loads into a fresh one and gives
// the same features, a TrainStep starts from exported weights (student and teacher), and weights of
// another architecture are refused with a list of what does not fit.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/io/train_config.h"
#include "core/method/train_step.h"
#include "core/train/backbone_weights.h"
#include "tests/core/method/tiny_model.h"
#include "tests/core/data/temp_dir.h"

namespace folk {
namespace {

ModelConfig tinyViT(int patch = 4) { return test::tinyViTModel(patch); }

ModelConfig smallResNet18() {
  ModelConfig config = defaultConfig().model;
  config.name = "resnet18";
  config.imageSize = 16;
  config.channels = 3;
  config.smallStem = true;
  return config;
}

std::vector<std::string> names(const safetensors::NamedTensors& state) {
  std::vector<std::string> out;
  for (const auto& [name, t] : state) out.push_back(name);
  return out;
}

bool contains(const std::vector<std::string>& list, const std::string& name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

TEST(BackboneWeights, ViTStateDictUsesTimmNames) {
  const auto backbone = makeBackbone(tinyViT());
  const auto list = names(backboneStateDict(*backbone));
  for (const char* expected : {"cls_token", "pos_embed", "patch_embed.proj.weight", "patch_embed.proj.bias",
                               "blocks.0.norm1.weight", "blocks.0.norm1.bias", "blocks.0.attn.qkv.weight",
                               "blocks.0.attn.qkv.bias", "blocks.0.attn.proj.weight", "blocks.0.norm2.weight",
                               "blocks.0.mlp.fc1.weight", "blocks.1.mlp.fc2.bias", "norm.weight", "norm.bias"}) {
    EXPECT_TRUE(contains(list, expected)) << expected;
  }
  // 4 (embeddings) + 12 per block + 2 (final norm); a ViT has no buffers.
  EXPECT_EQ(list.size(), 4u + 2u * 12u + 2u);
}

TEST(BackboneWeights, ResNetStateDictUsesTorchvisionNamesWithBatchNormStatistics) {
  const auto backbone = makeBackbone(smallResNet18());
  const auto list = names(backboneStateDict(*backbone));
  for (const char* expected : {"conv1.weight", "bn1.weight", "bn1.running_mean", "bn1.running_var",
                               "bn1.num_batches_tracked", "layer1.0.conv1.weight", "layer2.0.downsample.0.weight",
                               "layer2.0.downsample.1.running_var", "layer4.1.bn2.bias"}) {
    EXPECT_TRUE(contains(list, expected)) << expected;
  }
  EXPECT_FALSE(contains(list, "fc.weight"));  // a backbone: no classifier
  // torchvision's resnet18 state dict has 122 entries, of which fc.weight and fc.bias are 2.
  EXPECT_EQ(list.size(), 120u);
}

TEST(BackboneWeights, ExportedWeightsLoadIntoAFreshBackboneWithTheSameFeatures) {
  test::TempDir dir;
  const auto path = (dir.path() / "backbone.safetensors").string();
  for (const auto& model : {tinyViT(), smallResNet18()}) {
    SCOPED_TRACE(model.name);
    torch::manual_seed(1);
    auto source = makeBackbone(model);
    source->eval();
    safetensors::write(path, backboneStateDict(*source));
    torch::manual_seed(2);
    auto target = makeBackbone(model);
    target->eval();
    const auto images = torch::rand({3, 3, 16, 16});
    ASSERT_FALSE(torch::allclose(target->forward(images).features, source->forward(images).features));
    loadBackboneWeights(*target, safetensors::read(path).tensors, path);
    EXPECT_TRUE(torch::equal(target->forward(images).features, source->forward(images).features));
  }
}

TEST(BackboneWeights, WeightsOfAnotherArchitectureAreRefusedWithAListAndLeaveTheModelUnchanged) {
  const auto patch4 = backboneStateDict(*makeBackbone(tinyViT(4)));
  auto patch8 = makeBackbone(tinyViT(8));
  const auto before = backboneStateDict(*patch8)[0].second.clone();
  try {
    loadBackboneWeights(*patch8, patch4, "p4.safetensors");
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    const std::string message = e.what();
    EXPECT_EQ(message.rfind("p4.safetensors: these weights do not fit", 0), 0u) << message;
    EXPECT_NE(message.find("different shapes (2)"), std::string::npos) << message;
    EXPECT_NE(message.find("pos_embed: the model has [1, 5, 32]"), std::string::npos) << message;
    EXPECT_NE(message.find("patch_embed.proj.weight: the model has [32, 3, 8, 8]"), std::string::npos) << message;
  }
  EXPECT_TRUE(torch::equal(backboneStateDict(*patch8)[0].second, before));

  auto resnet = makeBackbone(smallResNet18());
  try {
    loadBackboneWeights(*resnet, patch4, "vit.safetensors");
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("missing from the file (120)"), std::string::npos) << message;
    EXPECT_NE(message.find("in the file but not in the model (30)"), std::string::npos) << message;
    EXPECT_NE(message.find("… and 108 more"), std::string::npos) << message;  // long lists are cut
  }
}

TEST(BackboneWeights, TrainStepStartsFromExportedWeightsInStudentAndTeacher) {
  test::TempDir dir;
  const auto path = (dir.path() / "init.safetensors").string();
  torch::manual_seed(5);
  auto pretrained = makeBackbone(tinyViT());
  safetensors::write(path, backboneStateDict(*pretrained));

  MethodConfig method;
  method.objective.name = "folk";
  method.epochs = 1;
  method.stepsPerEpoch = 2;
  method.optimisation.batchSize = 4;
  torch::manual_seed(6);
  TrainStep trainer(tinyViT(), method);
  initializeBackboneFrom(trainer, path);
  const auto expected = backboneStateDict(*pretrained);
  const auto student = backboneStateDict(*trainer.student());
  const auto teacher = backboneStateDict(*trainer.teacher());
  ASSERT_EQ(student.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    SCOPED_TRACE(expected[i].first);
    EXPECT_TRUE(torch::equal(student[i].second, expected[i].second));
    EXPECT_TRUE(torch::equal(teacher[i].second, expected[i].second));
  }
  // The copy is by value: training the student must not move the teacher with it.
  EXPECT_NE(student[0].second.data_ptr(), teacher[0].second.data_ptr());
}

}  // namespace
}  // namespace folk
