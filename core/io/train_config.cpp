#include "core/io/train_config.h"

#include <cmath>
#include <filesystem>
#include <limits>
#include <type_traits>
#include <fstream>
#include <sstream>

#include "core/method/objective.h"
#include "core/model/feature_selection.h"
#include "core/util/atomic_file.h"

namespace folk {

using nlohmann::json;

TrainConfig defaultConfig() {
  TrainConfig c;  // the member initialisers are the defaults; the model ones are set here
  c.model.name = "vit-nano";
  c.model.imageSize = 28;
  // 7 px patches: 16 tokens per 28 px image, 2.9x the images/s of 4 px patches on a CPU, so a
  // default run sees 2 epochs in about 15 minutes on 2 cores (README "Learning in minutes").
  c.model.patchSize = 7;
  c.model.channels = 1;
  // Small data: fewer prototypes than the paper's 65536 so each one sees enough images.
  c.model.prototypes = 1024;
  c.data.augment.outputSize = 28;
  c.data.augment.channels = 1;
  c.data.augment.scaleMin = 0.5;
  // A short run, not the paper's hundreds of epochs: a higher learning rate with a short warm-up,
  // the prototypes free after a fifth of an epoch, the teacher temperature warmed up within the
  // first third of an epoch, and an evaluation every 250 steps so the k-NN curve shows learning.
  c.optimisation.epochs = 2;
  c.optimisation.baseLr = 1e-3;
  c.optimisation.warmupEpochs = 0.2;
  c.optimisation.freezeLastLayerEpochs = 0.2;
  c.objective.warmupTeacherTempEpochs = 0.3;
  c.evaluation.intervalSteps = 250;
  // The mean patch token carries most of what minutes of training change (measured; README).
  c.evaluation.features = "cls+patch-mean";
  return c;
}

namespace {

json augmentJson(const AugmentConfig& a) {
  return {{"scale_min", a.scaleMin},
          {"scale_max", a.scaleMax},
          {"ratio_min", a.ratioMin},
          {"ratio_max", a.ratioMax},
          {"flip_probability", a.flipProbability},
          {"jitter",
           {{"probability", a.jitter.probability},
            {"brightness", a.jitter.brightness},
            {"contrast", a.jitter.contrast},
            {"saturation", a.jitter.saturation},
            {"hue", a.jitter.hue}}},
          {"greyscale_probability", a.greyscaleProbability},
          {"blur_probability", a.blurProbability},
          {"blur_sigma_min", a.blurSigmaMin},
          {"blur_sigma_max", a.blurSigmaMax},
          {"solarize_probability", a.solarizeProbability}};
}

// Reads obj[key] as T; a type mismatch names the full key. nlohmann::json converts numbers freely
// (2.7 -> 2, -1 -> 18446744073709551615, 1e300 -> undefined), so integers are checked first: a
// config value that does not fit its setting is an error, never a silently different number.
template <typename T>
void read(const json& obj, const char* key, T& out, const std::string& where) {
  const auto fail = [&](const std::string& why) { throw ConfigError(where + "." + key + ": " + why); };
  try {
    const json& value = obj.at(key);
    if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
      if (!value.is_number_integer()) fail("expected a whole number, got " + value.dump());
      const bool fits = value.is_number_unsigned()
                            ? value.get<std::uint64_t>() <= static_cast<std::uint64_t>(std::numeric_limits<T>::max())
                            : (std::is_signed_v<T> || value.get<std::int64_t>() >= 0) &&
                                  value.get<std::int64_t>() >= static_cast<std::int64_t>(std::numeric_limits<T>::min()) &&
                                  (std::is_unsigned_v<T> || value.get<std::int64_t>() <=
                                                                static_cast<std::int64_t>(std::numeric_limits<T>::max()));
      if (!fits) fail(value.dump() + " is out of range for this setting");
    } else if constexpr (std::is_floating_point_v<T>) {
      if (!value.is_number()) fail("expected a number, got " + value.dump());
    }
    out = value.get<T>();
  } catch (const json::exception& e) {
    fail(e.what());
  }
}

// Every key of `given` must exist in `known` (the default config): a typo must not be ignored.
void checkKnownKeys(const json& given, const json& known, const std::string& where) {
  if (!given.is_object()) return;
  for (auto it = given.begin(); it != given.end(); ++it) {
    if (!known.contains(it.key())) {
      throw ConfigError(where + ": unknown key '" + it.key() + "'");
    }
    const auto& k = known.at(it.key());
    if (k.is_object()) {
      if (!it.value().is_object()) throw ConfigError(where + "." + it.key() + ": expected an object");
      checkKnownKeys(it.value(), k, where + "." + it.key());
    }
  }
}

// Overlays `patch` on `base`, object by object.
void overlay(json& base, const json& patch) {
  for (auto it = patch.begin(); it != patch.end(); ++it) {
    if (it.value().is_object() && base.contains(it.key()) && base[it.key()].is_object()) {
      overlay(base[it.key()], it.value());
    } else {
      base[it.key()] = it.value();
    }
  }
}

TrainConfig parseComplete(const json& j, const std::string& src) {
  TrainConfig c;
  read(j, "name", c.name, src);
  read(j, "seed", c.seed, src);
  read(j, "log_interval_steps", c.logIntervalSteps, src);
  read(j, "sample_interval_steps", c.sampleIntervalSteps, src);
  read(j, "init_from", c.initFrom, src);

  const auto& d = j.at("data");
  const auto ds = src + ".data";
  read(d, "path", c.data.path, ds);
  read(d, "format", c.data.format, ds);
  read(d, "train_subset", c.data.trainSubset, ds);
  read(d, "workers", c.data.workers, ds);
  read(d, "prefetch_batches", c.data.prefetchBatches, ds);
  read(d, "max_image_pixels", c.data.maxImagePixels, ds);
  read(d, "mean", c.data.mean, ds);
  read(d, "std", c.data.std, ds);
  const auto& a = d.at("augment");
  const auto as = ds + ".augment";
  auto& aug = c.data.augment;
  read(a, "scale_min", aug.scaleMin, as);
  read(a, "scale_max", aug.scaleMax, as);
  read(a, "ratio_min", aug.ratioMin, as);
  read(a, "ratio_max", aug.ratioMax, as);
  read(a, "flip_probability", aug.flipProbability, as);
  const auto& jit = a.at("jitter");
  read(jit, "probability", aug.jitter.probability, as + ".jitter");
  read(jit, "brightness", aug.jitter.brightness, as + ".jitter");
  read(jit, "contrast", aug.jitter.contrast, as + ".jitter");
  read(jit, "saturation", aug.jitter.saturation, as + ".jitter");
  read(jit, "hue", aug.jitter.hue, as + ".jitter");
  read(a, "greyscale_probability", aug.greyscaleProbability, as);
  read(a, "blur_probability", aug.blurProbability, as);
  read(a, "blur_sigma_min", aug.blurSigmaMin, as);
  read(a, "blur_sigma_max", aug.blurSigmaMax, as);
  read(a, "solarize_probability", aug.solarizeProbability, as);

  const auto& m = j.at("model");
  const auto ms = src + ".model";
  read(m, "name", c.model.name, ms);
  read(m, "image_size", c.model.imageSize, ms);
  read(m, "patch_size", c.model.patchSize, ms);
  read(m, "channels", c.model.channels, ms);
  read(m, "small_stem", c.model.smallStem, ms);
  read(m, "vit_dim", c.model.vitDim, ms);
  read(m, "vit_depth", c.model.vitDepth, ms);
  read(m, "vit_heads", c.model.vitHeads, ms);
  read(m, "prototypes", c.model.prototypes, ms);
  read(m, "head_hidden", c.model.headHidden, ms);
  read(m, "head_bottleneck", c.model.headBottleneck, ms);
  aug.outputSize = c.model.imageSize;
  aug.channels = c.model.channels;

  const auto& o = j.at("objective");
  const auto os = src + ".objective";
  read(o, "name", c.objective.name, os);
  read(o, "student_temp", c.objective.studentTemp, os);
  read(o, "teacher_temp", c.objective.teacherTemp, os);
  read(o, "warmup_teacher_temp", c.objective.warmupTeacherTemp, os);
  read(o, "warmup_teacher_temp_epochs", c.objective.warmupTeacherTempEpochs, os);
  read(o, "center_momentum", c.objective.centerMomentum, os);
  read(o, "reconstruction_weight", c.objective.reconstructionWeight, os);
  read(o, "momentum", c.objective.momentum, os);
  read(o, "momentum_end", c.objective.momentumEnd, os);

  const auto& k = j.at("masks");
  const auto ks = src + ".masks";
  read(k, "p_com", c.masks.pCom, ks);
  read(k, "ratios", c.masks.ratios, ks);
  read(k, "radius", c.masks.radius, ks);
  read(k, "p_low_pass", c.masks.pLowPass, ks);

  const auto& p = j.at("optimisation");
  const auto ps = src + ".optimisation";
  read(p, "batch_size", c.optimisation.batchSize, ps);
  read(p, "epochs", c.optimisation.epochs, ps);
  read(p, "steps", c.optimisation.steps, ps);
  read(p, "base_lr", c.optimisation.baseLr, ps);
  read(p, "min_lr", c.optimisation.minLr, ps);
  read(p, "warmup_epochs", c.optimisation.warmupEpochs, ps);
  read(p, "weight_decay", c.optimisation.weightDecay, ps);
  read(p, "weight_decay_end", c.optimisation.weightDecayEnd, ps);
  read(p, "clip_grad", c.optimisation.clipGrad, ps);
  read(p, "max_bad_steps", c.optimisation.maxBadSteps, ps);
  read(p, "freeze_last_layer_epochs", c.optimisation.freezeLastLayerEpochs, ps);

  const auto& e = j.at("evaluation");
  const auto es = src + ".evaluation";
  read(e, "interval_steps", c.evaluation.intervalSteps, es);
  read(e, "at_end", c.evaluation.atEnd, es);
  read(e, "protocol", c.evaluation.protocol, es);
  read(e, "split", c.evaluation.split, es);
  read(e, "k", c.evaluation.k, es);
  read(e, "temperature", c.evaluation.temperature, es);
  read(e, "train_samples", c.evaluation.trainSamples, es);
  read(e, "test_samples", c.evaluation.testSamples, es);
  read(e, "linear_epochs", c.evaluation.linearEpochs, es);
  read(e, "linear_lr", c.evaluation.linearLr, es);
  read(e, "few_shot_fractions", c.evaluation.fewShotFractions, es);
  read(e, "few_shot_draws", c.evaluation.fewShotDraws, es);
  read(e, "random_baseline", c.evaluation.randomBaseline, es);
  read(e, "raw_baseline", c.evaluation.rawBaseline, es);
  read(e, "batch_size", c.evaluation.batchSize, es);
  read(e, "features", c.evaluation.features, es);

  read(j.at("device"), "device", c.device.device, src + ".device");
  read(j.at("device"), "threads", c.device.threads, src + ".device");
  read(j.at("device"), "precision", c.device.precision, src + ".device");
  read(j.at("checkpoint"), "interval_steps", c.checkpoint.intervalSteps, src + ".checkpoint");
  read(j.at("checkpoint"), "keep_last", c.checkpoint.keepLast, src + ".checkpoint");
  return c;
}

}  // namespace

