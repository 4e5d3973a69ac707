#pragma once
// Frozen-feature evaluation (DESIGN.md §3 "Evaluation"): k-NN (cosine on L2-normalised features,
// k neighbours weighted by exp(s / T), top-1), a linear probe, and few-shot linear probes on a
// fraction of the labels per class. The probes are plain torch functions on feature tensors so they
// can be tested on toy features; FeatureEvaluator adds the data side (features of a backbone over a
// labelled train and test set).
#include <torch/torch.h>

#include <functional>
#include <memory>
#include <stdexcept>
#include <vector>

#include "core/data/dataset.h"
#include "core/model/backbone.h"
#include "core/model/feature_selection.h"
#include "core/train/session_observer.h"

namespace folk {

// train/test features (N, D) float, labels (N) int64 in [0, classes). Returns top-1 in [0,1].
double knnTop1(const torch::Tensor& trainFeatures, const torch::Tensor& trainLabels, const torch::Tensor& testFeatures,
               const torch::Tensor& testLabels, int classes, int k = 20, double temperature = 0.07);

struct LinearProbeSettings {
  int epochs = 100;   // full-batch Adam steps
  double lr = 0.01;
  std::uint64_t seed = 0;
};

// Standardises features with the train statistics, then fits a linear softmax classifier.
double linearProbeTop1(const torch::Tensor& trainFeatures, const torch::Tensor& trainLabels,
                       const torch::Tensor& testFeatures, const torch::Tensor& testLabels, int classes,
                       const LinearProbeSettings& settings);

// Row indices keeping `fraction` of each class's rows (at least one per class), drawn from `seed`.
torch::Tensor fewShotIndices(const torch::Tensor& labels, int classes, double fraction, std::uint64_t seed);

struct EvaluatorSettings {
  int k = 20;
  double temperature = 0.07;
  LinearProbeSettings linear;
  std::vector<double> fewShotFractions{0.01, 0.1};
  int batchSize = 256;
  int workers = 2;
  int imageSize = 28;
  int channels = 1;
  std::vector<double> mean, std;  // normalisation of the training views
  FeatureSelection features = FeatureSelection::Cls;
  // Called after each batch of FeatureEvaluator::features with (images done, images in all);
  // returning false cancels: features() then throws OperationCancelled. Empty: no reports.
  std::function<bool(std::size_t done, std::size_t total)> progress;
};

// Thrown when a progress callback asked to stop a long computation.
struct OperationCancelled : std::runtime_error {
  OperationCancelled() : std::runtime_error("cancelled") {}
};

class FeatureEvaluator {
 public:
  // Both datasets must be labelled (throws DatasetError otherwise).
  FeatureEvaluator(std::shared_ptr<const ImageDataset> train, std::shared_ptr<const ImageDataset> test,
                   EvaluatorSettings settings);
  // Features (N, D) of `backbone` over a dataset in eval mode, and the labels (N).
  std::pair<torch::Tensor, torch::Tensor> features(BackboneImpl& backbone, const ImageDataset& dataset,
                                                   torch::Device device) const;
  ProbeScores score(BackboneImpl& backbone, torch::Device device) const;
  std::size_t trainSamples() const { return train_->size(); }
  std::size_t testSamples() const { return test_->size(); }
  int classes() const { return train_->numClasses(); }

 private:
  std::shared_ptr<const ImageDataset> train_, test_;
  EvaluatorSettings settings_;
};

}  // namespace folk
