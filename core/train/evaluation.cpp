#include "core/train/evaluation.h"

#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>
#include <cmath>

#include "core/data/eval_loader.h"

namespace folk {

namespace {

double accuracy(const torch::Tensor& predicted, const torch::Tensor& labels) {
  if (labels.numel() == 0) return 0.0;
  return predicted.eq(labels).to(torch::kFloat64).mean().item<double>();
}

}  // namespace

double knnTop1(const torch::Tensor& trainFeatures, const torch::Tensor& trainLabels, const torch::Tensor& testFeatures,
               const torch::Tensor& testLabels, int classes, int k, double temperature) {
  torch::NoGradGuard noGrad;
  const auto bank = torch::nn::functional::normalize(trainFeatures.to(torch::kFloat32),
                                                     torch::nn::functional::NormalizeFuncOptions().dim(1));
  const auto queries = torch::nn::functional::normalize(testFeatures.to(torch::kFloat32),
                                                        torch::nn::functional::NormalizeFuncOptions().dim(1));
  const auto bankLabels = trainLabels.to(torch::kInt64);
  const int kk = static_cast<int>(std::min<std::int64_t>(k, bank.size(0)));
  std::vector<torch::Tensor> predictions;
  // Blocks of queries keep the similarity matrix small for large banks.
  for (std::int64_t start = 0; start < queries.size(0); start += 512) {
    const auto block = queries.slice(0, start, std::min<std::int64_t>(start + 512, queries.size(0)));
    const auto similarity = block.matmul(bank.t());  // (b, N)
    const auto top = similarity.topk(kk, 1);
    // exp(s / T) up to a per-query factor (the vote's argmax is the same): subtracting the best
    // similarity keeps small temperatures from overflowing float.
    const auto best = std::get<0>(top).narrow(1, 0, 1);
    const auto weights = ((std::get<0>(top) - best) / temperature).exp();  // (b, k)
    const auto neighbourLabels = bankLabels.index_select(0, std::get<1>(top).reshape({-1})).view({-1, kk});
    auto votes = torch::zeros({block.size(0), classes}, weights.options());
    votes.scatter_add_(1, neighbourLabels, weights);
    predictions.push_back(votes.argmax(1));
  }
  if (predictions.empty()) return 0.0;
  return accuracy(torch::cat(predictions), testLabels.to(torch::kInt64));
}

double linearProbeTop1(const torch::Tensor& trainFeatures, const torch::Tensor& trainLabels,
                       const torch::Tensor& testFeatures, const torch::Tensor& testLabels, int classes,
                       const LinearProbeSettings& settings) {
  torch::AutoGradMode gradOn(true);  // the session may call this under NoGradGuard
  const auto train = trainFeatures.detach().to(torch::kFloat32);
  const auto mean = train.mean(0, true);
  const auto std = train.std(0, true, true).clamp_min(1e-6);
  const auto x = (train - mean) / std;
  const auto xTest = (testFeatures.detach().to(torch::kFloat32) - mean) / std;
  const auto y = trainLabels.to(torch::kInt64);
  // Zero initialisation: the probe is deterministic and needs no random draws.
  auto weight = torch::zeros({x.size(1), classes}, x.options()).requires_grad_(true);
  auto bias = torch::zeros({classes}, x.options()).requires_grad_(true);
  torch::optim::Adam optimizer({weight, bias}, torch::optim::AdamOptions(settings.lr));
  for (int epoch = 0; epoch < settings.epochs; ++epoch) {
    optimizer.zero_grad();
    auto loss = torch::nn::functional::cross_entropy(x.matmul(weight) + bias, y);
    loss.backward();
    optimizer.step();
  }
  torch::NoGradGuard noGrad;
  return accuracy((xTest.matmul(weight) + bias).argmax(1), testLabels.to(torch::kInt64));
}

torch::Tensor fewShotIndices(const torch::Tensor& labels, int classes, double fraction, std::uint64_t seed) {
  auto generator = at::make_generator<at::CPUGeneratorImpl>(seed);
  const auto cpuLabels = labels.to(torch::kCPU, torch::kInt64);
  std::vector<torch::Tensor> kept;
  for (int c = 0; c < classes; ++c) {
    const auto rows = cpuLabels.eq(c).nonzero().reshape({-1});
    const auto n = rows.size(0);
    if (n == 0) continue;
    const auto take = std::max<std::int64_t>(1, std::llround(fraction * static_cast<double>(n)));
    const auto order = torch::randperm(n, generator, torch::TensorOptions().dtype(torch::kInt64));
    kept.push_back(rows.index_select(0, order.slice(0, 0, std::min(take, n))));
  }
  if (kept.empty()) return torch::empty({0}, torch::kInt64);
  return std::get<0>(torch::cat(kept).sort());
}

FeatureEvaluator::FeatureEvaluator(std::shared_ptr<const ImageDataset> train, std::shared_ptr<const ImageDataset> test,
                                   EvaluatorSettings settings)
    : train_(std::move(train)), test_(std::move(test)), settings_(std::move(settings)) {
  if (!train_ || !train_->labelled() || !test_ || !test_->labelled()) {
    throw DatasetError("evaluation needs labelled data: k-NN and linear probes score predicted classes");
  }
}

std::pair<torch::Tensor, torch::Tensor> FeatureEvaluator::features(BackboneImpl& backbone, const ImageDataset& dataset,
                                                                   torch::Device device) const {
  EvalTransform transform;
  transform.outputSize = settings_.imageSize;
  transform.channels = settings_.channels;
  Normalization norm;
  for (double v : settings_.mean) norm.mean.push_back(static_cast<float>(v));
  for (double v : settings_.std) norm.std.push_back(static_cast<float>(v));
  if (norm.mean.empty()) norm = Normalization::defaultsFor(settings_.channels);
  // A non-owning alias: the loader only reads the dataset while this call runs.
  std::shared_ptr<const ImageDataset> alias(std::shared_ptr<const ImageDataset>(), &dataset);
  EvalLoader loader(alias, transform, norm, settings_.batchSize, settings_.workers);
  const bool wasTraining = backbone.is_training();
  backbone.eval();
  torch::NoGradGuard noGrad;
  std::vector<torch::Tensor> features, labels;
  std::size_t done = 0;
  while (auto batch = loader.next()) {
    if (batch->size() == 0) continue;
    features.push_back(
        selectFeatures(backbone.forward(batch->normalized.to(device)), settings_.features).to(torch::kCPU, torch::kFloat32));
    labels.push_back(batch->labels);
    done += std::size_t(batch->size());
    if (settings_.progress && !settings_.progress(done, dataset.size())) {
      backbone.train(wasTraining);
      throw OperationCancelled();
    }
  }
  backbone.train(wasTraining);
  if (features.empty()) throw DatasetError(dataset.summary() + ": no sample could be decoded for evaluation");
  return {torch::cat(features), torch::cat(labels)};
}

ProbeScores FeatureEvaluator::score(BackboneImpl& backbone, torch::Device device) const {
  const auto [trainX, trainY] = features(backbone, *train_, device);
  const auto [testX, testY] = features(backbone, *test_, device);
  const int classes = train_->numClasses();
  ProbeScores scores;
  scores.knnTop1 = knnTop1(trainX, trainY, testX, testY, classes, settings_.k, settings_.temperature);
  scores.linearTop1 = linearProbeTop1(trainX, trainY, testX, testY, classes, settings_.linear);
  for (double fraction : settings_.fewShotFractions) {
    const auto rows = fewShotIndices(trainY, classes, fraction, settings_.linear.seed + 1);
    scores.fewShotFractions.push_back(fraction);
    scores.fewShotTop1.push_back(linearProbeTop1(trainX.index_select(0, rows), trainY.index_select(0, rows), testX,
                                                 testY, classes, settings_.linear));
  }
  return scores;
}

}  // namespace folk
