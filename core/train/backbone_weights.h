#pragma once
// Backbone weights in and out of the engine as safetensors, with the names PyTorch users know:
// timm's for ViT (patch_embed.proj.weight, cls_token, pos_embed, blocks.N.attn.qkv.weight, norm.*)
// and torchvision's for ResNet (conv1, bn1, layerN.M.convK / bnK / downsample, BatchNorm running
// statistics included). The backbones register their modules under exactly these names
// (core/model/vit.h, resnet.h), so the state dict is the module's own parameters and buffers.
#include <cstdint>
#include <string>

#include "core/io/run_directory.h"
#include "core/io/safetensors.h"
#include "core/model/backbone.h"
#include "core/model/model_factory.h"

namespace folk {

class TrainStep;

// Parameters, then buffers, in registration order, detached (they share storage with the module).
safetensors::NamedTensors backboneStateDict(const BackboneImpl& backbone);

// Copies `tensors` into `backbone`. The names must be exactly the backbone's and every shape must
// match; otherwise nothing is changed and std::runtime_error lists, for `source`, the missing names,
// the unexpected names and the mismatched shapes (expected vs found).
void loadBackboneWeights(BackboneImpl& backbone, const safetensors::NamedTensors& tensors, const std::string& source);

// A TrainStep checkpoint opened for reading; throws std::runtime_error naming the file.
torch::serialize::InputArchive openCheckpoint(const std::string& checkpointPath);
// Loads the module the checkpoint holds under `key` ("student", "teacher", "reconstruction") into
// `module` and puts it in eval mode; false when there is no such key. Throws std::runtime_error
// naming the file when the tensors do not fit `module` (model `modelName`).
bool loadCheckpointModule(torch::serialize::InputArchive& archive, const std::string& key, torch::nn::Module& module,
                          const std::string& checkpointPath, const std::string& modelName);

// The backbone FOLK evaluates from a TrainStep checkpoint: the teacher where the objective has one,
// else the student (`role` says which). Needs only the model config, not the data.
Backbone loadCheckpointBackbone(const std::string& checkpointPath, const ModelConfig& model, std::string& role);

struct ExportSummary {
  std::int64_t step = 0;   // steps completed at the exported checkpoint (0: initial weights)
  std::string role;        // "teacher" or "student"
  std::size_t tensors = 0;
  std::int64_t values = 0;  // parameters + buffer elements
};

// Writes the run's latest checkpoint's evaluated backbone to `outPath` (atomically) with metadata:
// "format": "pt" (the convention timm / transformers check), and folk.* keys: the run's config JSON,
// model, objective, step, backbone role, FOLK version. A run without a checkpoint is an error.
ExportSummary exportRunBackbone(const RunDirectory& run, const std::string& outPath);

// Starts a fresh TrainStep from exported weights: the student backbone loads them (names and shapes
// checked as in loadBackboneWeights) and the teacher, where there is one, becomes its copy. Heads
// keep their initialisation. Throws std::runtime_error naming the file on any problem.
void initializeBackboneFrom(TrainStep& trainer, const std::string& safetensorsPath);

}  // namespace folk
