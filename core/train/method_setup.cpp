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

torch::Device resolveDevice(const std::string& name) {
  if (name == "auto") return torch::cuda::is_available() ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
  if (name == "cpu") return torch::kCPU;
  if (name.rfind("cuda", 0) == 0) {
    if (!torch::cuda::is_available()) {
      throw std::invalid_argument("device '" + name + "': this build of LibTorch or this machine has no CUDA device");
    }
    const int index = name.size() > 5 ? std::stoi(name.substr(5)) : 0;
    if (index >= static_cast<int>(torch::cuda::device_count())) {
      throw std::invalid_argument("device '" + name + "': only " + std::to_string(torch::cuda::device_count()) +
                                  " CUDA device(s)");
    }
    return torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(index));
  }
  throw std::invalid_argument("device '" + name + "' is not auto, cpu, cuda or cuda:N");
}

}  // namespace folk
