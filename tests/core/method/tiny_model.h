#pragma once
// The tiny ViT the method and weight tests train: 16×16 RGB, patch 4 (or as given), dim 32, 2 blocks,
// small heads. A step takes milliseconds, and every objective's code path runs.
#include "core/model/model_factory.h"

namespace folk::test {

inline ModelConfig tinyViTModel(int patchSize = 4) {
  ModelConfig config;
  config.name = "vit-nano";
  config.imageSize = 16;
  config.patchSize = patchSize;
  config.channels = 3;
  config.vitDim = 32;
  config.vitDepth = 2;
  config.vitHeads = 2;
  config.prototypes = 64;
  config.headHidden = 64;
  config.headBottleneck = 16;
  return config;
}

}  // namespace folk::test
