#pragma once
// Everything a training run is made of, as one JSON document (the run directory's config.json):
// data, model, objective, masks, optimisation, evaluation, device and checkpoint settings.
//
// Why its own structs rather than embedding LoaderOptions: this header is included by both the data
// side (loaders) and the method side of the session, and must stay free of torch. MethodConfig
// (core/method/train_step.h) holds the objective, mask and optimisation sections as they are;
// ModelConfig and AugmentConfig are reused as they are (their headers are plain).
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "core/data/augment.h"
#include "core/model/model_factory.h"

namespace folk {

// The settings of a run as typed values. Their defaults, ranges, names and descriptions are
// declared once, in core/io/settings_registry.cpp: the members here start zero / empty and
// TrainConfig's constructor sets each one from the registry, so no default can be stated twice.
struct DataSettings {
  std::string path;
  std::string format;             // auto | idx | cifar | folder
  std::size_t trainSubset{};      // stratified draw of this many samples; 0: all
  int workers{};                  // loader threads
  int prefetchBatches{};
  std::int64_t maxImagePixels{};  // image folders: larger files are refused before decoding
  AugmentConfig augment;          // outputSize / channels are taken from the model
  std::vector<double> mean;       // normalisation; empty: the loader's defaults for the channel count
  std::vector<double> std;
};

struct ObjectiveSettings {
  std::string name;  // folk | mfm | mfm-comrcom | folk-fixed | dino
  double studentTemp{};
  double teacherTemp{};
  double warmupTeacherTemp{};
  double warmupTeacherTempEpochs{};
  double centerMomentum{};
  std::string centering;  // mean (DINO) | sinkhorn-knopp (DINOv2)
  double reconstructionWeight{};
  double momentum{};  // EMA, cosine to momentumEnd
  double momentumEnd{};
};

struct MaskSettings {
  double pCom{};
  std::vector<double> ratios;
  double radius{};  // low/high-pass radius; <= 0: scaled default
  double pLowPass{};
};

struct OptimisationSettings {
  int batchSize{};
  std::int64_t epochs{};
  std::int64_t steps{};  // stop after this many steps; 0: epochs x batches per epoch
  double baseLr{};       // lr = baseLr * batch / 256
  double minLr{};
  double warmupEpochs{};
  double weightDecay{};
  double weightDecayEnd{};
  double clipGrad{};
  double freezeLastLayerEpochs{};
  // Steps whose loss or gradients are not finite are never applied. 0: the first one stops the run
  // (the last good checkpoint is kept); N: up to N such steps are skipped (with a message each),
  // the (N+1)-th stops the run.
  int maxBadSteps{};
};

struct EvaluationSettings {
  std::int64_t intervalSteps{};  // evaluate every N steps during training; 0: only at the end
  bool atEnd{};
  int k{};
  double temperature{};
  // "fast": the k-NN bank / probes are fitted on trainSamples labelled samples and scored on
  // testSamples (stratified draws; 0: all), cheap enough for the live curve. "full": every
  // labelled training sample and every sample of the scored split (60k / 10k for Fashion-MNIST),
  // the figures to compare. Evaluations during training always use "fast"; this setting is the
  // protocol of the evaluation at the end and of `folk eval`.
  std::string protocol;
  // "test": score the dataset's test split. "validation": score a stratified part of the training
  // data as large as the test split (10 % without one), held out of training, the same for every
  // seed, so hyperparameters can be chosen without looking at the test split.
  std::string split;
  std::size_t trainSamples{};  // fast protocol: labelled samples the bank / probes are fitted on
  std::size_t testSamples{};   // fast protocol: samples scored
  int linearEpochs{};          // L-BFGS iterations per linear-probe fit (full batch)
  double linearLr{};           // first step length of the L-BFGS line search
  std::vector<double> fewShotFractions;
  int fewShotDraws{};      // random label draws per few-shot fraction (mean and std reported)
  bool randomBaseline{};   // also score a randomly initialised backbone of the same architecture
  bool rawBaseline{};      // also score the normalised pixels themselves (same protocol)
  int batchSize{};
  // Which backbone output is scored: "cls" (ViT final-norm CLS token / ResNet pooled map, as
  // DESIGN.md §3), "patch-mean" (mean of the final-norm patch tokens) or "cls+patch-mean" (both,
  // concatenated). Short runs shape the patch tokens long before the CLS token (see the README).
  std::string features;
  // Whose backbone is scored: "teacher" (the EMA teacher; objectives without one score the student)
  // or "student", to tell whether the teacher helps or lags.
  std::string backbone;
};

struct DeviceSettings {
  std::string device;  // auto | cpu | cuda | cuda:N
  int threads{};       // torch intra-op threads; 0: measured default (torch_threads.h)
  // float32 | bf16: bfloat16 autocast for the networks' forward passes (masks and the FFT loss stay
  // float32).
  std::string precision;
};

struct CheckpointSettings {
  std::int64_t intervalSteps{};  // 0: only when the run stops or ends
  int keepLast{};
};

struct TrainConfig {
  // Every setting at its registry default (the embedded default config).
  TrainConfig();

  std::string name;
  std::uint64_t seed{};
  DataSettings data;
  ModelConfig model;
  ObjectiveSettings objective;
  MaskSettings masks;
  OptimisationSettings optimisation;
  EvaluationSettings evaluation;
  DeviceSettings device;
  CheckpointSettings checkpoint;
  std::int64_t logIntervalSteps{};     // metrics rows and progress lines
  std::int64_t sampleIntervalSteps{};  // probe reconstructions to samples/; 0: off
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
// chosen for small data and short runs (the registry's defaults; the same as TrainConfig()).
TrainConfig defaultConfig();

nlohmann::json toJson(const TrainConfig& config);
// Keys not present keep their default; unknown keys are an error (a typo must not be ignored).
TrainConfig configFromJson(const nlohmann::json& json, const std::string& source = "config");

TrainConfig loadConfig(const std::string& path);
void saveConfig(const TrainConfig& config, const std::string& path);  // atomic

// Sets the registry setting `key` to `value` (as config.json holds it) and what follows from it (the
// augmentation's view size and channels from the model). Throws ConfigError naming the key and why
// for an unknown key or a value that does not fit the setting; `config` is then unchanged.
void setSetting(TrainConfig& config, const std::string& key, const nlohmann::json& value);

// Applies "key.path=value" (e.g. "optimisation.base_lr=1e-3", "masks.ratios=[0.01,0.05]",
// "model.name=vit-tiny"). The value is parsed as JSON, falling back to a plain string.
void applyOverride(TrainConfig& config, const std::string& assignment);

// Whether a validation may touch the disk. A window validating as the user types must not: a stat of
// a stalled network share would freeze it, so it checks the settings at once and the files in the
// background (fileProblems).
enum class FileChecks { Include, Skip };

// Every problem found, one sentence each; empty when the config is usable. With FileChecks::Include
// also the problems of fileProblems(); the data are never opened.
std::vector<std::string> validationProblems(const TrainConfig& config, FileChecks files = FileChecks::Include);
// What only the disk can say: the dataset path exists, init_from is a file. May block on a slow disk.
std::vector<std::string> fileProblems(const TrainConfig& config);
// Throws ConfigError listing validationProblems() when there are any.
void validate(const TrainConfig& config);

}  // namespace folk
