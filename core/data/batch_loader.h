#pragma once
// Training batches: worker threads decode and augment samples into two-view batches (plus the
// local crops, when configured) ahead of the
// training loop (a bounded prefetch queue, so the model never waits on data it need not wait for and
// memory stays bounded). Batches come out in a fixed order whatever the number of threads:
// shuffling uses SampleRng(seed, epoch) and each sample's views SampleRng(seed, epoch, index).
//
// The loader is an endless stream of (epoch, batch) positions (or `epochs` epochs), so the next
// epoch's first batches are prefetched while the current one ends. seek() jumps to a position,
// e.g. when a run resumes from a checkpoint at a step boundary.
//
// Samples that fail to decode are skipped and counted (report()) and replaced by another sample
// chosen deterministically from (seed, epoch, index); if `maxSubstitutions` replacements in a row
// fail, the dataset is declared unusable with a DatasetError. Errors reach the consumer as
// exceptions from next(), never as crashes in a worker.
#include <torch/torch.h>

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "core/data/augment.h"
#include "core/data/dataset.h"
#include "core/data/load_report.h"
#include "core/data/normalization.h"
#include "core/data/ordered_prefetcher.h"

namespace folk {

struct LoaderOptions {
  int batchSize = 64;
  int workers = 2;          // 0: batches are built on the consumer's thread, in next()
  int prefetchBatches = 4;  // queue depth (at least `workers`)
  std::uint64_t seed = 0;
  bool shuffle = true;
  // Drop the last incomplete batch, and with several ranks the samples that do not divide evenly.
  // Without it, shards are padded by wrapping around so every rank runs the same number of steps.
  bool dropLast = true;
  int rank = 0;  // sharding for distributed training: this process's share of each epoch
  int worldSize = 1;
  int maxSubstitutions = 32;
  std::int64_t epochs = 0;  // 0: an unbounded stream of epochs
  // Batches in page-locked memory, so a GPU copies them asynchronously (needs CUDA at run time).
  bool pinMemory = false;

  // Throws std::invalid_argument naming the first bad field.
  void validate() const;
};

struct TwoViewBatch {
  std::int64_t epoch = 0;
  std::int64_t batchInEpoch = 0;
  torch::Tensor views[2];       // (B,C,S,S) float32 in [0,1]: what the FOLK masks are computed on
  torch::Tensor normalized[2];  // the same views normalised per channel
  // AugmentConfig::local.count local crops, each (B,C,s,s) with s = local.size, and normalised.
  std::vector<torch::Tensor> locals;
  std::vector<torch::Tensor> localsNormalized;
  torch::Tensor labels;         // (B) int64, -1 for unlabelled data
  torch::Tensor indices;        // (B) int64 dataset index of each row (after any substitution)
  std::int64_t size() const { return labels.defined() ? labels.size(0) : 0; }
};

class BatchLoader {
 public:
  // Throws DatasetError when the dataset is empty or smaller than one batch per rank.
  BatchLoader(std::shared_ptr<const ImageDataset> dataset, AugmentConfig augment, Normalization normalization,
              LoaderOptions options);
  ~BatchLoader();

  std::int64_t batchesPerEpoch() const { return batchesPerEpoch_; }
  // Samples this rank sees per epoch (before drop_last of the final partial batch).
  std::size_t samplesPerEpoch() const { return perRank_; }
  // Continues from batch `batch` of `epoch`.
  void seek(std::int64_t epoch, std::int64_t batch = 0);
  // The next batch in order; std::nullopt after `epochs` epochs. Blocks while it is being built.
  std::optional<TwoViewBatch> next();
  LoadReport report() const { return log_.snapshot(); }

  // The dataset indices this rank visits in `epoch`, in order (before substitutions).
  std::vector<std::size_t> epochIndices(std::int64_t epoch) const;
  const Normalization& normalization() const { return normalization_; }
  const AugmentConfig& augment() const { return augment_.config(); }

 private:
  using Plan = std::shared_ptr<const std::vector<std::size_t>>;
  Plan planFor(std::int64_t epoch) const;
  TwoViewBatch build(std::int64_t position, const PrefetchCancel& cancel) const;
  std::int64_t endPosition() const;

  std::shared_ptr<const ImageDataset> dataset_;
  TwoViewAugmentation augment_;
  Normalization normalization_;
  LoaderOptions options_;
  std::size_t perRank_ = 0;
  std::int64_t batchesPerEpoch_ = 0;
  mutable LoadReportLog log_;
  mutable std::mutex planMutex_;
  mutable std::map<std::int64_t, Plan> plans_;  // the last two epochs' plans (boundary overlap)
  std::unique_ptr<OrderedPrefetcher<TwoViewBatch>> prefetcher_;  // last member: stops first
};

}  // namespace folk
