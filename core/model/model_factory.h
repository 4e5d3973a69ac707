#pragma once
// Builds backbones and heads from one plain config struct, so a config file, the CLI and the GUI
// all name models the same way.
#include <string>
#include <vector>

#include "core/model/backbone.h"
#include "core/model/heads.h"

namespace folk {

// The model settings as typed values. Their defaults are the settings registry's
// (core/io/settings_registry.cpp, `model.*`): the members start zero / empty, and a usable config
// comes from TrainConfig (`defaultConfig().model`) or states every field it needs.
struct ModelConfig {
  // "vit-nano" (128, 6, 4), "vit-tiny" (192, 12, 3), "vit-small" (384, 12, 6), "vit-base" (768, 12,
  // 12), "resnet18", "resnet50".
  std::string name;
  int imageSize{};
  int patchSize{};  // ViT only
  int channels{};
  bool smallStem{};  // ResNet only: 3x3 stride-1 stem, no max-pool
  // ViT size overrides (> 0 replaces the preset's value; used for tiny test models and sweeps).
  int vitDim{};
  int vitDepth{};
  int vitHeads{};
  // ViT stochastic depth (ViTConfig::dropPath); the student's only: the EMA teacher is built with 0.
  double dropPath{};
  // Projection head.
  int prototypes{};
  int headHidden{};
  int headBottleneck{};
};

std::vector<std::string> modelNames();
bool isViT(const std::string& name);
bool isResNet(const std::string& name);

// Empty when the config can be built, else a sentence naming the problem.
std::string validateModelConfig(const ModelConfig& config);

// Throw std::invalid_argument with validateModelConfig's sentence when the config is unusable.
Backbone makeBackbone(const ModelConfig& config);
ProjectionHead makeProjectionHead(const ModelConfig& config, int featureDim);
ReconstructionHead makeReconstructionHead(const ModelConfig& config, const BackboneImpl& backbone);

}  // namespace folk