json toJson(const TrainConfig& c) {
  const auto& m = c.model;
  const auto& o = c.objective;
  const auto& p = c.optimisation;
  const auto& e = c.evaluation;
  return {{"name", c.name},
          {"seed", c.seed},
          {"log_interval_steps", c.logIntervalSteps},
          {"sample_interval_steps", c.sampleIntervalSteps},
          {"init_from", c.initFrom},
          {"data",
           {{"path", c.data.path},
            {"format", c.data.format},
            {"train_subset", c.data.trainSubset},
            {"workers", c.data.workers},
            {"prefetch_batches", c.data.prefetchBatches},
            {"max_image_pixels", c.data.maxImagePixels},
            {"mean", c.data.mean},
            {"std", c.data.std},
            {"augment", augmentJson(c.data.augment)}}},
          {"model",
           {{"name", m.name},
            {"image_size", m.imageSize},
            {"patch_size", m.patchSize},
            {"channels", m.channels},
            {"small_stem", m.smallStem},
            {"vit_dim", m.vitDim},
            {"vit_depth", m.vitDepth},
            {"vit_heads", m.vitHeads},
            {"prototypes", m.prototypes},
            {"head_hidden", m.headHidden},
            {"head_bottleneck", m.headBottleneck}}},
          {"objective",
           {{"name", o.name},
            {"student_temp", o.studentTemp},
            {"teacher_temp", o.teacherTemp},
            {"warmup_teacher_temp", o.warmupTeacherTemp},
            {"warmup_teacher_temp_epochs", o.warmupTeacherTempEpochs},
            {"center_momentum", o.centerMomentum},
            {"reconstruction_weight", o.reconstructionWeight},
            {"momentum", o.momentum},
            {"momentum_end", o.momentumEnd}}},
          {"masks",
           {{"p_com", c.masks.pCom},
            {"ratios", c.masks.ratios},
            {"radius", c.masks.radius},
            {"p_low_pass", c.masks.pLowPass}}},
          {"optimisation",
           {{"batch_size", p.batchSize},
            {"epochs", p.epochs},
            {"steps", p.steps},
            {"base_lr", p.baseLr},
            {"min_lr", p.minLr},
            {"warmup_epochs", p.warmupEpochs},
            {"weight_decay", p.weightDecay},
            {"weight_decay_end", p.weightDecayEnd},
            {"clip_grad", p.clipGrad},
            {"max_bad_steps", p.maxBadSteps},
            {"freeze_last_layer_epochs", p.freezeLastLayerEpochs}}},
          {"evaluation",
           {{"interval_steps", e.intervalSteps},
            {"at_end", e.atEnd},
            {"protocol", e.protocol},
            {"split", e.split},
            {"k", e.k},
            {"temperature", e.temperature},
            {"train_samples", e.trainSamples},
            {"test_samples", e.testSamples},
            {"linear_epochs", e.linearEpochs},
            {"linear_lr", e.linearLr},
            {"few_shot_fractions", e.fewShotFractions},
            {"few_shot_draws", e.fewShotDraws},
            {"random_baseline", e.randomBaseline},
            {"raw_baseline", e.rawBaseline},
            {"batch_size", e.batchSize},
            {"features", e.features}}},
          {"device", {{"device", c.device.device}, {"threads", c.device.threads}, {"precision", c.device.precision}}},
          {"checkpoint", {{"interval_steps", c.checkpoint.intervalSteps}, {"keep_last", c.checkpoint.keepLast}}}};
}

