#include "core/data/batch_loader.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <string>

#include "core/data/sample_source.h"

namespace folk {

void LoaderOptions::validate() const {
  auto require = [](bool ok, const std::string& message) {
    if (!ok) throw std::invalid_argument("loader: " + message);
  };
  require(batchSize >= 1, "batch size must be positive, got " + std::to_string(batchSize));
  require(workers >= 0, "workers must be >= 0, got " + std::to_string(workers));
  require(prefetchBatches >= 1, "prefetch depth must be positive");
  require(worldSize >= 1 && rank >= 0 && rank < worldSize,
          "rank " + std::to_string(rank) + " is outside world size " + std::to_string(worldSize));
  require(maxSubstitutions >= 0, "max substitutions must be >= 0");
  require(epochs >= 0, "epochs must be >= 0");
}

BatchLoader::BatchLoader(std::shared_ptr<const ImageDataset> dataset, AugmentConfig augment,
                         Normalization normalization, LoaderOptions options)
    : dataset_(std::move(dataset)),
      augment_(augment),
      normalization_(normalization.mean.empty() ? Normalization::defaultsFor(augment.channels) : normalization),
      options_(options) {
  options_.validate();
  normalization_.validate(augment.channels);
  const std::size_t n = dataset_->size();
  if (n == 0) throw DatasetError(dataset_->summary() + ": the dataset is empty");
  const std::size_t world = std::size_t(options_.worldSize), batch = std::size_t(options_.batchSize);
  perRank_ = options_.dropLast ? n / world : (n + world - 1) / world;
  batchesPerEpoch_ = std::int64_t(options_.dropLast ? perRank_ / batch : (perRank_ + batch - 1) / batch);
  if (batchesPerEpoch_ == 0)
    throw DatasetError(dataset_->summary() + ": " + std::to_string(n) + " samples make no full batch of " +
                       std::to_string(batch) + (world > 1 ? " per rank (world size " + std::to_string(world) + ")" : "") +
                       "; lower the batch size or turn off drop_last");
  prefetcher_ = std::make_unique<OrderedPrefetcher<TwoViewBatch>>(
      [this](std::int64_t position, const PrefetchCancel& cancel) { return build(position, cancel); },
      options_.workers, options_.prefetchBatches, 0, endPosition());
}

BatchLoader::~BatchLoader() { prefetcher_.reset(); }  // join the workers before members they use go

std::int64_t BatchLoader::endPosition() const {
  return options_.epochs > 0 ? options_.epochs * batchesPerEpoch_ : -1;
}

void BatchLoader::seek(std::int64_t epoch, std::int64_t batch) {
  if (epoch < 0 || batch < 0 || batch >= batchesPerEpoch_)
    throw std::invalid_argument("BatchLoader::seek: batch " + std::to_string(batch) + " of epoch " +
                                std::to_string(epoch) + " does not exist (" + std::to_string(batchesPerEpoch_) +
                                " batches per epoch)");
  prefetcher_->seek(epoch * batchesPerEpoch_ + batch, endPosition());
}

std::optional<TwoViewBatch> BatchLoader::next() { return prefetcher_->next(); }

std::vector<std::size_t> BatchLoader::epochIndices(std::int64_t epoch) const { return *planFor(epoch); }

BatchLoader::Plan BatchLoader::planFor(std::int64_t epoch) const {
  {
    std::lock_guard<std::mutex> lock(planMutex_);
    auto it = plans_.find(epoch);
    if (it != plans_.end()) return it->second;
  }
  // Built outside the lock (a shuffle of a million indices takes milliseconds); two threads may
  // build the same plan at an epoch boundary, and they build identical ones.
  const std::size_t n = dataset_->size();
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t(0));
  if (options_.shuffle) {
    // Every rank draws the same permutation (same seed and epoch), then takes its own stride.
    SampleRng rng(options_.seed, std::uint64_t(epoch), 0, RngStream::Shuffle);
    for (std::size_t i = n; i > 1; --i) std::swap(order[i - 1], order[std::size_t(rng.below(i))]);
  }
  const std::size_t world = std::size_t(options_.worldSize), rank = std::size_t(options_.rank);
  auto plan = std::make_shared<std::vector<std::size_t>>();
  plan->reserve(perRank_);
  for (std::size_t k = 0; k < perRank_; ++k) plan->push_back(order[(rank + k * world) % n]);

