#pragma once
// Evaluation batches: every sample once, in dataset order, one deterministic view (resize and
// centre crop, EvalTransform), with labels. Used for k-NN / linear-probe features. Samples that
// fail to decode are left out (not replaced: a replaced sample would be counted twice) and
// reported, so a batch can hold fewer than batchSize rows; `indices` says which samples it holds.
#include <torch/torch.h>

#include <memory>
#include <optional>

#include "core/data/augment.h"
#include "core/data/dataset.h"
#include "core/data/load_report.h"
#include "core/data/normalization.h"
#include "core/data/ordered_prefetcher.h"

namespace folk {

struct EvalBatch {
  torch::Tensor images;      // (B,C,S,S) float32 in [0,1]
  torch::Tensor normalized;  // the same, normalised per channel
  torch::Tensor labels;      // (B) int64, -1 for unlabelled data
  torch::Tensor indices;     // (B) int64 dataset indices
  std::int64_t size() const { return labels.defined() ? labels.size(0) : 0; }
};

class EvalLoader {
 public:
  // workers = 0 decodes on the caller's thread. Throws DatasetError for an empty dataset.
  EvalLoader(std::shared_ptr<const ImageDataset> dataset, EvalTransform transform, Normalization normalization,
             int batchSize, int workers = 2, int prefetchBatches = 4);
  ~EvalLoader();

  std::int64_t batches() const { return batches_; }
  std::optional<EvalBatch> next();
  // Starts over from the first batch.
  void reset();
  LoadReport report() const { return log_.snapshot(); }
  const Normalization& normalization() const { return normalization_; }

 private:
  EvalBatch build(std::int64_t position, const PrefetchCancel& cancel) const;

  std::shared_ptr<const ImageDataset> dataset_;
  EvalTransform transform_;
  Normalization normalization_;
  int batchSize_;
  std::int64_t batches_;
  mutable LoadReportLog log_;
  std::unique_ptr<OrderedPrefetcher<EvalBatch>> prefetcher_;
};

}  // namespace folk
