#pragma once
// One term of a training objective's loss (distillation, reconstruction, …) as a component: the
// networks it adds to the student, its share of a batch's loss, the statistics it gathers and what
// it does around the optimiser's step. TrainStep runs the terms an objective lists
// (makeLossTerms) and owns only what every objective has: the student, the optimiser, the views,
// the batch shards and the data-parallel reduction. Adding a term is a class implementing this
// interface, a flag in ObjectiveTraits and a line in makeLossTerms (core/method/objective.cpp).
#include <torch/torch.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/dist/communicator.h"
#include "core/io/step_metrics.h"
#include "core/method/objective.h"
#include "core/method/views.h"
#include "core/model/backbone.h"

namespace folk {

struct MethodConfig;
struct ModelConfig;

// What a term sees of the step before the batch is split into shards.
struct StepContext {
  std::int64_t globalStep = 0;
  std::int64_t batch = 0;     // images per view on this rank
  int world = 1;              // ranks
  const PreparedViews* views = nullptr;   // the two global views, 2·batch rows
  const PreparedViews* locals = nullptr;  // the local crops (M·batch rows), or empty
  Communicator* communicator = nullptr;   // null: one process
  StepValues* values = nullptr;           // the step's metrics, for the term's own figures
};

// Images [begin, end) of every view of one shard; rows() picks them from a tensor of V·batch rows.
struct ShardContext {
  std::int64_t begin = 0, end = 0, batch = 0;
  int world = 1;
  std::function<torch::Tensor(const torch::Tensor&)> rows;
  const PreparedViews* views = nullptr;       // the whole batch's global views
  const PreparedViews* locals = nullptr;      // and local crops (may be empty)
  torch::Tensor studentInput, teacherInput;  // this shard's rows of the global views
  BackboneOutput studentOut;                 // the student's pass over studentInput
  // This shard's fraction of the global batch: n / batch / world.
  double share() const {
    return static_cast<double>(end - begin) / static_cast<double>(batch) / static_cast<double>(world);
  }
};

// A term's part of one shard: its loss (with the graph back to the networks, already this shard's
// share of the global batch's loss) and its statistics, tensors that add up over shards and ranks.
struct TermShard {
  torch::Tensor loss;
  std::vector<torch::Tensor> statistics;
};

class LossTerm {
 public:
  virtual ~LossTerm() = default;

  // The step metric of the term's loss (StepMetric::Distill, …) and the name a non-finite value of
  // it is reported under ("distillation loss").
  virtual StepMetric lossMetric() const = 0;
  virtual std::string faultName() const = 0;
  virtual double weight() const = 0;
  virtual bool seesLocalCrops() const { return false; }

  // Its trainable networks, in a fixed order (the optimiser's parameter order, so checkpoints
  // stay loadable), and all its state for checkpoints and replicas.
  virtual std::vector<torch::nn::Module*> trainableModules() { return {}; }
  virtual void appendReplicaState(std::vector<torch::Tensor>& state) { (void)state; }
  virtual void save(torch::serialize::OutputArchive& archive) const = 0;
  // readModule reads a module under a key and checks its shapes.
  using ModuleReader = std::function<void(const char* key, torch::nn::Module& module)>;
  virtual void load(torch::serialize::InputArchive& archive, const ModuleReader& readModule) = 0;

  // Before the shards: whatever needs the whole (global) batch.
  virtual void beginStep(const StepContext& step) { (void)step; }
  // One shard. Networks run under bf16 autocast when the method asks for it; the loss is float32.
  virtual TermShard shard(const ShardContext& shard) = 0;
  // After the losses and statistics were summed over shards and ranks and found finite, before the
  // optimiser's step (statistics as shard() returned them, summed).
  virtual void afterReduction(const StepContext& step, const std::vector<torch::Tensor>& statistics) {
    (void)step;
    (void)statistics;
  }
  virtual void beforeOptimizerStep(std::int64_t globalStep) { (void)globalStep; }
  virtual void afterOptimizerStep(const StepContext& step) { (void)step; }
};

// The terms of an objective (defined beside objectiveTraits, in objective.cpp), in the order their
// networks join the optimiser: distillation, then reconstruction. `student` is the shared backbone
// the terms add heads to.
std::vector<std::unique_ptr<LossTerm>> makeLossTerms(const ObjectiveTraits& traits, const ModelConfig& model,
                                                     const MethodConfig& method, const Backbone& student,
                                                     torch::Device device);

}  // namespace folk
