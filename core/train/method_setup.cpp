#include "core/train/method_setup.h"

#include <stdexcept>

namespace folk {

std::int64_t totalSteps(const TrainConfig& config, std::int64_t batchesPerEpoch) {
  return config.optimisation.steps > 0 ? config.optimisation.steps : config.optimisation.epochs * batchesPerEpoch;
}

MethodConfig makeMethodConfig(const TrainConfig& config, std::int64_t batchesPerEpoch, const std::vector<double>& mean,
                              const std::vector<double>& std) {
  MethodConfig m;
  m.objective = *parseObjective(config.objective.name);
  const auto total = totalSteps(config, batchesPerEpoch);
  m.stepsPerEpoch = batchesPerEpoch;
  // Schedules span whole epochs; a run cut short by optimisation.steps ends inside the last one.
  m.epochs = (total + batchesPerEpoch - 1) / batchesPerEpoch;
  const auto& p = config.optimisation;
  m.batchSize = p.batchSize;
  m.baseLr = p.baseLr;
  m.minLr = p.minLr;
  m.warmupEpochs = p.warmupEpochs;
  m.weightDecay = p.weightDecay;
  m.weightDecayEnd = p.weightDecayEnd;
  m.clipGrad = p.clipGrad;
  m.freezeLastLayerEpochs = p.freezeLastLayerEpochs;
  const auto& o = config.objective;
  m.momentum = o.momentum;
  m.momentumEnd = o.momentumEnd;
  m.studentTemp = o.studentTemp;
  m.teacherTemp = o.teacherTemp;
  m.warmupTeacherTemp = o.warmupTeacherTemp;
  m.warmupTeacherTempEpochs = o.warmupTeacherTempEpochs;
  m.centerMomentum = o.centerMomentum;
  m.reconstructionWeight = o.reconstructionWeight;
  m.filter.sampling.pCom = config.masks.pCom;
  m.filter.sampling.ratios = config.masks.ratios;
  m.filter.radius = config.masks.radius;
  m.filter.pLowPass = config.masks.pLowPass;
  m.normalization.mean = mean;
  m.normalization.std = std;
  m.maskSeed = config.seed;
  m.bf16 = config.device.precision == "bf16";
  return m;
}

}  // namespace folk
