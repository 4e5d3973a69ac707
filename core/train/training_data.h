#pragma once
// The data side of a training session: this class owns the loaders and hands out plain tensors,
// so the session's method code needs none of the loader headers (only training_data.cpp sees them).
// The method's normalisation is folk::ViewNormalization (core/method/views.h), the loaders' is
// folk::Normalization (core/data/normalization.h).
#include <torch/torch.h>

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/data/dataset.h"
#include "core/data/image.h"
#include "core/io/train_config.h"

namespace folk {

// The per-channel mean and std a run normalises its images with: data.mean / data.std when set,
// else the defaults for the channel count (Normalization::defaultsFor). Throws
// std::invalid_argument when they do not fit the channel count.
std::pair<std::vector<double>, std::vector<double>> runNormalization(const DataSettings& data, int channels);

struct ViewPair {
  std::int64_t epoch = 0;
  std::int64_t batchInEpoch = 0;
  torch::Tensor views[2];  // (B, C, S, S) float32 in [0,1]
  // The local crops (data.augment.local_crops.count of them), each (B, C, s, s), s < S; only the
  // student sees them.
  std::vector<torch::Tensor> locals;
};

class TrainingData {
 public:
  // Opens the dataset config.data.path names (and its test split, or a 10 % held-out part when it
  // has none); with evaluation.split "validation" a stratified validation part of the training
  // data, as large as the test split, is held out of training and scored instead of the test split.
  // Throws DatasetError naming the path when it is missing, empty or unusable.
  // With several ranks (data-parallel training) this process loads only its strided share of each
  // global batch: optimisation.batch_size / worldSize images (BatchLoader's rank / worldSize).
  explicit TrainingData(const TrainConfig& config, int rank = 0, int worldSize = 1);
  ~TrainingData();

  std::int64_t batchesPerEpoch() const;
  // The next batch is the one global step `step` trains on.
  void seek(std::int64_t step);
  ViewPair next();

  // The per-channel normalisation every consumer must use (config values or the loader defaults).
  const std::vector<double>& mean() const;
  const std::vector<double>& std() const;

  std::shared_ptr<const ImageDataset> trainSet() const;
  // Labelled evaluation sets; null when the data has no labels. `full`: every labelled training
  // sample (never the validation part) and the whole scored split (test or validation, as
  // evaluation.split says); otherwise the fast protocol's draws (evaluation.train_samples /
  // test_samples).
  std::shared_ptr<const ImageDataset> evalTrainSet(bool full = false) const;
  std::shared_ptr<const ImageDataset> evalTestSet(bool full = false) const;
  // "test" or "validation": which split evalTestSet() holds.
  const std::string& evalSplit() const;
  // The fixed probe image shown in samples/: the first held-out sample, eval-transformed, [0,1].
  Image probeImage() const;
  std::string summary() const;
  std::string loadReportText() const;  // skipped files so far ("" when none)

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace folk
