#pragma once
// A training config small enough for a few steps per second on two cores: Fashion-MNIST subset of
// 256, a 2-block ViT of width 32, batch 16, a metrics row every step, small evaluation sets.
#include <cstdint>

#include "core/io/train_config.h"

namespace folk::ui::test {

inline TrainConfig tinyTrainConfig(std::int64_t steps) {
  TrainConfig c = defaultConfig();
  c.data.trainSubset = 256;
  c.data.workers = 1;
  c.model.vitDim = 32;
  c.model.vitDepth = 2;
  c.model.vitHeads = 2;
  c.model.prototypes = 64;
  c.model.headHidden = 64;
  c.model.headBottleneck = 16;
  c.optimisation.batchSize = 16;
  c.optimisation.steps = steps;
  c.evaluation.trainSamples = 200;
  c.evaluation.testSamples = 100;
  c.evaluation.linearEpochs = 5;
  c.evaluation.fewShotFractions = {0.1};
  c.logIntervalSteps = 1;
  c.sampleIntervalSteps = 0;
  c.device.device = "cpu";
  return c;
}

}  // namespace folk::ui::test
