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

namespace {

struct SoftmaxFit {
  torch::Tensor weight, bias;
  int iterations = 0;
  bool converged = false;
};

// Multinomial logistic regression, loss = cross-entropy + weightDecay / 2 * |W|^2, fitted by
// full-batch L-BFGS. Zero initialisation: deterministic, no random draws.
SoftmaxFit fitSoftmax(const torch::Tensor& x, const torch::Tensor& y, int classes, double weightDecay,
                      const LinearProbeSettings& settings) {
  SoftmaxFit fit;
  fit.weight = torch::zeros({x.size(1), classes}, x.options()).requires_grad_(true);
  fit.bias = torch::zeros({classes}, x.options()).requires_grad_(true);
  const int maxIterations = std::max(1, settings.maxIterations);
  const std::int64_t maxEvaluations = 3 * std::int64_t(maxIterations);
  torch::optim::LBFGS optimizer({fit.weight, fit.bias}, torch::optim::LBFGSOptions(settings.initialStep)
                                                           .max_iter(maxIterations)
                                                           .max_eval(maxEvaluations)
                                                           .tolerance_grad(settings.gradientTolerance)
                                                           .tolerance_change(settings.lossTolerance)
                                                           .history_size(20)
                                                           .line_search_fn("strong_wolfe"));
  auto closure = [&] {
    optimizer.zero_grad();
    auto loss = torch::nn::functional::cross_entropy(x.matmul(fit.weight) + fit.bias, y) +
                0.5 * weightDecay * fit.weight.pow(2).sum();
    loss.backward();
    return loss;
  };
  optimizer.step(closure);
  // One step() runs the whole optimisation; it stops early only when a tolerance was met.
  for (const auto& entry : optimizer.state()) {
    const auto& state = static_cast<const torch::optim::LBFGSParamState&>(*entry.second);
    fit.iterations = static_cast<int>(state.n_iter());
    fit.converged = state.n_iter() < maxIterations && state.func_evals() < maxEvaluations;
  }
  return fit;
}

torch::Tensor predict(const SoftmaxFit& fit, const torch::Tensor& x) {
  torch::NoGradGuard noGrad;
  return (x.matmul(fit.weight) + fit.bias).argmax(1);
}

// The rows of 0..n-1 not in `taken`.
torch::Tensor complement(std::int64_t n, const torch::Tensor& taken) {
  auto keep = torch::ones({n}, torch::kBool);
  keep.index_fill_(0, taken, false);
  return keep.nonzero().reshape({-1});
}

// The weight decay of the grid with the best accuracy on a stratified tenth of (a stratified draw
// of at most settings.selectionRows of) the training rows; ties go to the stronger decay.
double chooseWeightDecay(const torch::Tensor& x, const torch::Tensor& y, int classes,
                         const LinearProbeSettings& settings) {
  const auto& grid = settings.weightDecays;
  if (grid.empty()) return 0.0;
  if (grid.size() == 1) return grid.front();
  torch::Tensor pool = torch::arange(x.size(0), torch::kInt64);
  if (settings.selectionRows > 0 && x.size(0) > settings.selectionRows) {
    pool = fewShotIndices(y, classes, double(settings.selectionRows) / double(x.size(0)), settings.seed + 101);
  }
  const auto poolLabels = y.index_select(0, pool);
  const auto heldOut = fewShotIndices(poolLabels, classes, 0.1, settings.seed + 202);
  const auto fitRows = complement(pool.size(0), heldOut);
  if (fitRows.size(0) == 0 || heldOut.size(0) == 0) return grid[grid.size() / 2];
  const auto xFit = x.index_select(0, pool.index_select(0, fitRows));
  const auto yFit = y.index_select(0, pool.index_select(0, fitRows));
  const auto xHeld = x.index_select(0, pool.index_select(0, heldOut));
  const auto yHeld = y.index_select(0, pool.index_select(0, heldOut));
  double best = grid.front(), bestAccuracy = -1.0;
  for (double decay : grid) {
    const double a = accuracy(predict(fitSoftmax(xFit, yFit, classes, decay, settings), xHeld), yHeld);
    if (a >= bestAccuracy - 1e-12 && (a > bestAccuracy + 1e-12 || decay > best)) {
      best = decay;
      bestAccuracy = std::max(bestAccuracy, a);
    }
  }
  return best;
}

}  // namespace

