#pragma once
// Everything a training run is made of, as one JSON document (the run directory's config.json):
// data, model, objective, masks, optimisation, evaluation, device and checkpoint settings.
//
// Why its own structs rather than embedding MethodConfig / LoaderOptions: this header is included by
// both the data side (loaders) and the method side of the session, and must stay free of either's
// headers. method_mapping.h turns it into a MethodConfig; ModelConfig and AugmentConfig are reused
// as they are (their headers are plain).
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "core/data/augment.h"
#include "core/model/model_factory.h"

namespace folk {

struct DataSettings {
  std::string path = "/usr/share/datasets/fashion-mnist";
  std::string format = "auto";  // auto | idx | cifar | folder
  std::size_t trainSubset = 0;  // train on this many samples (stratified draw); 0: all
  int workers = 2;              // loader threads
  int prefetchBatches = 4;
  // Pixel budget per image file (image folders): a file whose header claims more is refused before
  // decoding (a decompression bomb), then skipped and counted like any unreadable file.
  std::int64_t maxImagePixels = std::int64_t(1) << 28;
  AugmentConfig augment;        // outputSize / channels are taken from the model
  std::vector<double> mean;     // normalisation; empty: the loader's defaults for the channel count
  std::vector<double> std;
};

struct ObjectiveSettings {
  std::string name = "folk";  // folk | mfm | mfm-comrcom | folk-fixed | dino
  double studentTemp = 0.1;
  double teacherTemp = 0.07;
  double warmupTeacherTemp = 0.04;
  double warmupTeacherTempEpochs = 1.0;
  double centerMomentum = 0.9;
  double reconstructionWeight = 1.0;
  double momentum = 0.99;  // EMA, cosine to momentumEnd
  double momentumEnd = 1.0;
};

struct MaskSettings {
  double pCom = 0.5;
  std::vector<double> ratios{0.005, 0.01, 0.05};
  double radius = -1.0;  // low/high-pass radius; <= 0: scaled default
  double pLowPass = 0.5;
};

struct OptimisationSettings {
  int batchSize = 128;
  std::int64_t epochs = 5;
  std::int64_t steps = 0;  // stop after this many steps; 0: epochs x batches per epoch
  double baseLr = 5e-4;    // lr = baseLr * batch / 256
  double minLr = 1e-6;
  double warmupEpochs = 1.0;
  double weightDecay = 0.04;
  double weightDecayEnd = 0.4;
  double clipGrad = 3.0;
  double freezeLastLayerEpochs = 1.0;
  // Steps whose loss or gradients are not finite are never applied. 0: the first one stops the run
  // (the last good checkpoint is kept); N: up to N such steps are skipped (with a message each),
  // the (N+1)-th stops the run.
  int maxBadSteps = 0;
};

struct EvaluationSettings {
  std::int64_t intervalSteps = 0;  // evaluate every N steps during training; 0: only at the end
  bool atEnd = true;
  int k = 20;
  double temperature = 0.07;
  // "fast": the k-NN bank / probes are fitted on trainSamples labelled samples and scored on
  // testSamples (stratified draws; 0: all), cheap enough for the live curve. "full": every
  // labelled training sample and every sample of the scored split (60k / 10k for Fashion-MNIST),
  // the figures to compare. Evaluations during training always use "fast"; this setting is the
  // protocol of the evaluation at the end and of `folk eval`.
  std::string protocol = "fast";
  // "test": score the dataset's test split. "validation": score a stratified part of the training
  // data as large as the test split (10 % without one), held out of training, the same for every
  // seed, so hyperparameters can be chosen without looking at the test split.
  std::string split = "test";
  std::size_t trainSamples = 10000;  // fast protocol: labelled samples the bank / probes are fitted on
  std::size_t testSamples = 2000;    // fast protocol: samples scored
  int linearEpochs = 100;            // L-BFGS iterations per linear-probe fit (full batch)
  double linearLr = 1.0;             // first step length of the L-BFGS line search
  std::vector<double> fewShotFractions{0.01, 0.1};
  int fewShotDraws = 5;        // random label draws per few-shot fraction (mean and std reported)
  bool randomBaseline = true;  // also score a randomly initialised backbone of the same architecture
  bool rawBaseline = false;    // also score the normalised pixels themselves (same protocol)
  int batchSize = 256;
  // Which backbone output is scored: "cls" (ViT final-norm CLS token / ResNet pooled map, as
  // DESIGN.md §3), "patch-mean" (mean of the final-norm patch tokens) or "cls+patch-mean" (both,
  // concatenated). Short runs shape the patch tokens long before the CLS token (see the README).
  std::string features = "cls";
};

struct DeviceSettings {
  std::string device = "auto";  // auto | cpu | cuda | cuda:N
  int threads = 0;              // torch intra-op threads; 0: measured default (torch_threads.h)
  // float32 | bf16: bfloat16 autocast for the networks' forward passes (masks and the FFT loss stay
  // float32). Meant for GPUs; on a CPU without bf16 instructions it is slower, though correct.
  std::string precision = "float32";
};

struct CheckpointSettings {
  std::int64_t intervalSteps = 500;  // 0: only when the run stops or ends
  int keepLast = 2;
};

struct TrainConfig {
  std::string name = "fashion-vit-nano";
  std::uint64_t seed = 0;
  DataSettings data;
  ModelConfig model;
  ObjectiveSettings objective;
  MaskSettings masks;
  OptimisationSettings optimisation;
  EvaluationSettings evaluation;
  DeviceSettings device;
  CheckpointSettings checkpoint;
  std::int64_t logIntervalSteps = 10;     // metrics rows and progress lines
  std::int64_t sampleIntervalSteps = 200;  // probe reconstructions to samples/; 0: off
  // Backbone weights (safetensors, as `folk export` writes them) a fresh run starts from instead of
  // a random initialisation; "" for none. A resumed run takes its weights from its checkpoint.
  std::string initFrom;
};

// Thrown for unreadable, malformed or invalid configs; what() names the file / key and the problem.
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The embedded default: Fashion-MNIST from Debian's dataset-fashion-mnist with vit-nano, values
// chosen for small data and short runs.
TrainConfig defaultConfig();

nlohmann::json toJson(const TrainConfig& config);
// Keys not present keep their default; unknown keys are an error (a typo must not be ignored).
TrainConfig configFromJson(const nlohmann::json& json, const std::string& source = "config");

TrainConfig loadConfig(const std::string& path);
void saveConfig(const TrainConfig& config, const std::string& path);  // atomic

// Applies "key.path=value" (e.g. "optimisation.base_lr=1e-3", "masks.ratios=[0.01,0.05]",
// "model.name=vit-tiny"). The value is parsed as JSON, falling back to a plain string.
void applyOverride(TrainConfig& config, const std::string& assignment);

// Every problem found, one sentence each; empty when the config is usable. Checks the dataset path
// exists, but does not open the data.
std::vector<std::string> validationProblems(const TrainConfig& config);
// Throws ConfigError listing validationProblems() when there are any.
void validate(const TrainConfig& config);

}  // namespace folk
