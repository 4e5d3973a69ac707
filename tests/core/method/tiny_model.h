#pragma once
// The tiny ViT the method and weight tests train: 16×16 RGB, patch 4 (or as given), dim 32, 2 blocks,
// small heads. A step takes milliseconds, and every objective's code path runs.
#include "core/io/train_config.h"
#include "core/method/train_step.h"
#include "core/model/model_factory.h"

namespace folk::test {

inline ModelConfig tinyViTModel(int patchSize = 4) {
  ModelConfig config = defaultConfig().model;
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

// Its method: 10 epochs of 4 steps, batch 8, peak lr 1e-3 from the first step, no frozen last
// layer, and the paper's teacher (EMA from 0.996 to 1, temperature 0.04 without warm-up) on the
// registry's other defaults, so the schedule values the tests check are the paper's.
inline MethodConfig tinyMethod(Objective objective) {
  MethodConfig config;
  config.objective.name = objectiveName(objective);
  config.objective.momentum = 0.996;
  config.objective.momentumEnd = 1.0;
  config.objective.teacherTemp = 0.04;
  config.objective.warmupTeacherTemp = 0.04;
  config.objective.warmupTeacherTempEpochs = 0;
  config.epochs = 10;
  config.stepsPerEpoch = 4;
  config.optimisation.batchSize = 8;
  config.optimisation.baseLr = 1e-3 * 256 / 8;  // peak lr 1e-3
  config.optimisation.minLr = 1e-6;
  config.optimisation.weightDecay = 0.04;
  config.optimisation.weightDecayEnd = 0.4;
  config.optimisation.warmupEpochs = 0;
  config.optimisation.freezeLastLayerEpochs = 0;
  config.maskSeed = 11;
  return config;
}

}  // namespace folk::test
