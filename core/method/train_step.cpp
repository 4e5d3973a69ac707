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
#include "core/method/ema.h"
#include "core/method/losses.h"
#include "core/method/sinkhorn_knopp.h"
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
  torch::Tensor total;           // this shard's share of the step's loss (with graph when keepGraph)
  torch::Tensor distill;         // detached shares
  torch::Tensor reconstruction;
  torch::Tensor teacherLogits;   // (2n, K) for the centre; undefined without distillation
  torch::Tensor teacherEntropySum;   // sum over the 2n rows of H(teacher probabilities), detached
  torch::Tensor teacherArgmax;       // (2n,) the most probable prototype of each teacher output
  std::vector<torch::Tensor> grads;  // of trainableParameters(), when computed here (keepGraph false)
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
  const auto& o = method.objective;
  const double peakLr = p.baseLr * p.batchSize / 256.0;
  lr_ = {peakLr, p.minLr, total, roundSteps(p.warmupEpochs, method.stepsPerEpoch), 0.0};
  weightDecay_ = {p.weightDecay, p.weightDecayEnd, total, 0, p.weightDecay};
  momentum_ = {o.momentum, o.momentumEnd, total, 0, o.momentum};
  teacherTemp_ = {o.warmupTeacherTemp, o.teacherTemp, roundSteps(o.warmupTeacherTempEpochs, method.stepsPerEpoch)};

  student_ = makeBackbone(model);
  student_->to(device);
  if (traits_.distill) {
    studentProjection_ = makeProjectionHead(model, student_->featureDim());
    studentProjection_->to(device);
    // The teacher averages the student's weights and never drops a path.
    ModelConfig teacherModel = model;
    teacherModel.dropPath = 0.0;
    teacher_ = makeBackbone(teacherModel);
    teacherProjection_ = makeProjectionHead(model, student_->featureDim());
    teacher_->to(device);
    teacherProjection_->to(device);
    copyModuleState(*teacher_, *student_);
    copyModuleState(*teacherProjection_, *studentProjection_);
    for (auto& p : teacher_->parameters()) p.set_requires_grad(false);
    for (auto& p : teacherProjection_->parameters()) p.set_requires_grad(false);
    center_ = torch::zeros({1, model.prototypes}, torch::TensorOptions().device(device));
    prototypeLastUsed_ = torch::full({model.prototypes}, -1, torch::kLong);
  }
  if (traits_.reconstruct) {
    reconstruction_ = makeReconstructionHead(model, *student_);
    reconstruction_->to(device);
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
  if (studentProjection_) sort(*studentProjection_);
  if (reconstruction_) sort(*reconstruction_);
  std::vector<torch::optim::OptimizerParamGroup> groups;
  groups.emplace_back(decay, std::make_unique<torch::optim::AdamWOptions>(
                                 torch::optim::AdamWOptions(peakLr).weight_decay(p.weightDecay)));
  groups.emplace_back(noDecay,
                      std::make_unique<torch::optim::AdamWOptions>(torch::optim::AdamWOptions(peakLr).weight_decay(0.0)));
  optimizer_ = std::make_unique<torch::optim::AdamW>(std::move(groups), torch::optim::AdamWOptions(peakLr));
}

std::vector<torch::Tensor> TrainStep::trainableParameters() const {
  auto params = student_->parameters();
  auto append = [&](const std::vector<torch::Tensor>& more) { params.insert(params.end(), more.begin(), more.end()); };
  if (studentProjection_) append(studentProjection_->parameters());
  if (reconstruction_) append(reconstruction_->parameters());
  return params;
}