TrainConfig configFromJson(const json& given, const std::string& source) {
  if (!given.is_object()) throw ConfigError(source + ": a config must be a JSON object");
  json full = toJson(defaultConfig());
  checkKnownKeys(given, full, source);
  overlay(full, given);
  return parseComplete(full, source);
}

TrainConfig loadConfig(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw ConfigError(path + ": cannot open the config file");
  json j;
  try {
    j = json::parse(in);
  } catch (const json::exception& e) {
    // parse_error, and out_of_range for numbers beyond a double (found by fuzz_config: 996e968).
    throw ConfigError(path + ": not valid JSON: " + e.what());
  }
  return configFromJson(j, path);
}

void saveConfig(const TrainConfig& config, const std::string& path) {
  writeFileAtomically(path, toJson(config).dump(2) + "\n");
}

void applyOverride(TrainConfig& config, const std::string& assignment) {
  const auto eq = assignment.find('=');
  if (eq == std::string::npos || eq == 0) {
    throw ConfigError("override '" + assignment + "': expected key.path=value");
  }
  const auto key = assignment.substr(0, eq);
  const auto text = assignment.substr(eq + 1);
  json value;
  try {
    value = json::parse(text);
  } catch (const json::parse_error&) {
    value = text;  // a bare word such as vit-tiny or a path
  } catch (const json::exception& e) {
    throw ConfigError("override '" + assignment + "': " + e.what());  // e.g. a number beyond a double
  }
  json full = toJson(config);
  json* node = &full;
  std::stringstream parts(key);
  std::string part;
  std::string walked;
  while (std::getline(parts, part, '.')) {
    if (!node->is_object() || !node->contains(part)) {
      throw ConfigError("override '" + assignment + "': unknown key '" + (walked.empty() ? part : walked + "." + part) +
                        "'");
    }
    walked = walked.empty() ? part : walked + "." + part;
    node = &(*node)[part];
  }
  if (node->is_object()) throw ConfigError("override '" + assignment + "': '" + key + "' is a section, not a value");
  // Numbers given for a string setting (e.g. name=3) stay text.
  if (node->is_string() && !value.is_string()) value = text;
  *node = value;
  config = configFromJson(full, "override '" + assignment + "'");
}

