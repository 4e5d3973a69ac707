#include "core/method/reconstruction_term.h"

#include "core/method/autocast_scope.h"
#include "core/method/losses.h"
#include "core/method/train_step.h"

namespace folk {

ReconstructionTerm::ReconstructionTerm(const ModelConfig& model, const MethodConfig& method, const Backbone& student,
                                       torch::Device device)
    : head_(makeReconstructionHead(model, *student)),
      device_(device),
      bf16_(method.bf16),
      weight_(method.objective.reconstructionWeight) {
  head_->to(device);
}

void ReconstructionTerm::appendReplicaState(std::vector<torch::Tensor>& state) {
  for (const auto& p : head_->parameters()) state.push_back(p);
  for (const auto& b : head_->buffers()) state.push_back(b);
}

void ReconstructionTerm::save(torch::serialize::OutputArchive& archive) const {
  torch::serialize::OutputArchive nested;
  head_->save(nested);
  archive.write("reconstruction", nested);
}

void ReconstructionTerm::load(torch::serialize::InputArchive&, const ModuleReader& readModule) {
  readModule("reconstruction", *head_);
}

void ReconstructionTerm::beginStep(const StepContext& step) {
  const auto& masks = step.views->masks;
  const auto channels = step.views->teacherInput.size(1);
  removedCounts_ = torch::stack({removedEntryCount(masks.slice(0, 0, step.batch), channels),
                                 removedEntryCount(masks.slice(0, step.batch, 2 * step.batch), channels)})
                       .to(device_);
  if (step.world > 1) {
    std::vector<torch::Tensor> counts{removedCounts_};
    step.communicator->allReduceSum(counts);
    removedCounts_ = counts[0];
  }
  removedCounts_ = removedCounts_.clamp_min(1.0);
}

TermShard ReconstructionTerm::shard(const ShardContext& s) {
  torch::Tensor predicted;
  {
    AutocastScope autocast(device_, bf16_);
    predicted = head_->forward(s.studentOut.patchMap).to(torch::kFloat32);
  }
  const auto masks = s.rows(s.views->masks);
  const auto n = s.end - s.begin;
  // Averaged over the two views, each the mean over its own removed frequencies.
  auto view = [&](const torch::Tensor& t, int i) { return t.slice(0, i * n, (i + 1) * n); };
  TermShard out;
  out.loss = 0.5 * (frequencyReconstructionError(view(predicted, 0), view(s.teacherInput, 0), view(masks, 0)) /
                        removedCounts_[0] +
                    frequencyReconstructionError(view(predicted, 1), view(s.teacherInput, 1), view(masks, 1)) /
                        removedCounts_[1]);
  return out;
}

}  // namespace folk
