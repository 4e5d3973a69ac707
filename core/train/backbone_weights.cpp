#include "core/train/backbone_weights.h"

#include <map>
#include <stdexcept>

#include "core/method/ema.h"
#include "core/method/train_step.h"

namespace folk {

namespace {

// At most this many names per category in an error: a wrong architecture would list hundreds.
constexpr std::size_t kListed = 12;

std::string shapeText(const torch::Tensor& t) { return c10::str(t.sizes()) + " " + c10::toString(t.scalar_type()); }

void appendList(std::string& message, const std::string& title, const std::vector<std::string>& items) {
  if (items.empty()) return;
  message += "\n  " + title + " (" + std::to_string(items.size()) + "):";
  for (std::size_t i = 0; i < items.size() && i < kListed; ++i) message += "\n    " + items[i];
  if (items.size() > kListed) message += "\n    … and " + std::to_string(items.size() - kListed) + " more";
}

}  // namespace

safetensors::NamedTensors backboneStateDict(const BackboneImpl& backbone) {
  safetensors::NamedTensors state;
  for (const auto& item : backbone.named_parameters(/*recurse=*/true)) state.emplace_back(item.key(), item.value().detach());
  for (const auto& item : backbone.named_buffers(/*recurse=*/true)) state.emplace_back(item.key(), item.value().detach());
  return state;
}

void loadBackboneWeights(BackboneImpl& backbone, const safetensors::NamedTensors& tensors, const std::string& source) {
  std::map<std::string, torch::Tensor> given(tensors.begin(), tensors.end());
  const auto target = backboneStateDict(backbone);
  std::vector<std::string> missing, unexpected, mismatched;
  for (const auto& [name, tensor] : target) {
    const auto it = given.find(name);
    if (it == given.end()) {
      missing.push_back(name + " " + shapeText(tensor));
      continue;
    }
    // Floats convert (an F16 / BF16 export loads into the float32 model); integers must stay integers.
    const bool kindsAgree = it->second.is_floating_point() == tensor.is_floating_point();
    if (it->second.sizes() != tensor.sizes() || !kindsAgree) {
      mismatched.push_back(name + ": the model has " + shapeText(tensor) + ", the file " + shapeText(it->second));
    }
    given.erase(it);
  }
  for (const auto& [name, tensor] : given) unexpected.push_back(name + " " + shapeText(tensor));
  if (!missing.empty() || !unexpected.empty() || !mismatched.empty()) {
    std::string message = source + ": these weights do not fit the configured " + backbone.name() +
                          " backbone (check model.name, image_size, patch_size and channels):";
    appendList(message, "missing from the file", missing);
    appendList(message, "in the file but not in the model", unexpected);
    appendList(message, "different shapes", mismatched);
    throw std::runtime_error(message);
  }
  torch::NoGradGuard noGrad;
  std::map<std::string, torch::Tensor> byName(tensors.begin(), tensors.end());
  for (const auto& [name, tensor] : target) tensor.copy_(byName.at(name));
}

torch::serialize::InputArchive openCheckpoint(const std::string& checkpointPath) {
  torch::serialize::InputArchive archive;
  try {
    archive.load_from(checkpointPath, torch::kCPU);
  } catch (const c10::Error& e) {
    throw std::runtime_error(checkpointPath + ": cannot read the checkpoint: " + e.what_without_backtrace());
  }
  return archive;
}

bool loadCheckpointModule(torch::serialize::InputArchive& archive, const std::string& key, torch::nn::Module& module,
                          const std::string& checkpointPath, const std::string& modelName) {
  torch::serialize::InputArchive nested;
  if (!archive.try_read(key, nested)) return false;
  // Module::load would silently resize tensors of another shape (Tensor::set_): compare afterwards.
  auto shapes = [&module] {
    std::vector<std::vector<std::int64_t>> out;
    for (const auto& p : module.named_parameters()) out.push_back(p.value().sizes().vec());
    for (const auto& b : module.named_buffers()) out.push_back(b.value().sizes().vec());
    return out;
  };
  const auto expected = shapes();
  try {
    module.load(nested);
  } catch (const c10::Error& e) {
    throw std::runtime_error(checkpointPath + ": the " + key + " does not match model '" + modelName +
                             "': " + e.what_without_backtrace());
  }
  if (shapes() != expected) {
    throw std::runtime_error(checkpointPath + ": the " + key + "'s tensors have other shapes than model '" + modelName +
                             "' of the run's config builds");
  }
  module.eval();
  return true;
}

Backbone loadCheckpointBackbone(const std::string& checkpointPath, const ModelConfig& model, std::string& role) {
  torch::serialize::InputArchive archive = openCheckpoint(checkpointPath);
  auto backbone = makeBackbone(model);
  for (const char* candidate : {"teacher", "student"}) {
    role = candidate;
    if (loadCheckpointModule(archive, role, *backbone, checkpointPath, model.name)) return backbone;
  }
  throw std::runtime_error(checkpointPath + ": the checkpoint holds neither a teacher nor a student backbone");
}

ExportSummary exportRunBackbone(const RunDirectory& run, const std::string& outPath) {
  const TrainConfig config = run.loadConfig();
  const auto index = readCheckpointIndex(run);
  if (!index) {
    throw std::runtime_error(run.root() + ": the run has no checkpoint yet (train it first, or wait for its first "
                                          "checkpoint)");
  }
  ExportSummary summary;
  summary.step = index->step;
  const auto backbone = loadCheckpointBackbone(run.checkpointsDir() + "/" + index->file, config.model, summary.role);
  const auto state = backboneStateDict(*backbone);
  for (const auto& [name, t] : state) summary.values += t.numel();
  summary.tensors = state.size();
  const safetensors::Metadata metadata = {
      {"format", "pt"},
      {"folk.version", FOLK_VERSION},
      {"folk.model", config.model.name},
      {"folk.objective", config.objective.name},
      {"folk.step", std::to_string(index->step)},
      {"folk.backbone", summary.role},
      {"folk.config", toJson(config).dump()},
  };
  safetensors::write(outPath, state, metadata);
  return summary;
}

void initializeBackboneFrom(TrainStep& trainer, const std::string& safetensorsPath) {
  const auto contents = safetensors::read(safetensorsPath);
  loadBackboneWeights(*trainer.student(), contents.tensors, safetensorsPath);
  if (trainer.teacher()) copyModuleState(*trainer.teacher(), *trainer.student());
}

}  // namespace folk
