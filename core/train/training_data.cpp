#include "core/train/training_data.h"

#include <tuple>

#include "core/data/augment.h"
#include "core/data/batch_loader.h"
#include "core/data/normalization.h"
#include "core/data/open_dataset.h"
#include "core/data/subset_dataset.h"

namespace folk {

std::pair<std::vector<double>, std::vector<double>> runNormalization(const DataSettings& data, int channels) {
  Normalization n;
  if (data.mean.empty()) {
    n = Normalization::defaultsFor(channels);
  } else {
    for (double v : data.mean) n.mean.push_back(static_cast<float>(v));
    for (double v : data.std) n.std.push_back(static_cast<float>(v));
  }
  n.validate(channels);
  return {std::vector<double>(n.mean.begin(), n.mean.end()), std::vector<double>(n.std.begin(), n.std.end())};
}

namespace {

std::shared_ptr<const ImageDataset> sampled(std::shared_ptr<const ImageDataset> base, std::size_t count,
                                            std::uint64_t seed) {
  if (count == 0 || count >= base->size()) return base;
  return std::make_shared<SubsetDataset>(base, sampleSubset(*base, count, seed));
}

// The validation part is drawn with its own fixed seed, not the run's: every seed of a study
// trains without, and is scored on, the same images.
constexpr std::uint64_t kValidationSeed = 0x76616c6964ull;

}  // namespace

struct TrainingData::Impl {
  std::shared_ptr<const ImageDataset> train, evalTrain, evalTest, evalTrainFull, evalTestFull;
  std::string split = "test";
  Normalization normalization;
  std::vector<double> mean, std;
  std::unique_ptr<BatchLoader> loader;
  int imageSize = 28, channels = 1;
};

TrainingData::TrainingData(const TrainConfig& config, int rank, int worldSize) : impl_(std::make_unique<Impl>()) {
  auto& d = *impl_;
  d.imageSize = config.model.imageSize;
  d.channels = config.model.channels;
  const auto format = parseDatasetFormat(config.data.format);
  ImageLoadOptions imageOptions;
  imageOptions.maxPixels = config.data.maxImagePixels;
  std::shared_ptr<const ImageDataset> full = openDataset(config.data.path, Split::Train, format, imageOptions);
  if (full->size() == 0) throw DatasetError(config.data.path + ": the dataset holds no images");
  std::shared_ptr<const ImageDataset> test;
  if (hasTestSplit(config.data.path, format)) {
    test = openDataset(config.data.path, Split::Test, format, imageOptions);
  } else if (full->labelled()) {
    // No published split: hold 10 % out so evaluation never scores images the model trained on.
    auto [keep, heldOut] = splitHoldout(*full, 0.1, config.seed);
    test = std::make_shared<SubsetDataset>(full, heldOut);
    full = std::make_shared<SubsetDataset>(full, keep);
  }
  if (config.evaluation.split == "validation") {
    if (!full->labelled()) {
      throw DatasetError(config.data.path + ": evaluation.split validation needs labelled data");
    }
    const std::size_t wanted = test && test->size() > 0 ? test->size() : full->size() / 10;
    const double fraction = double(wanted) / double(full->size());
    if (!(fraction > 0.0 && fraction <= 0.5)) {
      throw DatasetError(config.data.path + ": too few training images (" + std::to_string(full->size()) +
                         ") to hold out a validation part of " + std::to_string(wanted) +
                         "; use evaluation.split test");
    }
    auto [keep, validation] = splitHoldout(*full, fraction, kValidationSeed);
    test = std::make_shared<SubsetDataset>(full, validation);
    full = std::make_shared<SubsetDataset>(full, keep);
    d.split = "validation";
  }
  d.train = sampled(full, config.data.trainSubset, config.seed);
  if (full->labelled() && test && test->size() > 0) {
    d.evalTrain = sampled(full, config.evaluation.trainSamples, config.seed + 1);
    d.evalTest = sampled(test, config.evaluation.testSamples, config.seed + 2);
    d.evalTrainFull = full;
    d.evalTestFull = test;
  }

  std::tie(d.mean, d.std) = runNormalization(config.data, d.channels);
  d.normalization.mean.assign(d.mean.begin(), d.mean.end());
  d.normalization.std.assign(d.std.begin(), d.std.end());

  AugmentConfig augment = config.data.augment;
  augment.outputSize = config.model.imageSize;
  augment.channels = config.model.channels;
  LoaderOptions options;
  if (worldSize < 1 || config.optimisation.batchSize % worldSize != 0) {
    throw std::invalid_argument("optimisation.batch_size " + std::to_string(config.optimisation.batchSize) +
                                " is the global batch and must divide evenly over " + std::to_string(worldSize) +
                                " ranks");
  }
  options.batchSize = config.optimisation.batchSize / worldSize;
  options.rank = rank;
  options.worldSize = worldSize;
  options.workers = config.data.workers;
  options.prefetchBatches = std::max(config.data.prefetchBatches, config.data.workers);
  options.seed = config.seed;
  // Training on a GPU (cuda, or auto with one present): page-locked batches for asynchronous copies.
  options.pinMemory = config.device.device != "cpu" && torch::cuda::is_available();
  options.shuffle = true;
  options.dropLast = true;
  d.loader = std::make_unique<BatchLoader>(d.train, augment, d.normalization, options);
}

TrainingData::~TrainingData() = default;

std::int64_t TrainingData::batchesPerEpoch() const { return impl_->loader->batchesPerEpoch(); }

void TrainingData::seek(std::int64_t step) {
  const auto perEpoch = batchesPerEpoch();
  impl_->loader->seek(step / perEpoch, step % perEpoch);
}

ViewPair TrainingData::next() {
  auto batch = impl_->loader->next();
  if (!batch) throw DatasetError("the training data stream ended unexpectedly");
  ViewPair pair;
  pair.epoch = batch->epoch;
  pair.batchInEpoch = batch->batchInEpoch;
  pair.views[0] = batch->views[0];
  pair.views[1] = batch->views[1];
  pair.locals = batch->locals;
  return pair;
}

const std::vector<double>& TrainingData::mean() const { return impl_->mean; }
const std::vector<double>& TrainingData::std() const { return impl_->std; }
std::shared_ptr<const ImageDataset> TrainingData::trainSet() const { return impl_->train; }
std::shared_ptr<const ImageDataset> TrainingData::evalTrainSet(bool full) const {
  return full ? impl_->evalTrainFull : impl_->evalTrain;
}
std::shared_ptr<const ImageDataset> TrainingData::evalTestSet(bool full) const {
  return full ? impl_->evalTestFull : impl_->evalTest;
}
const std::string& TrainingData::evalSplit() const { return impl_->split; }

Image TrainingData::probeImage() const {
  const auto& source = impl_->evalTest ? *impl_->evalTest : *impl_->train;
  EvalTransform transform;
  transform.outputSize = impl_->imageSize;
  transform.channels = impl_->channels;
  // The first sample that decodes: a bad file must not stop training over a preview.
  for (std::size_t i = 0; i < source.size() && i < 64; ++i) {
    try {
      return transform.apply(source.load(i));
    } catch (const std::exception&) {
    }
  }
  return Image();
}

std::string TrainingData::summary() const {
  std::string text = impl_->train->summary() + ", " + std::to_string(batchesPerEpoch()) + " batches per epoch";
  if (impl_->evalTest) {
    text += "; evaluation (" + impl_->split + " split) on " + std::to_string(impl_->evalTrain->size()) + " / " +
            std::to_string(impl_->evalTest->size()) + " images (fast protocol), " +
            std::to_string(impl_->evalTrainFull->size()) + " / " + std::to_string(impl_->evalTestFull->size()) +
            " (full)";
  }
  return text;
}

std::string TrainingData::loadReportText() const {
  const auto report = impl_->loader->report();
  return report.empty() ? std::string() : report.text();
}

}  // namespace folk
