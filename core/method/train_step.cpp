#include "core/method/train_step.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <mutex>
#include <sstream>
#include <stdexcept>

#include "core/io/settings_registry.h"
#include "core/method/autocast_scope.h"
#include "core/util/atomic_file.h"
#include "core/util/torch_threads.h"

namespace folk {

namespace {

constexpr const char* kFormat = "folk-train-step-1";

bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::int64_t roundSteps(double epochs, std::int64_t stepsPerEpoch) {
  return static_cast<std::int64_t>(std::llround(epochs * static_cast<double>(stepsPerEpoch)));
}

torch::optim::AdamWOptions& adamwOptions(torch::optim::OptimizerParamGroup& group) {
  return static_cast<torch::optim::AdamWOptions&>(group.options());
}

std::string readString(torch::serialize::InputArchive& archive, const std::string& key, const std::string& path) {
  c10::IValue value;
  if (!archive.try_read(key, value) || !value.isString()) {
    throw std::runtime_error(path + ": not a FOLK training-step checkpoint (no '" + key + "' entry)");
  }
  return value.toStringRef();
}

// at::globalContext()'s oneDNN switch, restored on scope exit.
class MkldnnDisabledScope {
 public:
  MkldnnDisabledScope() : previous_(at::globalContext().userEnabledMkldnn()) {
    at::globalContext().setUserEnabledMkldnn(false);
  }
  ~MkldnnDisabledScope() { at::globalContext().setUserEnabledMkldnn(previous_); }
  MkldnnDisabledScope(const MkldnnDisabledScope&) = delete;
  MkldnnDisabledScope& operator=(const MkldnnDisabledScope&) = delete;

