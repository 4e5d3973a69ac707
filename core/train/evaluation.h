#pragma once
// Frozen-feature evaluation (DESIGN.md §3 "Evaluation"): k-NN (cosine on L2-normalised features,
// k neighbours weighted by exp(s / T), top-1), a linear probe, few-shot linear probes on a fraction
// of the labels per class (mean and std over several draws), and the features' effective rank. The probes are plain torch functions on feature tensors so they
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

// The linear probe: multinomial logistic regression on standardised features, fitted to
// convergence by full-batch L-BFGS (strong-Wolfe line search). Its L2 weight decay is chosen from
// `weightDecays` by accuracy on a stratified tenth of the probe's own training rows (at most
// `selectionRows` of them, so large sets stay cheap), then the probe is refitted on all its rows.
// The test rows never take part in the choice.
struct LinearProbeSettings {
  int maxIterations = 100;         // L-BFGS iterations per fit
  double initialStep = 1.0;        // first step length the line search tries
  double gradientTolerance = 1e-5;  // converged: largest |gradient| entry below this ...
  double lossTolerance = 1e-7;     // ... or a change of the loss below this between iterations
  std::vector<double> weightDecays{1e-6, 1e-5, 1e-4, 1e-3, 1e-2};
  std::int64_t selectionRows = 10000;
  std::uint64_t seed = 0;
};

struct LinearProbeResult {
  double top1 = 0.0;
  double weightDecay = 0.0;
  int iterations = 0;
  bool converged = false;
};

LinearProbeResult linearProbe(const torch::Tensor& trainFeatures, const torch::Tensor& trainLabels,
                              const torch::Tensor& testFeatures, const torch::Tensor& testLabels, int classes,
                              const LinearProbeSettings& settings);
inline double linearProbeTop1(const torch::Tensor& trainFeatures, const torch::Tensor& trainLabels,
                              const torch::Tensor& testFeatures, const torch::Tensor& testLabels, int classes,
                              const LinearProbeSettings& settings) {
  return linearProbe(trainFeatures, trainLabels, testFeatures, testLabels, classes, settings).top1;
}

// Row indices keeping `fraction` of each class's rows (at least one per class), drawn from `seed`.
torch::Tensor fewShotIndices(const torch::Tensor& labels, int classes, double fraction, std::uint64_t seed);

// Effective rank (Roy & Vetterli 2007) of the rows of `features` (N, D): exp(-sum p log p) with
// p = sigma / sum(sigma), sigma the singular values of the column-centred matrix. 0 for features
// without any spread. Computed in double precision.
double effectiveRank(const torch::Tensor& features);

struct EvaluatorSettings {
  int k = 20;
  double temperature = 0.07;
  LinearProbeSettings linear;
  std::vector<double> fewShotFractions{0.01, 0.1};
  int fewShotDraws = 5;  // independent draws per fraction; the scores are their mean and std
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

// k-NN, linear and few-shot scores plus the effective rank of already extracted features.
ProbeScores scoreFeatures(const torch::Tensor& trainFeatures, const torch::Tensor& trainLabels,
                          const torch::Tensor& testFeatures, const torch::Tensor& testLabels, int classes,
                          const EvaluatorSettings& settings);

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
  // The normalised pixels of the evaluation view, flattened to (N, C*S*S): the raw-pixel baseline.
  std::pair<torch::Tensor, torch::Tensor> pixelFeatures(const ImageDataset& dataset) const;
  ProbeScores score(BackboneImpl& backbone, torch::Device device) const;
  ProbeScores scorePixels() const;
  std::size_t trainSamples() const { return train_->size(); }
  std::size_t testSamples() const { return test_->size(); }
  int classes() const { return train_->numClasses(); }

 private:
  std::shared_ptr<const ImageDataset> train_, test_;
  EvaluatorSettings settings_;
};

}  // namespace folk
