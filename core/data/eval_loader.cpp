#include "core/data/eval_loader.h"

#include <algorithm>
#include <stdexcept>
#include <vector>

#include "core/data/sample_source.h"

namespace folk {

EvalLoader::EvalLoader(std::shared_ptr<const ImageDataset> dataset, EvalTransform transform,
                       Normalization normalization, int batchSize, int workers, int prefetchBatches)
    : dataset_(std::move(dataset)),
      transform_(transform),
      normalization_(normalization.mean.empty() ? Normalization::defaultsFor(transform.channels) : normalization),
      batchSize_(batchSize) {
  transform_.validate();
  normalization_.validate(transform_.channels);
  if (batchSize < 1 || workers < 0 || prefetchBatches < 1)
    throw std::invalid_argument("evaluation loader: batch size and prefetch depth must be positive, workers >= 0");
  if (dataset_->size() == 0) throw DatasetError(dataset_->summary() + ": the dataset is empty");
  batches_ = std::int64_t((dataset_->size() + std::size_t(batchSize) - 1) / std::size_t(batchSize));
  prefetcher_ = std::make_unique<OrderedPrefetcher<EvalBatch>>(
      [this](std::int64_t position, const PrefetchCancel& cancel) { return build(position, cancel); }, workers,
      prefetchBatches, 0, batches_);
}

EvalLoader::~EvalLoader() { prefetcher_.reset(); }

std::optional<EvalBatch> EvalLoader::next() { return prefetcher_->next(); }

void EvalLoader::reset() { prefetcher_->seek(0, batches_); }

EvalBatch EvalLoader::build(std::int64_t position, const PrefetchCancel& cancel) const {
  const std::size_t begin = std::size_t(position) * std::size_t(batchSize_);
  const std::size_t end = std::min(dataset_->size(), begin + std::size_t(batchSize_));
  const std::int64_t c = transform_.channels, s = transform_.outputSize;
  const std::size_t floats = std::size_t(c * s * s);

  std::vector<Image> images;
  std::vector<std::int64_t> labels, indices;
  for (std::size_t i = begin; i < end; ++i) {
    cancel.throwIfCancelled();
    auto sample = tryLoadSample(*dataset_, i, transform_.channels, log_);
    if (!sample) continue;
    images.push_back(transform_.apply(sample->image));
    labels.push_back(dataset_->label(i));
    indices.push_back(std::int64_t(i));
  }

  const std::int64_t rows = std::int64_t(images.size());
  EvalBatch batch;
  batch.images = torch::empty({rows, c, s, s}, torch::kFloat32);
  batch.normalized = torch::empty({rows, c, s, s}, torch::kFloat32);
  batch.labels = torch::empty({rows}, torch::kInt64);
  batch.indices = torch::empty({rows}, torch::kInt64);
  float* out = batch.images.data_ptr<float>();
  float* norm = batch.normalized.data_ptr<float>();
  for (std::int64_t r = 0; r < rows; ++r) {
    const auto& px = images[std::size_t(r)].pixels;
    std::copy(px.begin(), px.end(), out + r * std::int64_t(floats));
    std::copy(px.begin(), px.end(), norm + r * std::int64_t(floats));
    normalizeInPlace(norm + r * std::int64_t(floats), int(c), std::size_t(s * s), normalization_);
  }
  std::copy(labels.begin(), labels.end(), batch.labels.data_ptr<std::int64_t>());
  std::copy(indices.begin(), indices.end(), batch.indices.data_ptr<std::int64_t>());
  return batch;
}

}  // namespace folk