 private:
  bool previous_;
};

}  // namespace

struct TrainStep::ShardResult {
  torch::Tensor total;                // this shard's share of the step's loss (with graph when keepGraph)
  std::vector<TermShard> terms;       // per loss term: its share (detached) and statistics
  std::vector<torch::Tensor> grads;   // of trainableParameters(), when computed here (keepGraph false)
};

MethodConfig::MethodConfig(const TrainConfig& config, std::int64_t stepsPerEpoch_)
    : objective(config.objective),
      masks(config.masks),
      optimisation(config.optimisation),
      epochs(config.optimisation.epochs),
      stepsPerEpoch(stepsPerEpoch_),
      maskSeed(config.seed),
      bf16(config.device.precision == "bf16") {}

ViewFilterSettings MethodConfig::filter() const {
  ViewFilterSettings f;
  f.sampling.pCom = masks.pCom;
  f.sampling.ratios = masks.ratios;
  f.radius = masks.radius;
  f.pLowPass = masks.pLowPass;
  return f;
}

std::string validateMethodConfig(const MethodConfig& c) {
  if (c.epochs <= 0) return "epochs must be positive (got " + std::to_string(c.epochs) + ")";
  if (c.stepsPerEpoch <= 0) return "steps per epoch must be positive (got " + std::to_string(c.stepsPerEpoch) + ")";
  TrainConfig settings;
  settings.objective = c.objective;
  settings.masks = c.masks;
  settings.optimisation = c.optimisation;
  for (const auto& setting : settingsRegistry()) {
    const auto& key = setting.key;
    if (key.rfind("objective.", 0) != 0 && key.rfind("masks.", 0) != 0 && key.rfind("optimisation.", 0) != 0) continue;
    if (const auto problems = setting.problems(settings); !problems.empty()) return problems.front();
  }
  return {};
}

TrainStep::TrainStep(const ModelConfig& model, const MethodConfig& method, torch::Device device)
    : modelConfig_(model),
      methodConfig_(method),
      traits_(objectiveTraits(parseObjective(method.objective.name).value_or(Objective::Folk))),
      device_(device),
      maskGenerator_(at::make_generator<at::CPUGeneratorImpl>(method.maskSeed)) {
  if (auto problem = validateModelConfig(model); !problem.empty()) throw std::invalid_argument("model config: " + problem);
  if (auto problem = validateMethodConfig(method); !problem.empty()) {
    throw std::invalid_argument("method config: " + problem);
  }
  const auto total = method.epochs * method.stepsPerEpoch;
  const auto& p = method.optimisation;
  const double peakLr = p.baseLr * p.batchSize / 256.0;
  lr_ = {peakLr, p.minLr, total, roundSteps(p.warmupEpochs, method.stepsPerEpoch), 0.0};
  weightDecay_ = {p.weightDecay, p.weightDecayEnd, total, 0, p.weightDecay};

  student_ = makeBackbone(model);
  student_->to(device);
  terms_ = makeLossTerms(traits_, model, method, student_, device);
  for (auto& term : terms_) {
    if (auto* d = dynamic_cast<DistillationTerm*>(term.get())) distillation_ = d;
    if (auto* r = dynamic_cast<ReconstructionTerm*>(term.get())) reconstruction_ = r;
  }

  // DINO's groups: biases and 1-D parameters (norms) are not decayed.
  std::vector<torch::Tensor> decay, noDecay;
  auto sort = [&](const torch::nn::Module& module) {
    for (const auto& p : module.named_parameters()) {
      const bool exempt = p.value().dim() <= 1 || endsWith(p.key(), ".bias") || p.key() == "bias";
      (exempt ? noDecay : decay).push_back(p.value());
    }
  };
  sort(*student_);
  for (auto& term : terms_)
    for (torch::nn::Module* module : term->trainableModules()) sort(*module);
  std::vector<torch::optim::OptimizerParamGroup> groups;
  groups.emplace_back(decay, std::make_unique<torch::optim::AdamWOptions>(
                                 torch::optim::AdamWOptions(peakLr).weight_decay(p.weightDecay)));
  groups.emplace_back(noDecay,
                      std::make_unique<torch::optim::AdamWOptions>(torch::optim::AdamWOptions(peakLr).weight_decay(0.0)));
  optimizer_ = std::make_unique<torch::optim::AdamW>(std::move(groups), torch::optim::AdamWOptions(peakLr));
}

std::vector<torch::Tensor> TrainStep::trainableParameters() const {
  auto params = student_->parameters();
  for (const auto& term : terms_) {
    for (torch::nn::Module* module : term->trainableModules()) {
      const auto more = module->parameters();
      params.insert(params.end(), more.begin(), more.end());
    }
  }
  return params;
}

double TrainStep::momentumAt(std::int64_t step) const { return distillation_ ? distillation_->momentumAt(step) : 0.0; }
double TrainStep::teacherTempAt(std::int64_t step) const {
  return distillation_ ? distillation_->teacherTempAt(step) : 0.0;
}
Backbone TrainStep::teacher() const { return distillation_ ? distillation_->teacher() : Backbone(); }
ProjectionHead TrainStep::studentProjection() const {
  return distillation_ ? distillation_->studentProjection() : ProjectionHead(nullptr);
}
ProjectionHead TrainStep::teacherProjection() const {
  return distillation_ ? distillation_->teacherProjection() : ProjectionHead(nullptr);
}
ReconstructionHead TrainStep::reconstruction() const {
  return reconstruction_ ? reconstruction_->head() : ReconstructionHead(nullptr);
}
torch::Tensor TrainStep::center() const { return distillation_ ? distillation_->center() : torch::Tensor(); }

StepMetrics TrainStep::step(const torch::Tensor& view1, const torch::Tensor& view2, std::int64_t globalStep,
                            const std::vector<torch::Tensor>& localViews) {
  if (view1.dim() != 4 || view1.sizes() != view2.sizes()) {
    throw std::invalid_argument("TrainStep: the two views must be (B, C, H, W) batches of the same shape, got " +
                                c10::str(view1.sizes()) + " and " + c10::str(view2.sizes()));
  }
  const auto batch = view1.size(0);
  const bool localsSeen = std::any_of(terms_.begin(), terms_.end(), [](const auto& t) { return t->seesLocalCrops(); });
  if (!localViews.empty() && !localsSeen) {
    throw std::invalid_argument("TrainStep: local crops are seen by the student and supervised by the teacher; "
                                "objective '" + methodConfig_.objective.name +
                                "' has no teacher (use folk, folk-fixed or dino, or no local crops)");
  }
  for (const auto& local : localViews) {
    if (local.dim() != 4 || local.size(0) != batch || local.size(1) != view1.size(1) ||
        local.size(2) != local.size(3) || local.sizes() != localViews.front().sizes()) {
      throw std::invalid_argument("TrainStep: local crops must be square (B, C, s, s) batches of one size with the "
                                  "views' B and C, got " + c10::str(local.sizes()) + " for views " +
                                  c10::str(view1.sizes()));
    }
  }
  StepMetrics m;
  auto& v = m.values;
  m.step = globalStep;
  m.epoch = globalStep / methodConfig_.stepsPerEpoch;
  v[StepMetric::Lr] = lr_.at(globalStep);
  v[StepMetric::WeightDecay] = weightDecay_.at(globalStep);
  adamwOptions(optimizer_->param_groups()[0]).lr(v[StepMetric::Lr]).weight_decay(v[StepMetric::WeightDecay]);
  adamwOptions(optimizer_->param_groups()[1]).lr(v[StepMetric::Lr]);

  // Both views go through each network as one batch of 2B (as DINO does with same-size crops).
  // On a GPU the (pinned, see LoaderOptions::pinMemory) views are copied asynchronously, each
  // straight to the device, and joined there.
  const bool async = device_.is_cuda();
  auto views = torch::cat({view1.to(device_, torch::kFloat32, async), view2.to(device_, torch::kFloat32, async)}, 0);
  const int world = communicator_ ? communicator_->worldSize() : 1;
  DrawRows draw;
  if (world > 1) {
    // Row i of this rank's view v is row v·B·W + i·W + rank of the global two-view batch.
    const auto rows = torch::arange(batch, torch::kLong) * world + communicator_->rank();
    draw.total = 2 * batch * world;
    draw.rows = torch::cat({rows, rows + batch * world});
  }
  auto prepared =
      prepareViews(views, traits_.filter, methodConfig_.filter(), methodConfig_.normalization, maskGenerator_, draw);
  // The local crops are filtered like the student's global views, their masks drawn after the
  // global views' (so the global views' masks do not depend on the number of local crops).
  PreparedViews locals;
  const auto localCount = static_cast<std::int64_t>(localViews.size());
  if (localCount > 0) {
    std::vector<torch::Tensor> onDevice;
    for (const auto& local : localViews) onDevice.push_back(local.to(device_, torch::kFloat32, async));
    DrawRows localDraw;
    if (world > 1) {
      // Row i of this rank's local crop j is row j·B·W + i·W + rank of the global local batch.
      const auto rows = torch::arange(batch, torch::kLong) * world + communicator_->rank();
      std::vector<torch::Tensor> all;
      for (std::int64_t j = 0; j < localCount; ++j) all.push_back(rows + j * batch * world);
      localDraw.total = localCount * batch * world;
      localDraw.rows = torch::cat(all);
    }
    locals = prepareViews(torch::cat(onDevice, 0), traits_.filter, methodConfig_.filter(), methodConfig_.normalization,
                          maskGenerator_, localDraw);
  }

  StepContext context;
  context.globalStep = globalStep;
  context.batch = batch;
  context.world = world;
  context.views = &prepared;
  context.locals = &locals;
  context.communicator = communicator_.get();
  context.values = &v;
  student_->train();
  optimizer_->zero_grad();
  for (auto& term : terms_) term->beginStep(context);
  const int shards = static_cast<int>(std::min<std::int64_t>(shards_, batch));
  std::vector<ShardResult> results(shards);
  if (shards == 1) {
    results[0] = computeShard(prepared, locals, 0, batch, batch, /*keepGraph=*/true);
    results[0].total.backward();
  } else {
    BlasThreadsScope oneBlasThread(1);
    // oneDNN's JIT convolutions (the patch embedding) synchronise their OpenMP threads with spin
    // barriers sized by omp_get_max_threads(); inside a parallel region the team is smaller and
    // they spin forever. ATen's own convolution has no such barrier.
    MkldnnDisabledScope noOneDnn;
    // Inside an OpenMP parallel region ATen runs every op single-threaded, so the shards share the
    // cores without a second level of threads. Grad mode is thread-local: enable it per worker.
    at::parallel_for(0, shards, 1, [&](std::int64_t first, std::int64_t last) {
      torch::AutoGradMode enableGrad(true);
      for (auto s = first; s < last; ++s) {
        results[s] = computeShard(prepared, locals, batch * s / shards, batch * (s + 1) / shards, batch,
                                  /*keepGraph=*/false);
      }
    });
    auto params = trainableParameters();
    for (size_t i = 0; i < params.size(); ++i) {
      torch::Tensor sum;
      for (const auto& r : results) {
        if (r.grads[i].defined()) sum = sum.defined() ? sum + r.grads[i] : r.grads[i];
      }
      params[i].mutable_grad() = sum;
    }
  }
  // Per term: its loss and statistics summed over the shards, in shard order.
  torch::Tensor total = results[0].total.detach();
  std::vector<torch::Tensor> losses;
  std::vector<std::vector<torch::Tensor>> statistics;
  for (std::size_t t = 0; t < terms_.size(); ++t) {
    losses.push_back(results[0].terms[t].loss);
    statistics.push_back(results[0].terms[t].statistics);
  }
  for (int s = 1; s < shards; ++s) {
    total = total + results[s].total.detach();
    for (std::size_t t = 0; t < terms_.size(); ++t) {
      losses[t] = losses[t] + results[s].terms[t].loss;
      for (std::size_t k = 0; k < statistics[t].size(); ++k)
        statistics[t][k] = statistics[t][k] + results[s].terms[t].statistics[k];
    }
  }
  if (world > 1) {
    // One collective for the gradients, the loss terms and the terms' statistics. Each rank's loss
    // terms are its share of the global loss, so sums are right for all of them.
    std::vector<torch::Tensor> reduced;
    for (auto& p : trainableParameters()) reduced.push_back(p.grad());
    const auto gradients = reduced.size();
    std::vector<torch::Tensor> lossValues{total};
    for (const auto& l : losses) lossValues.push_back(l.to(total.device()));
    reduced.push_back(torch::stack(lossValues).to(torch::kFloat64));
    for (const auto& termStatistics : statistics) reduced.insert(reduced.end(), termStatistics.begin(), termStatistics.end());
    communicator_->allReduceSum(reduced);
    total = reduced[gradients][0];
    for (std::size_t t = 0; t < terms_.size(); ++t) losses[t] = reduced[gradients][t + 1];
    std::size_t next = gradients + 1;
    for (auto& termStatistics : statistics)
      for (auto& statistic : termStatistics) statistic = reduced[next++];
  }
  v[StepMetric::Total] = total.item<double>();
  // Terms the objective lacks report 0 (distillation for mfm, reconstruction for dino).
  v[StepMetric::Distill] = 0.0;
  v[StepMetric::Reconstruction] = 0.0;
  for (std::size_t t = 0; t < terms_.size(); ++t) v[terms_[t]->lossMetric()] = losses[t].item<double>();
  const double maxNorm =
      methodConfig_.optimisation.clipGrad > 0.0 ? methodConfig_.optimisation.clipGrad
                                              : std::numeric_limits<double>::infinity();
  v[StepMetric::GradNorm] = torch::nn::utils::clip_grad_norm_(trainableParameters(), maxNorm);
  // Detected before the centre, the optimiser or the teacher move, so a bad batch leaves no trace.
  for (const auto& term : terms_) {
    if (m.fault.empty() && !std::isfinite(v[term->lossMetric()])) m.fault = term->faultName();
  }
  if (m.fault.empty() && !std::isfinite(v[StepMetric::GradNorm])) m.fault = "gradients";
  if (!m.fault.empty()) {
    optimizer_->zero_grad();
    return m;
  }
  for (std::size_t t = 0; t < terms_.size(); ++t) terms_[t]->afterReduction(context, statistics[t]);
  for (auto& term : terms_) term->beforeOptimizerStep(globalStep);
  optimizer_->step();
  for (auto& term : terms_) term->afterOptimizerStep(context);
  return m;
}

// Images [begin, end) of every view: rows [v·batch + begin, v·batch + end) of the 2B global batch
// and of the M·B local batch. Each share is scaled so that the shards of one step add up to the
// whole batch's loss.
TrainStep::ShardResult TrainStep::computeShard(const PreparedViews& prepared, const PreparedViews& locals,
                                               std::int64_t begin, std::int64_t end, std::int64_t batch,
                                               bool keepGraph) {
  const bool whole = begin == 0 && end == batch;
  ShardContext shard;
  shard.begin = begin;
  shard.end = end;
  shard.batch = batch;
  shard.world = communicator_ ? communicator_->worldSize() : 1;
  shard.rows = [whole, begin, end, batch](const torch::Tensor& t) {
    if (whole) return t;
    std::vector<torch::Tensor> parts;
    for (std::int64_t v = 0; v < t.size(0) / batch; ++v) parts.push_back(t.slice(0, v * batch + begin, v * batch + end));
    return torch::cat(parts, 0);
  };
  shard.views = &prepared;
  shard.locals = &locals;
  shard.studentInput = shard.rows(prepared.studentInput);
  shard.teacherInput = shard.rows(prepared.teacherInput);
  {
    // The networks run under bf16 autocast when configured; their outputs come back as float32, so
    // the losses (softmax cross-entropy, the FFT of the reconstruction) are computed in float32.
    AutocastScope autocast(device_, methodConfig_.bf16);
    shard.studentOut = student_->forward(shard.studentInput);
  }
  ShardResult r;
  r.total = torch::zeros({}, shard.studentInput.options());
  for (auto& term : terms_) {
    TermShard part = term->shard(shard);
    r.total = r.total + term->weight() * part.loss;
    part.loss = part.loss.detach();
    r.terms.push_back(std::move(part));
  }
  if (!keepGraph) {
    r.grads = torch::autograd::grad({r.total}, trainableParameters(), /*grad_outputs=*/{}, /*retain_graph=*/false,
                                    /*create_graph=*/false, /*allow_unused=*/true);
  }
  return r;
}

void TrainStep::setCommunicator(std::shared_ptr<Communicator> communicator) {
  communicator_ = std::move(communicator);
}

void TrainStep::synchronizeReplicas() {
  if (!communicator_ || communicator_->worldSize() == 1) return;
  torch::NoGradGuard noGrad;
  std::vector<torch::Tensor> state;
  auto append = [&](const torch::nn::Module& module) {
    for (const auto& p : module.parameters()) state.push_back(p);
    for (const auto& b : module.buffers()) state.push_back(b);
  };
  append(*student_);
  for (auto& term : terms_) term->appendReplicaState(state);
  communicator_->broadcast(state, 0);
}

int TrainStep::setParallelShards(int shards) {
  shards_ = (device_.is_cpu() && isViT(modelConfig_.name)) ? std::max(1, shards) : 1;
  return shards_;
}

void TrainStep::save(const std::string& path) const {
  torch::serialize::OutputArchive archive;
  archive.write("format", c10::IValue(std::string(kFormat)));
  archive.write("objective", c10::IValue(methodConfig_.objective.name));
  archive.write("model", c10::IValue(modelConfig_.name));
  auto writeModule = [&](const char* key, const torch::nn::Module& module) {
    torch::serialize::OutputArchive nested;
    module.save(nested);
    archive.write(key, nested);
  };
  writeModule("student", *student_);
  for (const auto& term : terms_) term->save(archive);
  torch::serialize::OutputArchive optimizerArchive;
  optimizer_->save(optimizerArchive);
  archive.write("optimizer", optimizerArchive);
  {
    at::Generator generator = maskGenerator_;  // a handle sharing the state; mutex() is non-const
    std::lock_guard<std::mutex> lock(generator.mutex());
    archive.write("mask_generator", generator.get_state(), /*is_buffer=*/true);
  }
  std::ostringstream stream;
  archive.save_to(stream);
  writeFileAtomically(path, stream.str());
}

void TrainStep::load(const std::string& path) {
  torch::serialize::InputArchive archive;
  try {
    archive.load_from(path, device_);
  } catch (const c10::Error& e) {
    throw std::runtime_error(path + ": cannot read the training-step checkpoint: " + e.what_without_backtrace());
  }
  if (readString(archive, "format", path) != kFormat) {
    throw std::runtime_error(path + ": unsupported checkpoint format '" + readString(archive, "format", path) + "'");
  }
  const auto objective = readString(archive, "objective", path);
  const auto model = readString(archive, "model", path);
  if (objective != methodConfig_.objective.name || model != modelConfig_.name) {
    throw std::runtime_error(path + ": checkpoint is for objective '" + objective + "' and model '" + model +
                             "', not '" + methodConfig_.objective.name + "' and '" + modelConfig_.name + "'");
  }
  try {
    // Module::load silently resizes tensors of another shape (Tensor::set_), so shapes are checked.
    auto shapesOf = [](const torch::nn::Module& module) {
      std::vector<std::vector<int64_t>> shapes;
      for (const auto& t : module.parameters()) shapes.push_back(t.sizes().vec());
      for (const auto& t : module.buffers()) shapes.push_back(t.sizes().vec());
      return shapes;
    };
    auto readModule = [&](const char* key, torch::nn::Module& module) {
      torch::serialize::InputArchive nested;
      archive.read(key, nested);
      const auto expected = shapesOf(module);
      module.load(nested);
      if (shapesOf(module) != expected) {
        throw std::runtime_error(path + ": the checkpoint's '" + key +
                                 "' tensors have other shapes than this model config builds");
      }
    };
    readModule("student", *student_);
    for (auto& term : terms_) term->load(archive, readModule);
    torch::serialize::InputArchive optimizerArchive;
    archive.read("optimizer", optimizerArchive);
    optimizer_->load(optimizerArchive);
    torch::Tensor generatorState;
    archive.read("mask_generator", generatorState, /*is_buffer=*/true);
    std::lock_guard<std::mutex> lock(maskGenerator_.mutex());
    maskGenerator_.set_state(generatorState.cpu());
  } catch (const c10::Error& e) {
    throw std::runtime_error(path + ": checkpoint does not match this model / method config: " +
                             e.what_without_backtrace());
  }
}

}  // namespace folk