LinearProbeResult linearProbe(const torch::Tensor& trainFeatures, const torch::Tensor& trainLabels,
                              const torch::Tensor& testFeatures, const torch::Tensor& testLabels, int classes,
                              const LinearProbeSettings& settings) {
  torch::AutoGradMode gradOn(true);  // the session may call this under NoGradGuard
  const auto train = trainFeatures.detach().to(torch::kCPU, torch::kFloat32);
  const auto mean = train.mean(0, true);
  const auto spread = train.std(0, true, true).clamp_min(1e-6);
  const auto x = ((train - mean) / spread).contiguous();
  const auto xTest = ((testFeatures.detach().to(torch::kCPU, torch::kFloat32) - mean) / spread).contiguous();
  const auto y = trainLabels.to(torch::kCPU, torch::kInt64);
  LinearProbeResult result;
  result.weightDecay = chooseWeightDecay(x, y, classes, settings);
  const auto fit = fitSoftmax(x, y, classes, result.weightDecay, settings);
  result.iterations = fit.iterations;
  result.converged = fit.converged;
  result.top1 = accuracy(predict(fit, xTest), testLabels.to(torch::kCPU, torch::kInt64));
  return result;
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

double effectiveRank(const torch::Tensor& features) {
  torch::NoGradGuard noGrad;
  if (features.dim() != 2 || features.size(0) < 2 || features.size(1) < 1) return 0.0;
  auto x = features.to(torch::kCPU, torch::kFloat64);
  x = x - x.mean(0, true);
  const auto sigma = torch::linalg_svdvals(x);
  const double total = sigma.sum().item<double>();
  if (!(total > 0.0)) return 0.0;
  const auto p = (sigma / total).masked_select(sigma > 0);
  return std::exp(-(p * p.log()).sum().item<double>());
}

ProbeScores scoreFeatures(const torch::Tensor& trainX, const torch::Tensor& trainY, const torch::Tensor& testX,
                          const torch::Tensor& testY, int classes, const EvaluatorSettings& settings) {
  ProbeScores scores;
  scores.featureWidth = static_cast<int>(trainX.size(1));
  scores.effectiveRank = effectiveRank(trainX);
  scores.knnTop1 = knnTop1(trainX, trainY, testX, testY, classes, settings.k, settings.temperature);
  const auto linear = linearProbe(trainX, trainY, testX, testY, classes, settings.linear);
  scores.linearTop1 = linear.top1;
  scores.linearWeightDecay = linear.weightDecay;
  scores.linearIterations = linear.iterations;
  scores.linearConverged = linear.converged;
  const int draws = std::max(1, settings.fewShotDraws);
  for (double fraction : settings.fewShotFractions) {
    std::vector<double> top1;
    for (int draw = 0; draw < draws; ++draw) {
      const auto rows = fewShotIndices(trainY, classes, fraction, settings.linear.seed + 1 + std::uint64_t(draw));
      top1.push_back(linearProbeTop1(trainX.index_select(0, rows), trainY.index_select(0, rows), testX, testY, classes,
                                     settings.linear));
    }
    double mean = 0.0;
    for (double a : top1) mean += a / double(top1.size());
    double squares = 0.0;
    for (double a : top1) squares += (a - mean) * (a - mean);
    scores.fewShotFractions.push_back(fraction);
    scores.fewShotTop1.push_back(mean);
    scores.fewShotStd.push_back(top1.size() > 1 ? std::sqrt(squares / double(top1.size() - 1)) : 0.0);
  }
  return scores;
}

FeatureEvaluator::FeatureEvaluator(std::shared_ptr<const ImageDataset> train, std::shared_ptr<const ImageDataset> test,
                                   EvaluatorSettings settings)
    : train_(std::move(train)), test_(std::move(test)), settings_(std::move(settings)) {
  if (!train_ || !train_->labelled() || !test_ || !test_->labelled()) {
    throw DatasetError("evaluation needs labelled data: k-NN and linear probes score predicted classes");
  }
}

namespace {

// Runs `embed` over every evaluation batch of `dataset` (in order) and returns the concatenated
// rows and labels; reports progress and honours cancelling.
std::pair<torch::Tensor, torch::Tensor> collectFeatures(
    const ImageDataset& dataset, const EvaluatorSettings& settings,
    const std::function<torch::Tensor(const torch::Tensor& normalized)>& embed) {
  EvalTransform transform;
  transform.outputSize = settings.imageSize;
  transform.channels = settings.channels;
  Normalization norm;
  for (double v : settings.mean) norm.mean.push_back(static_cast<float>(v));
  for (double v : settings.std) norm.std.push_back(static_cast<float>(v));
  if (norm.mean.empty()) norm = Normalization::defaultsFor(settings.channels);
  // A non-owning alias: the loader only reads the dataset while this call runs.
  std::shared_ptr<const ImageDataset> alias(std::shared_ptr<const ImageDataset>(), &dataset);
  EvalLoader loader(alias, transform, norm, settings.batchSize, settings.workers);
  torch::NoGradGuard noGrad;
  std::vector<torch::Tensor> features, labels;
  std::size_t done = 0;
  while (auto batch = loader.next()) {
    if (batch->size() == 0) continue;
    features.push_back(embed(batch->normalized).to(torch::kCPU, torch::kFloat32));
    labels.push_back(batch->labels);
    done += std::size_t(batch->size());
    if (settings.progress && !settings.progress(done, dataset.size())) throw OperationCancelled();
  }
  if (features.empty()) throw DatasetError(dataset.summary() + ": no sample could be decoded for evaluation");
  return {torch::cat(features), torch::cat(labels)};
}

}  // namespace

std::pair<torch::Tensor, torch::Tensor> FeatureEvaluator::features(BackboneImpl& backbone, const ImageDataset& dataset,
                                                                   torch::Device device) const {
  const bool wasTraining = backbone.is_training();
  backbone.eval();
  try {
    auto result = collectFeatures(dataset, settings_, [&](const torch::Tensor& normalized) {
      return selectFeatures(backbone.forward(normalized.to(device)), settings_.features);
    });
    backbone.train(wasTraining);
    return result;
  } catch (...) {
    backbone.train(wasTraining);
    throw;
  }
}

std::pair<torch::Tensor, torch::Tensor> FeatureEvaluator::pixelFeatures(const ImageDataset& dataset) const {
  return collectFeatures(dataset, settings_, [](const torch::Tensor& normalized) { return normalized.flatten(1); });
}

ProbeScores FeatureEvaluator::score(BackboneImpl& backbone, torch::Device device) const {
  const auto [trainX, trainY] = features(backbone, *train_, device);
  const auto [testX, testY] = features(backbone, *test_, device);
  return scoreFeatures(trainX, trainY, testX, testY, train_->numClasses(), settings_);
}

ProbeScores FeatureEvaluator::scorePixels() const {
  const auto [trainX, trainY] = pixelFeatures(*train_);
  const auto [testX, testY] = pixelFeatures(*test_);
  return scoreFeatures(trainX, trainY, testX, testY, train_->numClasses(), settings_);
}

}  // namespace folk
