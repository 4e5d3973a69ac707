#pragma once
// MFM's frequency reconstruction (DESIGN.md §3): a head on the student's patch map predicts the
// unfiltered image, scored in the Fourier domain over the frequencies each view's mask removed.
#include "core/method/loss_term.h"
#include "core/model/model_factory.h"

namespace folk {

class ReconstructionTerm : public LossTerm {
 public:
  ReconstructionTerm(const ModelConfig& model, const MethodConfig& method, const Backbone& student,
                     torch::Device device);

  StepMetric lossMetric() const override { return StepMetric::Reconstruction; }
  std::string faultName() const override { return "reconstruction loss"; }
  double weight() const override { return weight_; }

  std::vector<torch::nn::Module*> trainableModules() override { return {head_.get()}; }
  void appendReplicaState(std::vector<torch::Tensor>& state) override;
  void save(torch::serialize::OutputArchive& archive) const override;
  void load(torch::serialize::InputArchive& archive, const ModuleReader& readModule) override;

  void beginStep(const StepContext& step) override;
  TermShard shard(const ShardContext& shard) override;

  ReconstructionHead head() const { return head_; }

 private:
  ReconstructionHead head_{nullptr};
  torch::Device device_;
  bool bf16_;
  double weight_;
  // Per view, the removed (channel, frequency) entries of the global batch: every shard's error is
  // divided by them, so shards add up to exactly the unsharded loss.
  torch::Tensor removedCounts_;
};

}  // namespace folk