  std::lock_guard<std::mutex> lock(planMutex_);
  auto [it, inserted] = plans_.emplace(epoch, plan);
  while (plans_.size() > 2) {
    // Keep the two plans nearest the one just asked for: workers straddle at most one boundary.
    auto far = std::max_element(plans_.begin(), plans_.end(), [epoch](const auto& a, const auto& b) {
      return std::llabs(a.first - epoch) < std::llabs(b.first - epoch);
    });
    plans_.erase(far);
  }
  return it->second;
}

TwoViewBatch BatchLoader::build(std::int64_t position, const PrefetchCancel& cancel) const {
  const std::int64_t epoch = position / batchesPerEpoch_;
  const std::int64_t b = position % batchesPerEpoch_;
  const Plan plan = planFor(epoch);
  const std::size_t begin = std::size_t(b) * std::size_t(options_.batchSize);
  const std::size_t count = std::min(std::size_t(options_.batchSize), plan->size() - begin);
  const AugmentConfig& cfg = augment_.config();
  const std::int64_t c = cfg.channels, s = cfg.outputSize;
  const std::size_t floats = augment_.viewFloats();

  TwoViewBatch batch;
  batch.epoch = epoch;
  batch.batchInEpoch = b;
  const auto shape = std::vector<std::int64_t>{std::int64_t(count), c, s, s};
  const auto options = torch::TensorOptions().dtype(torch::kFloat32).pinned_memory(options_.pinMemory);
  for (int v = 0; v < 2; ++v) {
    batch.views[v] = torch::empty(shape, options);
    batch.normalized[v] = torch::empty(shape, options);
  }
  batch.labels = torch::empty({std::int64_t(count)}, torch::kInt64);
  batch.indices = torch::empty({std::int64_t(count)}, torch::kInt64);
  const int localCount = cfg.local.count;
  const std::int64_t ls = cfg.local.size;
  const std::size_t localFloats = augment_.localFloats();
  std::vector<float*> localOut, localNorm;
  for (int k = 0; k < localCount; ++k) {
    batch.locals.push_back(torch::empty({std::int64_t(count), c, ls, ls}, options));
    batch.localsNormalized.push_back(torch::empty({std::int64_t(count), c, ls, ls}, options));
    localOut.push_back(batch.locals.back().data_ptr<float>());
    localNorm.push_back(batch.localsNormalized.back().data_ptr<float>());
  }
  float* out[2] = {batch.views[0].data_ptr<float>(), batch.views[1].data_ptr<float>()};
  float* norm[2] = {batch.normalized[0].data_ptr<float>(), batch.normalized[1].data_ptr<float>()};
  std::int64_t* labels = batch.labels.data_ptr<std::int64_t>();
  std::int64_t* indices = batch.indices.data_ptr<std::int64_t>();

  // Plain loops, no torch ops: torch would start its intra-op thread pool inside every worker.
  for (std::size_t j = 0; j < count; ++j) {
    cancel.throwIfCancelled();
    const std::size_t requested = (*plan)[begin + j];
    LoadedSample sample = loadWithSubstitution(*dataset_, requested, cfg.channels, options_.seed,
                                               std::uint64_t(epoch), options_.maxSubstitutions, log_);
    // Views are keyed by the requested index, so a substitute looks different from its original.
    augment_.apply(sample.image, options_.seed, std::uint64_t(epoch), requested, out[0] + j * floats,
                   out[1] + j * floats);
    for (int v = 0; v < 2; ++v) {
      std::copy(out[v] + j * floats, out[v] + (j + 1) * floats, norm[v] + j * floats);
      normalizeInPlace(norm[v] + j * floats, cfg.channels, std::size_t(s * s), normalization_);
    }
    for (int k = 0; k < localCount; ++k) {
      float* crop = localOut[std::size_t(k)] + j * localFloats;
      augment_.applyLocal(sample.image, options_.seed, std::uint64_t(epoch), requested, k, crop);
      float* normalized = localNorm[std::size_t(k)] + j * localFloats;
      std::copy(crop, crop + localFloats, normalized);
      normalizeInPlace(normalized, cfg.channels, std::size_t(ls * ls), normalization_);
    }
    labels[j] = dataset_->label(sample.index);
    indices[j] = std::int64_t(sample.index);
  }
  return batch;
}

}  // namespace folk
