#pragma once
// One optimisation step of any of the five objectives (DESIGN.md §3). A TrainStep owns everything
// that changes during training: the student, the optimiser and the mask generator itself, and the
// objective's loss terms (core/method/loss_term.h: distillation with its teacher, heads and centre;
// reconstruction with its head), so a Session only feeds it batches and step numbers, and
// checkpoints it with save / load.
#include <ATen/core/Generator.h>
#include <torch/torch.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/dist/communicator.h"
#include "core/io/step_metrics.h"
#include "core/io/train_config.h"
#include "core/method/distillation_term.h"
#include "core/method/loss_term.h"
#include "core/method/objective.h"
#include "core/method/reconstruction_term.h"
#include "core/method/schedules.h"
#include "core/method/views.h"
#include "core/model/model_factory.h"

namespace folk {

// What a TrainStep is told: the run's objective, mask and optimisation settings exactly as the
// TrainConfig holds them (their defaults come from the settings registry; MethodConfig states none
// of its own), and what only the data can tell: the schedule length in steps and the normalisation.
struct MethodConfig {
  // `config`'s settings for a schedule of config.optimisation.epochs epochs of `stepsPerEpoch`
  // steps. The default: the registry's defaults, one step per epoch.
  explicit MethodConfig(const TrainConfig& config = TrainConfig(), std::int64_t stepsPerEpoch = 1);

  ObjectiveSettings objective;  // name (folk, mfm, ...), temperatures, centre, EMA momentum, λ
  MaskSettings masks;
  OptimisationSettings optimisation;  // batch size, lr, weight decay, clipping, frozen prototypes
  // Schedule length; the epoch of step s is s / stepsPerEpoch. optimisation.epochs and .steps are
  // not read: the session turns them into these.
  std::int64_t epochs;
  std::int64_t stepsPerEpoch;
  ViewNormalization normalization;  // empty: defaultNormalization(channels)
  std::uint64_t maskSeed;           // the run's seed: seeds the Com/RCom and low/high-pass draws
  // Forward passes under bfloat16 autocast (CUDA, or CPU for testing); masks, the FFT-based
  // reconstruction loss, the distillation softmax and the optimiser stay float32.
  bool bf16;

  ViewFilterSettings filter() const;  // the masks section as the view preparation takes it
};

// Empty when usable, else a sentence naming the problem (the registry's checks of the sections a
// TrainStep reads, and the schedule length).
std::string validateMethodConfig(const MethodConfig& config);

struct StepMetrics {
  std::int64_t step = 0;
  std::int64_t epoch = 0;
  // Losses (distillation 0 for mfm / mfm-comrcom, reconstruction 0 for dino), schedules, the
  // global gradient norm before clipping and, for objectives with a teacher, the self-distillation
  // diagnostics (docs/diagnostics.md). Throughput and elapsed time are the session's to fill.
  StepValues values;
  // Empty when the step was applied. Otherwise which term was not finite ("distillation loss",
  // "reconstruction loss", "gradients"): the step was NOT applied (weights, optimiser moments,
  // teacher and centre unchanged), so the caller may skip the batch or stop.
  std::string fault;
};

class TrainStep {
 public:
  // Builds the student (torch's global RNG draws the initial weights: seed it first for
  // reproducibility), the teacher as its copy, the heads the objective needs and the optimiser.
  // Throws std::invalid_argument for unusable configs.
  TrainStep(const ModelConfig& model, const MethodConfig& method, torch::Device device = torch::kCPU);

  // view1, view2: (B, C, H, W) float32 augmented views of the same images, in [0,1] (any device).
  // localViews: DINO's local crops of the same images, each (B, C, s, s) with s <= H, seen by the
  // student only (filtered like its global views) and supervised by both teacher views; only for
  // objectives with distillation. The reconstruction loss stays on the two global views.
  // A step whose loss terms or gradients are not finite is detected before anything is updated and
  // reported in StepMetrics::fault (all ranks agree: they see the all-reduced values).
  StepMetrics step(const torch::Tensor& view1, const torch::Tensor& view2, std::int64_t globalStep,
                   const std::vector<torch::Tensor>& localViews = {});