std::vector<std::string> validationProblems(const TrainConfig& c) {
  std::vector<std::string> problems;
  auto add = [&](const std::string& s) { problems.push_back(s); };
  if (c.name.empty()) add("name must not be empty");
  if (c.name.find('/') != std::string::npos) add("name '" + c.name + "' must not contain '/'");

  std::error_code ec;
  if (c.data.path.empty()) {
    add("data.path is empty: name a dataset folder");
  } else if (!std::filesystem::exists(c.data.path, ec)) {
    add("data.path '" + c.data.path + "' does not exist");
  }
  if (!c.initFrom.empty() && !std::filesystem::is_regular_file(c.initFrom, ec)) {
    add("init_from '" + c.initFrom + "' is not a file (name a .safetensors file written by folk export)");
  }
  if (c.data.format != "auto" && c.data.format != "idx" && c.data.format != "cifar" && c.data.format != "folder") {
    add("data.format '" + c.data.format + "' is not one of auto, idx, cifar, folder");
  }
  if (c.data.workers < 0) add("data.workers must not be negative");
  if (c.device.precision != "float32" && c.device.precision != "bf16") {
    add("device.precision '" + c.device.precision + "' is not one of float32, bf16");
  }
  if (c.data.prefetchBatches < 1) add("data.prefetch_batches must be at least 1");
  if (c.data.maxImagePixels < 1) add("data.max_image_pixels must be at least 1");
  if (c.data.mean.size() != c.data.std.size() ||
      (!c.data.mean.empty() && int(c.data.mean.size()) != c.model.channels)) {
    add("data.mean and data.std must both be empty or hold one value per channel (" +
        std::to_string(c.model.channels) + ")");
  }
  for (double s : c.data.std) {
    if (!(s > 0.0)) add("data.std values must be positive");
  }
  try {
    c.data.augment.validate();
  } catch (const std::exception& e) {
    add(std::string("data.augment: ") + e.what());
  }

  if (auto problem = validateModelConfig(c.model); !problem.empty()) add("model: " + problem);
  if (isViT(c.model.name) && c.model.patchSize > 0 && c.model.imageSize % c.model.patchSize != 0) {
    add("model.patch_size " + std::to_string(c.model.patchSize) + " does not divide model.image_size " +
        std::to_string(c.model.imageSize));
  }
  if (c.model.channels != 1 && c.model.channels != 3) add("model.channels must be 1 or 3");

  if (!parseObjective(c.objective.name)) {
    std::string names;
    for (const auto& n : objectiveNames()) names += (names.empty() ? "" : ", ") + n;
    add("objective.name '" + c.objective.name + "' is unknown (use one of " + names + ")");
  }
  auto positive = [&](double v, const char* key) {
    if (!(v > 0.0)) add(std::string(key) + " must be positive (got " + std::to_string(v) + ")");
  };
  auto unit = [&](double v, const char* key) {
    if (!(v >= 0.0 && v <= 1.0)) add(std::string(key) + " must lie in [0, 1] (got " + std::to_string(v) + ")");
  };
  positive(c.objective.studentTemp, "objective.student_temp");
  positive(c.objective.teacherTemp, "objective.teacher_temp");
  positive(c.objective.warmupTeacherTemp, "objective.warmup_teacher_temp");
  if (c.objective.warmupTeacherTempEpochs < 0) add("objective.warmup_teacher_temp_epochs must not be negative");
  unit(c.objective.centerMomentum, "objective.center_momentum");
  unit(c.objective.momentum, "objective.momentum");
  unit(c.objective.momentumEnd, "objective.momentum_end");
  if (c.objective.reconstructionWeight < 0) add("objective.reconstruction_weight must not be negative");

  unit(c.masks.pCom, "masks.p_com");
  unit(c.masks.pLowPass, "masks.p_low_pass");
  if (c.masks.ratios.empty()) add("masks.ratios must not be empty");
  for (double r : c.masks.ratios) {
    if (!(r > 0.0 && r <= 1.0)) add("masks.ratios value " + std::to_string(r) + " lies outside (0, 1]");
  }

  const auto& p = c.optimisation;
  if (p.batchSize < 1) add("optimisation.batch_size must be at least 1");
  if (p.epochs < 1) add("optimisation.epochs must be at least 1");
  if (p.steps < 0) add("optimisation.steps must not be negative");
  positive(p.baseLr, "optimisation.base_lr");
  if (p.minLr < 0) add("optimisation.min_lr must not be negative");
  if (p.warmupEpochs < 0) add("optimisation.warmup_epochs must not be negative");
  if (p.weightDecay < 0 || p.weightDecayEnd < 0) add("optimisation.weight_decay values must not be negative");
  if (p.freezeLastLayerEpochs < 0) add("optimisation.freeze_last_layer_epochs must not be negative");
  if (p.maxBadSteps < 0) add("optimisation.max_bad_steps must not be negative");

  const auto& e = c.evaluation;
  if (e.intervalSteps < 0) add("evaluation.interval_steps must not be negative");
  if (e.protocol != "fast" && e.protocol != "full") {
    add("evaluation.protocol '" + e.protocol + "' is unknown (use fast or full)");
  }
  if (e.split != "test" && e.split != "validation") {
    add("evaluation.split '" + e.split + "' is unknown (use test or validation)");
  }
  if (e.fewShotDraws < 1) add("evaluation.few_shot_draws must be at least 1");
  if (e.k < 1) add("evaluation.k must be at least 1");
  positive(e.temperature, "evaluation.temperature");
  if (e.linearEpochs < 1) add("evaluation.linear_epochs must be at least 1");
  positive(e.linearLr, "evaluation.linear_lr");
  if (e.batchSize < 1) add("evaluation.batch_size must be at least 1");
  if (!parseFeatureSelection(e.features)) {
    add("evaluation.features '" + e.features + "' is unknown (use cls, patch-mean or cls+patch-mean)");
  }
  for (double f : e.fewShotFractions) {
    if (!(f > 0.0 && f <= 1.0)) add("evaluation.few_shot_fractions value " + std::to_string(f) + " lies outside (0, 1]");
  }

  const auto& dev = c.device.device;
  const bool cudaN = dev.rfind("cuda:", 0) == 0 && dev.size() > 5 &&
                     dev.find_first_not_of("0123456789", 5) == std::string::npos;
  if (dev != "auto" && dev != "cpu" && dev != "cuda" && !cudaN) {
    add("device.device '" + dev + "' is not auto, cpu, cuda or cuda:N");
  }
  if (c.device.threads < 0) add("device.threads must not be negative");
  if (c.checkpoint.intervalSteps < 0) add("checkpoint.interval_steps must not be negative");
  if (c.checkpoint.keepLast < 1) add("checkpoint.keep_last must be at least 1");
  if (c.logIntervalSteps < 1) add("log_interval_steps must be at least 1");
  if (c.sampleIntervalSteps < 0) add("sample_interval_steps must not be negative");
  return problems;
}

void validate(const TrainConfig& config) {
  const auto problems = validationProblems(config);
  if (problems.empty()) return;
  std::string text = "invalid config:";
  for (const auto& p : problems) text += "\n  - " + p;
  throw ConfigError(text);
}

}  // namespace folk
