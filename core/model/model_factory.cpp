#include "core/model/model_factory.h"

#include <stdexcept>

#include "core/model/resnet.h"
#include "core/model/vit.h"

namespace folk {

namespace {

struct ViTPreset {
  const char* name;
  int dim, depth, heads;
};
constexpr ViTPreset kViTPresets[] = {
    {"vit-nano", 128, 6, 4}, {"vit-tiny", 192, 12, 3}, {"vit-small", 384, 12, 6}, {"vit-base", 768, 12, 12}};

const ViTPreset* findViT(const std::string& name) {
  for (const auto& p : kViTPresets) {
    if (name == p.name) return &p;
  }
  return nullptr;
}

ViTConfig vitConfig(const ModelConfig& c) {
  const auto* preset = findViT(c.name);
  ViTConfig v;
  v.imageSize = c.imageSize;
  v.patchSize = c.patchSize;
  v.channels = c.channels;
  v.dim = c.vitDim > 0 ? c.vitDim : preset->dim;
  v.depth = c.vitDepth > 0 ? c.vitDepth : preset->depth;
  v.heads = c.vitHeads > 0 ? c.vitHeads : preset->heads;
  v.dropPath = c.dropPath;
  return v;
}

ResNetConfig resNetConfig(const ModelConfig& c) {
  ResNetConfig r;
  r.depth = c.name == "resnet50" ? 50 : 18;
  r.imageSize = c.imageSize;
  r.channels = c.channels;
  r.smallStem = c.smallStem;
  return r;
}

void throwIfInvalid(const ModelConfig& config) {
  if (auto problem = validateModelConfig(config); !problem.empty()) {
    throw std::invalid_argument("model config: " + problem);
  }
}

}  // namespace

std::vector<std::string> modelNames() {
  std::vector<std::string> names;
  for (const auto& p : kViTPresets) names.emplace_back(p.name);
  names.emplace_back("resnet18");
  names.emplace_back("resnet50");
  return names;
}

bool isViT(const std::string& name) { return findViT(name) != nullptr; }
bool isResNet(const std::string& name) { return name == "resnet18" || name == "resnet50"; }

std::string validateModelConfig(const ModelConfig& c) {
  if (!isViT(c.name) && !isResNet(c.name)) {
    std::string known;
    for (const auto& n : modelNames()) known += (known.empty() ? "" : ", ") + n;
    return "unknown model '" + c.name + "' (known: " + known + ")";
  }
  if (c.channels != 1 && c.channels != 3) {
    return "channels must be 1 or 3 (got " + std::to_string(c.channels) + ")";
  }
  if (c.prototypes <= 0 || c.headHidden <= 0 || c.headBottleneck <= 0) {
    return "prototypes, head hidden and head bottleneck sizes must be positive";
  }
  if (isResNet(c.name) && c.dropPath != 0.0) return "drop path applies to ViT backbones only (set it to 0)";
  return isViT(c.name) ? validateViTConfig(vitConfig(c)) : validateResNetConfig(resNetConfig(c));
}

Backbone makeBackbone(const ModelConfig& config) {
  throwIfInvalid(config);
  if (isViT(config.name)) return std::make_shared<ViTImpl>(vitConfig(config));
  return std::make_shared<ResNetImpl>(resNetConfig(config));
}

ProjectionHead makeProjectionHead(const ModelConfig& config, int featureDim) {
  throwIfInvalid(config);
  ProjectionHeadConfig head;
  head.inDim = featureDim;
  head.hiddenDim = config.headHidden;
  head.bottleneckDim = config.headBottleneck;
  head.prototypes = config.prototypes;
  return ProjectionHead(head);
}

ReconstructionHead makeReconstructionHead(const ModelConfig& config, const BackboneImpl& backbone) {
  throwIfInvalid(config);
  return ReconstructionHead(backbone.featureDim(), backbone.outputStride(), backbone.channels());
}

}  // namespace folk