  // Splits each step's batch into `shards` parts computed concurrently on the intra-op threads,
  // each with single-threaded ops and OpenBLAS at one thread, gradients summed in shard order
  // (deterministic). On a CPU with few cores this beats intra-op parallelism, whose OpenMP and
  // OpenBLAS pools fight over the cores (measured: README "Performance"). Only for ViT on the CPU:
  // a ResNet's BatchNorm would see per-shard statistics. Returns the shard count in effect.
  int setParallelShards(int shards);
  int parallelShards() const { return shards_; }

  // Data-parallel training over a process group. Each rank's step() gets its share of a global batch
  // of worldSize × B images: rank r holds rows r, r + W, r + 2W, … of each view (BatchLoader's
  // strided shards). The ranks draw the mask choices for the whole global batch and keep their rows,
  // all-reduce the gradients, the losses, the removed-frequency counts and the teacher-logit sum for
  // the centre, so every rank takes the step one process with the global batch would take (up to
  // float summation order) and the replicas stay identical. Call synchronizeReplicas() once after
  // construction / load to start from rank 0's state.
  void setCommunicator(std::shared_ptr<Communicator> communicator);
  void synchronizeReplicas();
  const std::shared_ptr<Communicator>& communicator() const { return communicator_; }

  // Everything needed to resume: weights, optimiser moments, centre, mask generator state.
  // Written atomically (temp file + rename). Throws std::runtime_error naming the file on failure.
  void save(const std::string& path) const;
  // Throws std::runtime_error naming the file when it cannot be read or does not match this config.
  void load(const std::string& path);

  // Schedule values at a global step (also reported in StepMetrics).
  double lrAt(std::int64_t step) const { return lr_.at(step); }
  double weightDecayAt(std::int64_t step) const { return weightDecay_.at(step); }
  double momentumAt(std::int64_t step) const;      // 0 without a teacher
  double teacherTempAt(std::int64_t step) const;   // 0 without a teacher

  const ModelConfig& modelConfig() const { return modelConfig_; }
  const MethodConfig& methodConfig() const { return methodConfig_; }
  const ObjectiveTraits& traits() const { return traits_; }
  torch::Device device() const { return device_; }

  Backbone student() const { return student_; }
  Backbone teacher() const;                        // null for objectives without a teacher
  ProjectionHead studentProjection() const;        // null without distillation
  ProjectionHead teacherProjection() const;
  ReconstructionHead reconstruction() const;       // null without reconstruction
  torch::Tensor center() const;                    // (1, K); undefined without distillation
  torch::optim::AdamW& optimizer() { return *optimizer_; }

 private:
  std::vector<torch::Tensor> trainableParameters() const;
  struct ShardResult;
  ShardResult computeShard(const PreparedViews& prepared, const PreparedViews& locals, std::int64_t begin,
                           std::int64_t end, std::int64_t batch, bool keepGraph);

  ModelConfig modelConfig_;
  MethodConfig methodConfig_;
  ObjectiveTraits traits_;
  torch::Device device_;
  CosineSchedule lr_, weightDecay_;

  Backbone student_;
  // The objective's loss terms (makeLossTerms); the typed pointers name two of them for the
  // accessors above (null when the objective has no such term).
  std::vector<std::unique_ptr<LossTerm>> terms_;
  DistillationTerm* distillation_ = nullptr;
  ReconstructionTerm* reconstruction_ = nullptr;
  std::unique_ptr<torch::optim::AdamW> optimizer_;
  at::Generator maskGenerator_;
  int shards_ = 1;
  std::shared_ptr<Communicator> communicator_;  // null: one process
};

}  // namespace folk