StepMetrics TrainStep::step(const torch::Tensor& view1, const torch::Tensor& view2, std::int64_t globalStep,
                            const std::vector<torch::Tensor>& localViews) {
  if (view1.dim() != 4 || view1.sizes() != view2.sizes()) {
    throw std::invalid_argument("TrainStep: the two views must be (B, C, H, W) batches of the same shape, got " +
                                c10::str(view1.sizes()) + " and " + c10::str(view2.sizes()));
  }
  const auto batch = view1.size(0);
  if (!localViews.empty() && !traits_.distill) {
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
  const double teacherTemp = traits_.distill ? teacherTemp_.at(globalStep) : 0.0;
  if (traits_.distill) v[StepMetric::TeacherTemp] = teacherTemp;
  // The reconstruction loss of each view is normalised by the removed entries of the whole batch,
  // so that shards add up to exactly the unsharded loss.
  torch::Tensor removedCounts;
  if (traits_.reconstruct) {
    removedCounts = torch::stack({removedEntryCount(prepared.masks.slice(0, 0, batch), views.size(1)),
                                  removedEntryCount(prepared.masks.slice(0, batch, 2 * batch), views.size(1))})
                        .to(device_);
    if (world > 1) {
      std::vector<torch::Tensor> counts{removedCounts};
      communicator_->allReduceSum(counts);
      removedCounts = counts[0];
    }
    removedCounts = removedCounts.clamp_min(1.0);
  }

  student_->train();
  if (teacher_) teacher_->train();  // BatchNorm (ResNet) normalises with the teacher's own batch statistics, as in DINO
  optimizer_->zero_grad();
  TeacherPass teacherPass;
  if (traits_.distill && methodConfig_.objective.centering == "sinkhorn-knopp") {
    teacherPass = sinkhornKnoppTeacher(prepared.teacherInput, teacherTemp);
  }
  const int shards = static_cast<int>(std::min<std::int64_t>(shards_, batch));
  std::vector<ShardResult> results(shards);
  if (shards == 1) {
    results[0] =
        computeShard(prepared, locals, 0, batch, batch, teacherTemp, removedCounts, teacherPass, /*keepGraph=*/true);
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
        results[s] = computeShard(prepared, locals, batch * s / shards, batch * (s + 1) / shards, batch, teacherTemp,
                                  removedCounts, teacherPass, /*keepGraph=*/false);
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
  torch::Tensor total = results[0].total.detach(), distill = results[0].distill, reconstructionLoss = results[0].reconstruction;
  for (int s = 1; s < shards; ++s) {
    total = total + results[s].total.detach();
    distill = distill + results[s].distill;
    reconstructionLoss = reconstructionLoss + results[s].reconstruction;
  }
  torch::Tensor teacherLogits, entropySum, prototypeHits;
  if (traits_.distill) {
    std::vector<torch::Tensor> logits, argmaxes;
    entropySum = results[0].teacherEntropySum;
    for (int s = 0; s < shards; ++s) {
      logits.push_back(results[s].teacherLogits);
      argmaxes.push_back(results[s].teacherArgmax);
      if (s > 0) entropySum = entropySum + results[s].teacherEntropySum;
    }
    teacherLogits = torch::cat(logits, 0);
    prototypeHits = torch::bincount(torch::cat(argmaxes, 0), /*weights=*/{}, modelConfig_.prototypes)
                        .to(torch::kFloat32);
  }
  // Teacher rows of the global batch, for the mean entropy.
  const double teacherRows = static_cast<double>(2 * batch * world);
  if (world > 1) {
    // One collective for the gradients, the loss terms and the teacher-logit sum (the centre uses
    // the mean over the global batch, as in DINO). Each rank's loss terms are its share of the
    // global loss (distillation scaled by 1/W, reconstruction normalised by global counts), so sums
    // are right for all of them.
    std::vector<torch::Tensor> reduced;
    for (auto& p : trainableParameters()) reduced.push_back(p.grad());
    const auto gradients = reduced.size();
    const auto entropyTerm = entropySum.defined() ? entropySum : torch::zeros_like(total);
    reduced.push_back(torch::stack({total, distill, reconstructionLoss, entropyTerm.to(total.device())})
                          .to(torch::kFloat64));
    if (teacherLogits.defined()) {
      reduced.push_back(teacherLogits.sum(0, /*keepdim=*/true));
      reduced.push_back(prototypeHits);
    }
    communicator_->allReduceSum(reduced);
    total = reduced[gradients][0];
    distill = reduced[gradients][1];
    reconstructionLoss = reduced[gradients][2];
    if (teacherLogits.defined()) {
      entropySum = reduced[gradients][3];
      teacherLogits = reduced[gradients + 1] / static_cast<double>(teacherLogits.size(0) * world);
      prototypeHits = reduced[gradients + 2];
    }
  }
  v[StepMetric::Total] = total.item<double>();
  v[StepMetric::Distill] = distill.item<double>();
  v[StepMetric::Reconstruction] = reconstructionLoss.item<double>();
  const double maxNorm =
      methodConfig_.optimisation.clipGrad > 0.0 ? methodConfig_.optimisation.clipGrad
                                              : std::numeric_limits<double>::infinity();
  v[StepMetric::GradNorm] = torch::nn::utils::clip_grad_norm_(trainableParameters(), maxNorm);
  // Detected before the centre, the optimiser or the teacher move, so a bad batch leaves no trace.
  if (!std::isfinite(v[StepMetric::Distill])) {
    m.fault = "distillation loss";
  } else if (!std::isfinite(v[StepMetric::Reconstruction])) {
    m.fault = "reconstruction loss";
  } else if (!std::isfinite(v[StepMetric::GradNorm])) {
    m.fault = "gradients";
  }
  if (!m.fault.empty()) {
    optimizer_->zero_grad();
    return m;
  }
  if (traits_.distill) {
    // The distillation loss is the mean cross-entropy over the same teacher rows, so the KL divergence
    // of the student from the teacher is that loss minus the teacher's mean entropy.
    v[StepMetric::TeacherEntropy] = entropySum.item<double>() / teacherRows;
    v[StepMetric::StudentTeacherKl] = v[StepMetric::Distill] - v[StepMetric::TeacherEntropy];
    center_ = updatedCenter(center_, teacherLogits, methodConfig_.objective.centerMomentum);
    v[StepMetric::CenterNorm] = center_.norm().item<double>();
    prototypeLastUsed_.masked_fill_(prototypeHits.to(prototypeLastUsed_.device()) > 0, globalStep);
    v[StepMetric::PrototypesUsed] =
        ((prototypeLastUsed_ >= 0) & (prototypeLastUsed_ > globalStep - kPrototypeUsageWindowSteps))
            .sum()
            .item<double>();
  }
  if (studentProjection_ &&
      static_cast<double>(globalStep) < methodConfig_.optimisation.freezeLastLayerEpochs * methodConfig_.stepsPerEpoch) {
    // An undefined gradient makes AdamW skip the prototypes entirely (no decay, no moment update),
    // which is DINO's "cancel_gradients_last_layer".
    studentProjection_->lastLayerDirection().mutable_grad() = torch::Tensor();
  }
  optimizer_->step();

  if (teacher_) {
    v[StepMetric::Momentum] = momentum_.at(globalStep);
    emaUpdate(*teacher_, *student_, v[StepMetric::Momentum]);
    emaUpdate(*teacherProjection_, *studentProjection_, v[StepMetric::Momentum]);
  }
  return m;
}


TrainStep::TeacherPass TrainStep::sinkhornKnoppTeacher(const torch::Tensor& teacherInput, double teacherTemp) {
  torch::NoGradGuard noGrad;
  TeacherPass pass;
  {
    AutocastScope autocast(device_, methodConfig_.bf16);
    pass.logits = teacherProjection_->forward(teacher_->forward(teacherInput).features).to(torch::kFloat32);
  }
  const int world = communicator_ ? communicator_->worldSize() : 1;
  GlobalSum globalSum;
  if (world > 1) {
    globalSum = [this](const torch::Tensor& t) {
      std::vector<torch::Tensor> sum{t.clone()};
      communicator_->allReduceSum(sum);
      return sum[0];
    };
  }
  pass.probs = sinkhornKnoppTargets(pass.logits, teacherTemp, kSinkhornKnoppIterations, globalSum, world);
  return pass;
}

// Images [begin, end) of every view: rows [v·batch + begin, v·batch + end) of the 2B global batch
// and of the M·B local batch. Each share is scaled so that the shards of one step add up to the
// whole batch's loss.
TrainStep::ShardResult TrainStep::computeShard(const PreparedViews& prepared, const PreparedViews& locals,
                                               std::int64_t begin, std::int64_t end, std::int64_t batch,
                                               double teacherTemp, const torch::Tensor& removedCounts,
                                               const TeacherPass& teacherPass, bool keepGraph) {
  const bool whole = begin == 0 && end == batch;
  auto rows = [&](const torch::Tensor& t) {
    if (whole) return t;
    std::vector<torch::Tensor> parts;
    for (std::int64_t v = 0; v < t.size(0) / batch; ++v) parts.push_back(t.slice(0, v * batch + begin, v * batch + end));
    return torch::cat(parts, 0);
  };
  const auto n = end - begin;
  const auto studentInput = rows(prepared.studentInput);
  const auto teacherInput = rows(prepared.teacherInput);
  ShardResult r;
  // The networks run under bf16 autocast when configured; their outputs come back as float32, so
  // the losses (softmax cross-entropy, the FFT of the reconstruction) are computed in float32.
  torch::Tensor studentLogits, predicted;
  {
    AutocastScope autocast(device_, methodConfig_.bf16);
    auto studentOut = student_->forward(studentInput);
    if (traits_.distill) {
      if (teacherPass.logits.defined()) {
        r.teacherLogits = rows(teacherPass.logits);
      } else {
        torch::NoGradGuard noGrad;
        r.teacherLogits = teacherProjection_->forward(teacher_->forward(teacherInput).features).to(torch::kFloat32);
      }
      studentLogits = studentProjection_->forward(studentOut.features).to(torch::kFloat32);
      if (locals.studentInput.defined()) {
        // A second pass at the local crops' smaller size (DINO groups its crops by resolution).
        const auto localOut = student_->forward(rows(locals.studentInput));
        studentLogits =
            torch::cat({studentLogits, studentProjection_->forward(localOut.features).to(torch::kFloat32)}, 0);
      }
    }
    if (traits_.reconstruct) predicted = reconstruction_->forward(studentOut.patchMap).to(torch::kFloat32);
  }
  auto distill = torch::zeros({}, studentInput.options());
  auto reconstruction = torch::zeros({}, studentInput.options());
  if (traits_.distill) {
    TeacherOutputStats stats;
    if (teacherPass.probs.defined()) {
      const auto targets = rows(teacherPass.probs);
      distill = distillationCrossEntropy(studentLogits, targets, methodConfig_.objective.studentTemp);
      stats = teacherTargetStats(targets);
    } else {
      distill = dinoDistillationLoss(studentLogits, r.teacherLogits, center_, methodConfig_.objective.studentTemp,
                                     teacherTemp);
      stats = teacherOutputStats(r.teacherLogits, center_, teacherTemp);
    }
    r.teacherEntropySum = stats.entropySum;
    r.teacherArgmax = stats.argmax;
    // This shard's share of the global batch: n of `batch` rows here, on one of `world` ranks.
    const int world = communicator_ ? communicator_->worldSize() : 1;
    if (!whole || world > 1) {
      distill = distill * (static_cast<double>(n) / static_cast<double>(batch) / static_cast<double>(world));
    }
  }
  if (traits_.reconstruct) {
    const auto masks = rows(prepared.masks);
    // Averaged over the two views, each the mean over its own removed frequencies.
    auto view = [&](const torch::Tensor& t, int i) { return t.slice(0, i * n, (i + 1) * n); };
    reconstruction = 0.5 * (frequencyReconstructionError(view(predicted, 0), view(teacherInput, 0), view(masks, 0)) /
                                removedCounts[0] +
                            frequencyReconstructionError(view(predicted, 1), view(teacherInput, 1), view(masks, 1)) /
                                removedCounts[1]);
  }
  r.total = distill + methodConfig_.objective.reconstructionWeight * reconstruction;
  r.distill = distill.detach();
  r.reconstruction = reconstruction.detach();
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
  if (teacher_) append(*teacher_);
  if (studentProjection_) append(*studentProjection_);
  if (teacherProjection_) append(*teacherProjection_);
  if (reconstruction_) append(*reconstruction_);
  if (center_.defined()) state.push_back(center_);
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
  if (teacher_) writeModule("teacher", *teacher_);
  if (studentProjection_) writeModule("student_projection", *studentProjection_);
  if (teacherProjection_) writeModule("teacher_projection", *teacherProjection_);
  if (reconstruction_) writeModule("reconstruction", *reconstruction_);
  torch::serialize::OutputArchive optimizerArchive;
  optimizer_->save(optimizerArchive);
  archive.write("optimizer", optimizerArchive);
  if (center_.defined()) archive.write("center", center_, /*is_buffer=*/true);
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
    if (teacher_) readModule("teacher", *teacher_);
    if (studentProjection_) readModule("student_projection", *studentProjection_);
    if (teacherProjection_) readModule("teacher_projection", *teacherProjection_);
    if (reconstruction_) readModule("reconstruction", *reconstruction_);
    torch::serialize::InputArchive optimizerArchive;
    archive.read("optimizer", optimizerArchive);
    optimizer_->load(optimizerArchive);
    if (center_.defined()) {
      torch::Tensor center;
      archive.read("center", center, /*is_buffer=*/true);
      if (center.sizes() != center_.sizes()) throw std::runtime_error("centre has shape " + c10::str(center.sizes()));
      center_ = center.to(device_);
    }
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
