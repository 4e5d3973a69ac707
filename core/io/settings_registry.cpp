#include "core/io/settings_registry.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>
#include <sstream>
#include <type_traits>

#include "core/method/objective.h"
#include "core/model/feature_selection.h"
#include "core/model/model_factory.h"

namespace folk {

using nlohmann::json;

namespace {

template <typename T>
struct Identity {
  using type = T;
};

template <typename T>
struct IsRealArray : std::false_type {};
template <std::size_t N>
struct IsRealArray<std::array<double, N>> : std::true_type {
  static constexpr std::size_t size = N;
};

template <typename T>
constexpr SettingType settingTypeOf() {
  if constexpr (std::is_same_v<T, bool>) return SettingType::Boolean;
  else if constexpr (std::is_integral_v<T>) return SettingType::Integer;
  else if constexpr (std::is_floating_point_v<T>) return SettingType::Real;
  else if constexpr (std::is_same_v<T, std::string>) return SettingType::Text;
  else return SettingType::RealList;  // std::vector<double>, std::array<double, N>
}

[[noreturn]] void refuse(const std::string& why) { throw ConfigError(why); }

// A value as a message shows it. Text from a command line may hold bytes that are not UTF-8, which
// json::dump refuses; they are shown as U+FFFD.
std::string shown(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

bool isUtf8(const std::string& text) {
  try {
    (void)json(text).dump();
    return true;
  } catch (const json::type_error&) {
    return false;
  }
}

// A JSON value as the member's type. nlohmann::json converts numbers freely (2.7 -> 2, -1 ->
// 18446744073709551615, 1e300 -> undefined), so whole numbers are checked first: a config value
// that does not fit its setting is an error, never a silently different number.
template <typename T>
T convert(const json& value) {
  if constexpr (std::is_same_v<T, bool>) {
    if (!value.is_boolean()) refuse("expected true or false, got " + shown(value));
    return value.get<bool>();
  } else if constexpr (std::is_integral_v<T>) {
    if (!value.is_number_integer()) refuse("expected a whole number, got " + shown(value));
    const bool fits = value.is_number_unsigned()
                          ? value.get<std::uint64_t>() <= static_cast<std::uint64_t>(std::numeric_limits<T>::max())
                          : (std::is_signed_v<T> || value.get<std::int64_t>() >= 0) &&
                                value.get<std::int64_t>() >= static_cast<std::int64_t>(std::numeric_limits<T>::min()) &&
                                (std::is_unsigned_v<T> || value.get<std::int64_t>() <=
                                                              static_cast<std::int64_t>(std::numeric_limits<T>::max()));
    if (!fits) refuse(shown(value) + " is out of range for this setting");
    return value.get<T>();
  } else if constexpr (std::is_floating_point_v<T>) {
    if (!value.is_number()) refuse("expected a number, got " + shown(value));
    return value.get<T>();
  } else if constexpr (std::is_same_v<T, std::string>) {
    if (!value.is_string()) refuse("expected text, got " + shown(value));
    // Config files are JSON, which holds UTF-8 text: other bytes could not be saved in config.json.
    if (!isUtf8(value.get<std::string>())) {
      refuse("the text " + shown(value) + " is not UTF-8; config files hold UTF-8 text only (for a folder, use a "
             "symbolic link with a UTF-8 name)");
    }
    return value.get<std::string>();
  } else {
    bool numbers = value.is_array();
    if (numbers) {
      for (const auto& v : value) numbers = numbers && v.is_number();
    }
    if constexpr (IsRealArray<T>::value) {
      const auto n = IsRealArray<T>::size;
      if (!numbers || value.size() != n) {
        refuse("expected a list of " + std::to_string(n) + " numbers, got " + shown(value));
      }
    } else if (!numbers) {
      refuse("expected a list of numbers such as [0.01, 0.05], got " + shown(value));
    }
    return value.get<T>();
  }
}

// A Setting under construction: declare(...) binds the member, the modifiers fill in the rest.
struct Declared : Setting {
  Declared& essential() {
    level = SettingLevel::Essential;
    return *this;
  }
  Declared& text(const char* label_, const char* unit_, const char* tooltip_) {
    label = label_;
    unit = unit_;
    tooltip = tooltip_;
    return *this;
  }
  Declared& atLeast(double bound) {
    min = bound;
    return *this;
  }
  Declared& positive() {
    min = 0.0;
    minOpen = true;
    return *this;
  }
  Declared& within(double low, double high, bool lowOpen = false, bool highOpen = false) {
    min = low;
    max = high;
    minOpen = lowOpen;
    maxOpen = highOpen;
    return *this;
  }
  Declared& probability() { return within(0.0, 1.0); }
  Declared& fraction() { return within(0.0, 1.0, true); }  // (0, 1]
  Declared& nonEmpty() {
    listNonEmpty = true;
    return *this;
  }
  Declared& emptyMeans(const char* text_) {
    emptyListText = text_;
    return *this;
  }
  Declared& oneOf(std::function<std::vector<std::string>()> names, bool suggested = false) {
    choices = std::move(names);
    choicesSuggested = suggested;
    return *this;
  }
};

// `access` returns the member of a (const or mutable) TrainConfig; its type is the setting's type.
template <typename Access, typename T = std::decay_t<decltype(std::declval<Access>()(std::declval<TrainConfig&>()))>>
Declared declare(const char* key, SettingGroup group, Access access, const typename Identity<T>::type& byDefault) {
  Declared s;
  s.key = key;
  s.type = settingTypeOf<T>();
  s.group = group;
  s.defaultValue = json(byDefault);
  if constexpr (IsRealArray<T>::value) s.listSize = IsRealArray<T>::size;
  s.get = [access](const TrainConfig& c) { return json(access(c)); };
  s.set = [access](TrainConfig& c, const json& value) { access(c) = convert<T>(value); };
  return s;
}

#define FIELD(member) [](auto& c) -> auto& { return c.member; }

std::vector<std::string> fixed(std::initializer_list<const char*> names) { return {names.begin(), names.end()}; }

std::vector<Setting> declareSettings() {
  using G = SettingGroup;
  std::vector<Setting> r;

  // Data. The embedded default is Debian's dataset-fashion-mnist.
  r.push_back(declare("data.path", G::Data, FIELD(data.path), std::string("/usr/share/datasets/fashion-mnist"))
                  .essential()
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Dataset"), "",
                        FOLK_TRANSLATE_NOOP("Settings", "Dataset folder: Fashion-MNIST / MNIST IDX files, CIFAR binary batches, or an image folder.")));
  r.push_back(declare("data.format", G::Data, FIELD(data.format), std::string("auto"))
                  .oneOf([] { return fixed({"auto", "idx", "cifar", "folder"}); })
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Format"), "",
                        FOLK_TRANSLATE_NOOP("Settings", "How to read the dataset folder; auto recognises IDX, CIFAR and image folders.")));
  r.push_back(declare("data.train_subset", G::Data, FIELD(data.trainSubset), 0)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Training subset"), FOLK_TRANSLATE_NOOP("Settings", "images"),
                        FOLK_TRANSLATE_NOOP("Settings", "Train on this many samples (a stratified draw); 0: all of them.")));
  r.push_back(declare("data.workers", G::Data, FIELD(data.workers), 2)
                  .atLeast(0)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Loader threads"), "",
                        FOLK_TRANSLATE_NOOP("Settings", "Loader threads that decode and augment batches ahead of the model.")));
  r.push_back(declare("data.prefetch_batches", G::Data, FIELD(data.prefetchBatches), 4)
                  .atLeast(1)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Batches prepared ahead"), FOLK_TRANSLATE_NOOP("Settings", "batches"),
                        FOLK_TRANSLATE_NOOP("Settings", "Batches prepared ahead of the training step.")));
  // A pixel budget per image file: a file whose header claims more is a decompression bomb.
  r.push_back(declare("data.max_image_pixels", G::Data, FIELD(data.maxImagePixels), std::int64_t(1) << 28)
                  .atLeast(1)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Largest image"), FOLK_TRANSLATE_NOOP("Settings", "pixels"),
                        FOLK_TRANSLATE_NOOP("Settings", "Largest image (width × height) read from an image folder; a larger one is "
                             "refused before decoding, then skipped and counted.")));
  r.push_back(declare("data.mean", G::Data, FIELD(data.mean), std::vector<double>{})
                  .emptyMeans(FOLK_TRANSLATE_NOOP("Settings", "auto (from the data)"))
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Normalisation mean"), "",
                        FOLK_TRANSLATE_NOOP("Settings", "Per-channel normalisation mean; empty: the loader's default for the channel count.")));
  r.push_back(declare("data.std", G::Data, FIELD(data.std), std::vector<double>{})
                  .positive()
                  .emptyMeans(FOLK_TRANSLATE_NOOP("Settings", "auto (from the data)"))
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Normalisation standard deviation"), "",
                        FOLK_TRANSLATE_NOOP("Settings", "Per-channel normalisation standard deviation; empty: the default.")));

  // Model. vit-nano with 7 px patches: 16 tokens per 28 px image, 2.9x the images/s of 4 px
  // patches on a CPU (README "Learning in minutes"); fewer prototypes than the paper's 65536 so
  // each one sees enough images of a small dataset.
  r.push_back(declare("model.name", G::Model, FIELD(model.name), std::string("vit-nano"))
                  .essential()
                  .oneOf(modelNames)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Model"), "", FOLK_TRANSLATE_NOOP("Settings", "Backbone: ViT presets (nano, tiny, small, base) or ResNet-18/50.")));
  r.push_back(declare("model.image_size", G::Model, FIELD(model.imageSize), 28)
                  .atLeast(1)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Image size"), FOLK_TRANSLATE_NOOP("Settings", "px"), FOLK_TRANSLATE_NOOP("Settings", "Side of the square training views in pixels.")));
  r.push_back(declare("model.patch_size", G::Model, FIELD(model.patchSize), 7)
                  .atLeast(1)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Patch size"), FOLK_TRANSLATE_NOOP("Settings", "px"), FOLK_TRANSLATE_NOOP("Settings", "ViT patch size; must divide the image size.")));
  r.push_back(declare("model.channels", G::Model, FIELD(model.channels), 1)
                  .within(1, 3)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Channels"), "", FOLK_TRANSLATE_NOOP("Settings", "1 for grey data, 3 for colour.")));
  r.push_back(declare("model.prototypes", G::Model, FIELD(model.prototypes), 1024)
                  .atLeast(1)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Prototypes"), "", FOLK_TRANSLATE_NOOP("Settings", "K, the number of prototypes of the projection head.")));
  r.push_back(declare("model.head_hidden", G::Model, FIELD(model.headHidden), 2048)
                  .atLeast(1)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Head hidden width"), "", FOLK_TRANSLATE_NOOP("Settings", "Hidden width of the projection head's MLP.")));
  r.push_back(declare("model.head_bottleneck", G::Model, FIELD(model.headBottleneck), 256)
                  .atLeast(1)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Head bottleneck width"), "", FOLK_TRANSLATE_NOOP("Settings", "Bottleneck width before the prototypes.")));
  r.push_back(declare("model.small_stem", G::Model, FIELD(model.smallStem), true)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Small-image stem (ResNet)"), "",
                        FOLK_TRANSLATE_NOOP("Settings", "ResNet only: a 3x3 stride-1 stem without max-pool, for small images.")));
  r.push_back(declare("model.vit_dim", G::Model, FIELD(model.vitDim), 0)
                  .atLeast(0)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "ViT width"), "", FOLK_TRANSLATE_NOOP("Settings", "Overrides the preset's ViT width; 0 keeps the preset.")));
  r.push_back(declare("model.vit_depth", G::Model, FIELD(model.vitDepth), 0)
                  .atLeast(0)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "ViT blocks"), "", FOLK_TRANSLATE_NOOP("Settings", "Overrides the preset's number of blocks; 0 keeps the preset.")));
  r.push_back(declare("model.vit_heads", G::Model, FIELD(model.vitHeads), 0)
                  .atLeast(0)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "ViT attention heads"), "",
                        FOLK_TRANSLATE_NOOP("Settings", "Overrides the preset's attention heads; 0 keeps the preset.")));
  // Stochastic depth: DINO's 0.1 for ViT-S (the paper preset); off in the desk recipe.
  r.push_back(declare("model.drop_path", G::Model, FIELD(model.dropPath), 0.0)
                  .within(0.0, 1.0, false, true)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Drop path rate"), "",
                        FOLK_TRANSLATE_NOOP("Settings", "ViT stochastic depth of the student: the last block skips a branch with this "
                                            "probability, earlier blocks less; 0: off.")));

  // Objective. The teacher temperature warms up within the first third of an epoch (a short run).
  r.push_back(declare("objective.name", G::Objective, FIELD(objective.name), std::string("folk"))
                  .essential()
                  .oneOf(objectiveNames)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Objective"), "",
                        FOLK_TRANSLATE_NOOP("Settings", "folk: distillation from Com/RCom-filtered views plus MFM reconstruction; mfm, "
                             "mfm-comrcom, folk-fixed and dino are the ablations.")));
  r.push_back(declare("objective.student_temp", G::Objective, FIELD(objective.studentTemp), 0.1)
                  .positive()
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Student temperature"), "", FOLK_TRANSLATE_NOOP("Settings", "Temperature of the student's softmax.")));
  r.push_back(declare("objective.teacher_temp", G::Objective, FIELD(objective.teacherTemp), 0.07)
                  .positive()
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Teacher temperature"), "", FOLK_TRANSLATE_NOOP("Settings", "Teacher softmax temperature after its warm-up.")));
  r.push_back(declare("objective.warmup_teacher_temp", G::Objective, FIELD(objective.warmupTeacherTemp), 0.04)
                  .positive()
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Initial teacher temperature"), "",
                        FOLK_TRANSLATE_NOOP("Settings", "Teacher temperature at the start of its linear warm-up.")));
  r.push_back(declare("objective.warmup_teacher_temp_epochs", G::Objective, FIELD(objective.warmupTeacherTempEpochs), 0.3)
                  .atLeast(0)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Teacher temperature warm-up"), FOLK_TRANSLATE_NOOP("Settings", "epochs"),
                        FOLK_TRANSLATE_NOOP("Settings", "Length of the teacher temperature warm-up in epochs.")));
  r.push_back(declare("objective.center_momentum", G::Objective, FIELD(objective.centerMomentum), 0.9)
                  .probability()
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Centre momentum"), "",
                        FOLK_TRANSLATE_NOOP("Settings", "Momentum of the centre subtracted from the teacher's logits.")));
  r.push_back(declare("objective.centering", G::Objective, FIELD(objective.centering), std::string("mean"))
                  .oneOf([] { return fixed({"mean", "sinkhorn-knopp"}); })
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Teacher centring"), "",
                        FOLK_TRANSLATE_NOOP("Settings", "mean: subtract a running mean of the teacher's outputs (DINO); "
                                            "sinkhorn-knopp: spread each batch's teacher outputs evenly over the "
                                            "prototypes (DINOv2), which keeps the teacher from a uniform or "
                                            "one-prototype collapse.")));
  r.push_back(declare("objective.reconstruction_weight", G::Objective, FIELD(objective.reconstructionWeight), 1.0)
                  .atLeast(0)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Reconstruction weight λ"), "", FOLK_TRANSLATE_NOOP("Settings", "Weight λ of the frequency reconstruction loss.")));
  r.push_back(declare("objective.momentum", G::Objective, FIELD(objective.momentum), 0.99)
                  .probability()
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Teacher EMA momentum"), "",
                        FOLK_TRANSLATE_NOOP("Settings", "EMA momentum of the teacher at the start (cosine towards momentum_end).")));
  // DINO's 1.0 freezes the teacher towards the end; over the few epochs of a desk run it then lags
  // its student. 0.99 throughout, with the higher learning rate below, scored better on the
  // validation split (docs/recipe-probes.md, third round); the paper preset keeps 1.0.
  r.push_back(declare("objective.momentum_end", G::Objective, FIELD(objective.momentumEnd), 0.99)
                  .probability()
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Final teacher EMA momentum"), "",
                        FOLK_TRANSLATE_NOOP("Settings", "EMA momentum of the teacher at the end of training.")));

  // Masks: the paper's Com/RCom ratios.
  r.push_back(declare("masks.ratios", G::Masks, FIELD(masks.ratios), std::vector<double>{0.005, 0.01, 0.05})
                  .essential()
                  .fraction()
                  .nonEmpty()
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Mask ratios ρ"), "",
                        FOLK_TRANSLATE_NOOP("Settings", "The set of ratios ρ a filtered view draws from, each in (0, 1].")));
  r.push_back(declare("masks.p_com", G::Masks, FIELD(masks.pCom), 0.5)
                  .probability()
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Com probability"), "",
                        FOLK_TRANSLATE_NOOP("Settings", "Probability that a view is filtered with Com (else RCom).")));
  r.push_back(declare("masks.radius", G::Masks, FIELD(masks.radius), -1.0)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Low/high-pass radius"), FOLK_TRANSLATE_NOOP("Settings", "px"),
                        FOLK_TRANSLATE_NOOP("Settings", "Radius of the low/high-pass ablation; ≤ 0: a default scaled to the image.")));
  r.push_back(declare("masks.p_low_pass", G::Masks, FIELD(masks.pLowPass), 0.5)
                  .probability()
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Low-pass probability"), "",
                        FOLK_TRANSLATE_NOOP("Settings", "Probability of low-pass (else high-pass) in the low/high-pass ablation.")));

  // Optimisation: a short run, not the paper's hundreds of epochs: a higher learning rate with a
  // short warm-up and the prototypes free after a fifth of an epoch.
  r.push_back(declare("optimisation.steps", G::Optimisation, FIELD(optimisation.steps), 0)
                  .essential()
                  .atLeast(0)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Steps"), FOLK_TRANSLATE_NOOP("Settings", "steps"),
                        FOLK_TRANSLATE_NOOP("Settings", "Stop after this many steps; 0: epochs x batches per epoch.")));
  r.push_back(declare("optimisation.epochs", G::Optimisation, FIELD(optimisation.epochs), 2)
                  .essential()
                  .atLeast(1)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Epochs"), FOLK_TRANSLATE_NOOP("Settings", "epochs"), FOLK_TRANSLATE_NOOP("Settings", "Length of the schedules in epochs.")));
  r.push_back(declare("optimisation.batch_size", G::Optimisation, FIELD(optimisation.batchSize), 128)
                  .essential()
                  .atLeast(1)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Batch size"), FOLK_TRANSLATE_NOOP("Settings", "images"), FOLK_TRANSLATE_NOOP("Settings", "Images per step.")));
  // 4e-3 per 256 images (2e-3 at the default batch of 128) for the desk recipe's few epochs: chosen
  // on the validation split (docs/recipe-probes.md); the paper preset sets its own 5e-4.
  r.push_back(declare("optimisation.base_lr", G::Optimisation, FIELD(optimisation.baseLr), 4e-3)
                  .essential()
                  .positive()
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Learning rate"), FOLK_TRANSLATE_NOOP("Settings", "per 256 images"),
                        FOLK_TRANSLATE_NOOP("Settings", "Learning rate per 256 images: the peak lr is base_lr x batch / 256.")));
  r.push_back(declare("optimisation.min_lr", G::Optimisation, FIELD(optimisation.minLr), 1e-6)
                  .atLeast(0)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Final learning rate"), "", FOLK_TRANSLATE_NOOP("Settings", "Learning rate at the end of the cosine decay.")));
  r.push_back(declare("optimisation.warmup_epochs", G::Optimisation, FIELD(optimisation.warmupEpochs), 0.2)
                  .atLeast(0)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Learning-rate warm-up"), FOLK_TRANSLATE_NOOP("Settings", "epochs"), FOLK_TRANSLATE_NOOP("Settings", "Linear learning-rate warm-up in epochs.")));
  r.push_back(declare("optimisation.weight_decay", G::Optimisation, FIELD(optimisation.weightDecay), 0.04)
                  .atLeast(0)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Weight decay"), "",
                        FOLK_TRANSLATE_NOOP("Settings", "AdamW weight decay at the start (cosine to weight_decay_end).")));
  r.push_back(declare("optimisation.weight_decay_end", G::Optimisation, FIELD(optimisation.weightDecayEnd), 0.4)
                  .atLeast(0)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Final weight decay"), "", FOLK_TRANSLATE_NOOP("Settings", "AdamW weight decay at the end.")));
  r.push_back(declare("optimisation.clip_grad", G::Optimisation, FIELD(optimisation.clipGrad), 3.0)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Gradient clipping"), "",
                        FOLK_TRANSLATE_NOOP("Settings", "Clip the global gradient norm to this; ≤ 0: no clipping.")));
  r.push_back(declare("optimisation.freeze_last_layer_epochs", G::Optimisation, FIELD(optimisation.freezeLastLayerEpochs),
                      0.2)
                  .atLeast(0)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Frozen prototypes"), FOLK_TRANSLATE_NOOP("Settings", "epochs"),
                        FOLK_TRANSLATE_NOOP("Settings", "The prototypes do not move during this many epochs.")));
  // Steps whose loss or gradients are not finite are never applied; this many are skipped.
  r.push_back(declare("optimisation.max_bad_steps", G::Optimisation, FIELD(optimisation.maxBadSteps), 0)
                  .atLeast(0)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Skipped bad steps"), FOLK_TRANSLATE_NOOP("Settings", "steps"),
                        FOLK_TRANSLATE_NOOP("Settings", "Consecutive steps with a non-finite loss that are skipped before the "
                             "run fails; 0: fail at the first.")));

  // Evaluation: every 250 steps, so the k-NN curve of a default run shows learning; the mean
  // patch token carries most of what minutes of training change (measured; README).
  r.push_back(declare("evaluation.interval_steps", G::Evaluation, FIELD(evaluation.intervalSteps), 250)
                  .essential()
                  .atLeast(0)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Evaluate every"), FOLK_TRANSLATE_NOOP("Settings", "steps"),
                        FOLK_TRANSLATE_NOOP("Settings", "Evaluate every this many steps during training; 0: only at the end.")));
  r.push_back(declare("evaluation.at_end", G::Evaluation, FIELD(evaluation.atEnd), true)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Evaluate at the end"), "", FOLK_TRANSLATE_NOOP("Settings", "Evaluate when the run finishes.")));
  r.push_back(declare("evaluation.features", G::Evaluation, FIELD(evaluation.features), std::string("cls+patch-mean"))
                  .oneOf([] {
                    std::vector<std::string> names;
                    for (auto f : {FeatureSelection::Cls, FeatureSelection::PatchMean, FeatureSelection::ClsAndPatchMean})
                      names.push_back(featureSelectionName(f));
                    return names;
                  })
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Features"), "",
                        FOLK_TRANSLATE_NOOP("Settings", "What represents an image: the CLS token (ResNet: pooled map), the mean of the "
                             "patch tokens, or both concatenated.")));
  r.push_back(declare("evaluation.backbone", G::Evaluation, FIELD(evaluation.backbone), std::string("teacher"))
                  .oneOf([] { return std::vector<std::string>{"teacher", "student"}; })
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Evaluated backbone"), "",
                        FOLK_TRANSLATE_NOOP("Settings", "Whose features the evaluations score: the teacher (objectives without one: "
                             "the student) or the student.")));
  r.push_back(declare("evaluation.k", G::Evaluation, FIELD(evaluation.k), 20)
                  .atLeast(1)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "k-NN neighbours"), "", FOLK_TRANSLATE_NOOP("Settings", "Neighbours of the k-NN classifier.")));
  r.push_back(declare("evaluation.temperature", G::Evaluation, FIELD(evaluation.temperature), 0.07)
                  .positive()
                  .text(FOLK_TRANSLATE_NOOP("Settings", "k-NN temperature"), "", FOLK_TRANSLATE_NOOP("Settings", "Temperature of the k-NN vote weights.")));
  r.push_back(declare("evaluation.protocol", G::Evaluation, FIELD(evaluation.protocol), std::string("fast"))
                  .oneOf([] { return fixed({"fast", "full"}); })
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Evaluation protocol"), "",
                        FOLK_TRANSLATE_NOOP("Settings", "fast: a sample of the labelled and scored images (the live "
                                            "curve); full: every training and scored image, the figures to compare. "
                                            "Evaluations during training are always fast.")));
  r.push_back(declare("evaluation.split", G::Evaluation, FIELD(evaluation.split), std::string("test"))
                  .oneOf([] { return fixed({"test", "validation"}); })
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Scored split"), "",
                        FOLK_TRANSLATE_NOOP("Settings", "test: the dataset's test split; validation: a stratified part "
                                            "of the training data held out of training, to choose hyperparameters "
                                            "without the test split.")));
  r.push_back(declare("evaluation.train_samples", G::Evaluation, FIELD(evaluation.trainSamples), 10000)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Labelled samples"), FOLK_TRANSLATE_NOOP("Settings", "images"),
                        FOLK_TRANSLATE_NOOP("Settings", "Fast protocol: labelled samples the k-NN bank and the probes are fitted on; 0: all.")));
  r.push_back(declare("evaluation.test_samples", G::Evaluation, FIELD(evaluation.testSamples), 2000)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Test samples"), FOLK_TRANSLATE_NOOP("Settings", "images"), FOLK_TRANSLATE_NOOP("Settings", "Fast protocol: samples scored; 0: all.")));
  r.push_back(declare("evaluation.linear_epochs", G::Evaluation, FIELD(evaluation.linearEpochs), 100)
                  .atLeast(1)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Linear probe iterations"), FOLK_TRANSLATE_NOOP("Settings", "steps"), FOLK_TRANSLATE_NOOP("Settings", "L-BFGS iterations of each linear-probe fit (full batch).")));
  r.push_back(declare("evaluation.linear_lr", G::Evaluation, FIELD(evaluation.linearLr), 1.0)
                  .positive()
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Linear probe step length"), "", FOLK_TRANSLATE_NOOP("Settings", "First step length of the L-BFGS line search of the linear probe.")));
  r.push_back(declare("evaluation.few_shot_fractions", G::Evaluation, FIELD(evaluation.fewShotFractions),
                      std::vector<double>{0.01, 0.1})
                  .fraction()
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Few-shot label fractions"), "",
                        FOLK_TRANSLATE_NOOP("Settings", "Fractions of the labels per class for the few-shot probes.")));
  r.push_back(declare("evaluation.few_shot_draws", G::Evaluation, FIELD(evaluation.fewShotDraws), 5)
                  .atLeast(1)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Few-shot draws"), "",
                        FOLK_TRANSLATE_NOOP("Settings", "Random label draws per few-shot fraction; their mean and spread are reported.")));
  r.push_back(declare("evaluation.random_baseline", G::Evaluation, FIELD(evaluation.randomBaseline), true)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Random-init baseline"), "",
                        FOLK_TRANSLATE_NOOP("Settings", "Also score a randomly initialised backbone of the same architecture.")));
  r.push_back(declare("evaluation.raw_baseline", G::Evaluation, FIELD(evaluation.rawBaseline), false)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Raw-pixel baseline"), "",
                        FOLK_TRANSLATE_NOOP("Settings", "Also score the normalised pixels themselves with the same protocol.")));
  r.push_back(declare("evaluation.batch_size", G::Evaluation, FIELD(evaluation.batchSize), 256)
                  .atLeast(1)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Feature batch size"), FOLK_TRANSLATE_NOOP("Settings", "images"),
                        FOLK_TRANSLATE_NOOP("Settings", "Images per batch when extracting features.")));

  // Augmentation (DINO's two global views); blur and solarisation off by default because a blur
  // wipes out most of a 28 px image.
  r.push_back(declare("data.augment.scale_min", G::Augmentation, FIELD(data.augment.scaleMin), 0.5)
                  .fraction()
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Smallest crop area"), FOLK_TRANSLATE_NOOP("Settings", "of the image"),
                        FOLK_TRANSLATE_NOOP("Settings", "Random resized crop: smallest fraction of the image area kept.")));
  r.push_back(declare("data.augment.scale_max", G::Augmentation, FIELD(data.augment.scaleMax), 1.0)
                  .fraction()
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Largest crop area"), FOLK_TRANSLATE_NOOP("Settings", "of the image"),
                        FOLK_TRANSLATE_NOOP("Settings", "Random resized crop: largest fraction of the image area kept.")));
  r.push_back(declare("data.augment.ratio_min", G::Augmentation, FIELD(data.augment.ratioMin), 3.0 / 4.0)
                  .positive()
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Smallest crop aspect ratio"), "", FOLK_TRANSLATE_NOOP("Settings", "Random resized crop: smallest aspect ratio.")));
  r.push_back(declare("data.augment.ratio_max", G::Augmentation, FIELD(data.augment.ratioMax), 4.0 / 3.0)
                  .positive()
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Largest crop aspect ratio"), "", FOLK_TRANSLATE_NOOP("Settings", "Random resized crop: largest aspect ratio.")));
  r.push_back(declare("data.augment.flip_probability", G::Augmentation, FIELD(data.augment.flipProbability), 0.5)
                  .probability()
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Flip probability"), "", FOLK_TRANSLATE_NOOP("Settings", "Probability of a horizontal flip.")));
  r.push_back(declare("data.augment.jitter.probability", G::Augmentation, FIELD(data.augment.jitter.probability), 0.8)
                  .probability()
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Colour jitter probability"), "",
                        FOLK_TRANSLATE_NOOP("Settings", "Probability of a colour jitter (grey views: brightness and contrast, only with jitter.grey).")));
  r.push_back(declare("data.augment.jitter.brightness", G::Augmentation, FIELD(data.augment.jitter.brightness), 0.4)
                  .atLeast(0)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Jitter brightness"), "", FOLK_TRANSLATE_NOOP("Settings", "Colour jitter: largest relative change of brightness.")));
  r.push_back(declare("data.augment.jitter.contrast", G::Augmentation, FIELD(data.augment.jitter.contrast), 0.4)
                  .atLeast(0)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Jitter contrast"), "", FOLK_TRANSLATE_NOOP("Settings", "Colour jitter: largest relative change of contrast.")));
  r.push_back(declare("data.augment.jitter.saturation", G::Augmentation, FIELD(data.augment.jitter.saturation), 0.2)
                  .atLeast(0)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Jitter saturation"), "", FOLK_TRANSLATE_NOOP("Settings", "Colour jitter: largest relative change of saturation.")));
  r.push_back(declare("data.augment.jitter.hue", G::Augmentation, FIELD(data.augment.jitter.hue), 0.1)
                  .within(0.0, 0.5)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Jitter hue"), FOLK_TRANSLATE_NOOP("Settings", "turns"),
                        FOLK_TRANSLATE_NOOP("Settings", "Colour jitter: largest shift of the hue (fraction of a full turn).")));
  r.push_back(declare("data.augment.greyscale_probability", G::Augmentation, FIELD(data.augment.greyscaleProbability), 0.2)
                  .probability()
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Greyscale probability"), "", FOLK_TRANSLATE_NOOP("Settings", "Probability of turning a colour view grey.")));
  r.push_back(declare("data.augment.blur_probability", G::Augmentation, FIELD(data.augment.blurProbability),
                      std::array<double, 2>{0.0, 0.0})
                  .probability()
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Blur probability (view 1, view 2)"), "",
                        FOLK_TRANSLATE_NOOP("Settings", "Gaussian blur probability of the first and the second view.")));
  r.push_back(declare("data.augment.blur_sigma_min", G::Augmentation, FIELD(data.augment.blurSigmaMin), 0.1)
                  .positive()
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Smallest blur sigma"), FOLK_TRANSLATE_NOOP("Settings", "px"),
                        FOLK_TRANSLATE_NOOP("Settings", "Smallest standard deviation of the Gaussian blur, in pixels.")));
  r.push_back(declare("data.augment.blur_sigma_max", G::Augmentation, FIELD(data.augment.blurSigmaMax), 2.0)
                  .positive()
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Largest blur sigma"), FOLK_TRANSLATE_NOOP("Settings", "px"),
                        FOLK_TRANSLATE_NOOP("Settings", "Largest standard deviation of the Gaussian blur, in pixels.")));
  r.push_back(declare("data.augment.solarize_probability", G::Augmentation, FIELD(data.augment.solarizeProbability),
                      std::array<double, 2>{0.0, 0.0})
                  .probability()
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Solarisation probability (view 1, view 2)"), "",
                        FOLK_TRANSLATE_NOOP("Settings", "Solarisation probability of the first and the second view.")));
  // Grey data gets no colour jitter unless asked; erasing and noise are the grey-data alternatives.
  // All off by default: the desk recipe is the two-view one.
  r.push_back(declare("data.augment.jitter.grey", G::Augmentation, FIELD(data.augment.jitter.grey), false)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Jitter grey views"), "",
                        FOLK_TRANSLATE_NOOP("Settings", "Also jitter brightness and contrast of grey (1-channel) views.")));
  r.push_back(declare("data.augment.erase_probability", G::Augmentation, FIELD(data.augment.eraseProbability), 0.0)
                  .probability()
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Erasing probability"), "",
                        FOLK_TRANSLATE_NOOP("Settings", "Probability of erasing a random rectangle of a view (set to black).")));
  r.push_back(declare("data.augment.erase_scale_min", G::Augmentation, FIELD(data.augment.eraseScaleMin), 0.02)
                  .fraction()
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Smallest erased area"), FOLK_TRANSLATE_NOOP("Settings", "of the view"),
                        FOLK_TRANSLATE_NOOP("Settings", "Smallest erased area as a fraction of the view.")));
  r.push_back(declare("data.augment.erase_scale_max", G::Augmentation, FIELD(data.augment.eraseScaleMax), 0.2)
                  .fraction()
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Largest erased area"), FOLK_TRANSLATE_NOOP("Settings", "of the view"),
                        FOLK_TRANSLATE_NOOP("Settings", "Largest erased area as a fraction of the view.")));
  r.push_back(declare("data.augment.noise_probability", G::Augmentation, FIELD(data.augment.noiseProbability), 0.0)
                  .probability()
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Noise probability"), "",
                        FOLK_TRANSLATE_NOOP("Settings", "Probability of adding Gaussian noise to a view.")));
  r.push_back(declare("data.augment.noise_std", G::Augmentation, FIELD(data.augment.noiseStd), 0.05)
                  .atLeast(0)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Largest noise standard deviation"), "",
                        FOLK_TRANSLATE_NOOP("Settings", "Largest standard deviation of the noise (images in [0, 1]).")));
  // DINO's local crops (multi-crop), off by default. 14 px is half a 28 px image: 2×2 tokens of the
  // desk recipe's 7 px patches.
  r.push_back(declare("data.augment.local_crops.count", G::Augmentation, FIELD(data.augment.local.count), 0)
                  .atLeast(0)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Local crops"), "",
                        FOLK_TRANSLATE_NOOP("Settings", "Local crops per image, seen only by the student and supervised "
                                            "by both teacher views; 0: two views only.")));
  r.push_back(declare("data.augment.local_crops.size", G::Augmentation, FIELD(data.augment.local.size), 14)
                  .atLeast(1)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Local crop size"), FOLK_TRANSLATE_NOOP("Settings", "px"),
                        FOLK_TRANSLATE_NOOP("Settings", "Side of the local crops in pixels; a multiple of the ViT patch "
                                            "size.")));
  r.push_back(declare("data.augment.local_crops.scale_min", G::Augmentation, FIELD(data.augment.local.scaleMin), 0.05)
                  .fraction()
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Smallest local crop area"), FOLK_TRANSLATE_NOOP("Settings", "of the image"),
                        FOLK_TRANSLATE_NOOP("Settings", "Smallest fraction of the image area a local crop keeps.")));
  r.push_back(declare("data.augment.local_crops.scale_max", G::Augmentation, FIELD(data.augment.local.scaleMax), 0.4)
                  .fraction()
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Largest local crop area"), FOLK_TRANSLATE_NOOP("Settings", "of the image"),
                        FOLK_TRANSLATE_NOOP("Settings", "Largest fraction of the image area a local crop keeps.")));
  r.push_back(declare("data.augment.local_crops.blur_probability", G::Augmentation,
                      FIELD(data.augment.local.blurProbability), 0.0)
                  .probability()
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Local crop blur probability"), "",
                        FOLK_TRANSLATE_NOOP("Settings", "Gaussian blur probability of a local crop.")));
  r.push_back(declare("data.augment.local_crops.solarize_probability", G::Augmentation,
                      FIELD(data.augment.local.solarizeProbability), 0.0)
                  .probability()
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Local crop solarisation probability"), "",
                        FOLK_TRANSLATE_NOOP("Settings", "Solarisation probability of a local crop.")));

  // Device. bf16 is meant for GPUs; on a CPU without bf16 instructions it is slower, though correct.
  r.push_back(declare("device.device", G::Device, FIELD(device.device), std::string("auto"))
                  .oneOf([] { return fixed({"auto", "cpu", "cuda"}); }, true)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Device"), "", FOLK_TRANSLATE_NOOP("Settings", "auto picks CUDA when available, else the CPU; cuda:N picks a GPU.")));
  r.push_back(declare("device.threads", G::Device, FIELD(device.threads), 0)
                  .atLeast(0)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Compute threads"), "", FOLK_TRANSLATE_NOOP("Settings", "Compute threads; 0: the measured default (all cores).")));
  r.push_back(declare("device.precision", G::Device, FIELD(device.precision), std::string("float32"))
                  .oneOf([] { return fixed({"float32", "bf16"}); })
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Precision"), "",
                        FOLK_TRANSLATE_NOOP("Settings", "float32, or bf16: the networks run in bfloat16 (autocast) while the masks and "
                             "the frequency loss stay float32. For GPUs; slower on most CPUs.")));

  r.push_back(declare("checkpoint.interval_steps", G::Checkpoints, FIELD(checkpoint.intervalSteps), 500)
                  .atLeast(0)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Checkpoint every"), FOLK_TRANSLATE_NOOP("Settings", "steps"),
                        FOLK_TRANSLATE_NOOP("Settings", "Write a checkpoint every this many steps; 0: only on stop and at the end.")));
  r.push_back(declare("checkpoint.keep_last", G::Checkpoints, FIELD(checkpoint.keepLast), 2)
                  .atLeast(1)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Checkpoints kept"), "", FOLK_TRANSLATE_NOOP("Settings", "How many checkpoints to keep.")));

  r.push_back(declare("seed", G::Run, FIELD(seed), 0)
                  .essential()
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Seed"), "", FOLK_TRANSLATE_NOOP("Settings", "Seed of the initial weights, the data order and the augmentations.")));
  r.push_back(declare("name", G::Run, FIELD(name), std::string("fashion-vit-nano"))
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Run name"), "", FOLK_TRANSLATE_NOOP("Settings", "Name of the run; the run folder is <UTC time>-<name>.")));
  r.push_back(declare("log_interval_steps", G::Run, FIELD(logIntervalSteps), 10)
                  .atLeast(1)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Log every"), FOLK_TRANSLATE_NOOP("Settings", "steps"), FOLK_TRANSLATE_NOOP("Settings", "Write a metrics row every this many steps.")));
  r.push_back(declare("sample_interval_steps", G::Run, FIELD(sampleIntervalSteps), 200)
                  .atLeast(0)
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Show samples every"), FOLK_TRANSLATE_NOOP("Settings", "steps"),
                        FOLK_TRANSLATE_NOOP("Settings", "Save and show the probe image's views every this many steps; 0: never.")));
  r.push_back(declare("init_from", G::Run, FIELD(initFrom), std::string())
                  .text(FOLK_TRANSLATE_NOOP("Settings", "Initial weights"), "",
                        FOLK_TRANSLATE_NOOP("Settings", "Start the backbone from these weights (a .safetensors file written by folk export); "
                             "empty: random.")));
  return r;
}

#undef FIELD

std::string join(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& n : names) text += (text.empty() ? "" : ", ") + n;
  return text;
}

std::string showValue(const json& value) { return value.is_number_float() ? formatNumber(value.get<double>(), 6) : shown(value); }

}  // namespace

std::string settingValueText(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_float()) return formatNumber(value.get<double>(), 6);
  if (value.is_array()) {
    std::string text;
    for (const auto& v : value) text += (text.empty() ? "" : ", ") + settingValueText(v);
    return text;
  }
  return value.dump();
}

std::string formatNumber(double value, int significant) {
  if (!std::isfinite(value)) return json(value).dump();
  if (value == std::floor(value) && std::abs(value) < 1e15) {
    char whole[32];
    std::snprintf(whole, sizeof whole, "%.0f", value);
    return whole;
  }
  // Numbers above 1 keep their integer digits and one decimal rather than switching to an exponent.
  int digits = significant;
  if (std::abs(value) >= 1.0 && std::abs(value) < 1e15) {
    digits = std::max(significant, int(std::log10(std::abs(value))) + 2);
  }
  char text[64];
  std::snprintf(text, sizeof text, "%.*g", digits, value);
  std::string s = text;
  const auto e = s.find('e');
  if (e != std::string::npos) {  // "1e-06" -> "1e-6", "1e+20" -> "1e20"
    std::string mantissa = s.substr(0, e), exponent = s.substr(e + 1);
    const bool negative = exponent[0] == '-';
    exponent = exponent.substr(exponent[0] == '-' || exponent[0] == '+' ? 1 : 0);
    exponent.erase(0, std::min(exponent.find_first_not_of('0'), exponent.size() - 1));
    s = mantissa + "e" + (negative ? "-" : "") + exponent;
  }
  return s;
}

std::string Setting::allowedText() const {
  std::string text;
  if (choices) {
    text = join(choices());
    if (choicesSuggested) text += ", …";
    return text;
  }
  if (min && max) {
    text = std::string(minOpen ? "(" : "[") + formatNumber(*min, 6) + ", " + formatNumber(*max, 6) + (maxOpen ? ")" : "]");
  } else if (min) {
    text = std::string(minOpen ? "> " : "≥ ") + formatNumber(*min, 6);
  }
  if (type != SettingType::RealList) return text;
  std::string list = listSize ? std::to_string(listSize) + " values" : listNonEmpty ? "at least one value" : "";
  if (!text.empty()) list += (list.empty() ? "each " : ", each ") + text;
  return list;
}

std::vector<std::string> Setting::problems(const TrainConfig& config) const {
  std::vector<std::string> found;
  const json value = get(config);
  const auto inRange = [&](double x) {
    // Written so that NaN is out of every range.
    const bool aboveMin = !min || (minOpen ? x > *min : x >= *min);
    const bool belowMax = !max || (maxOpen ? x < *max : x <= *max);
    return aboveMin && belowMax;
  };
  // "must lie in [0, 1]", "must be positive", "must be at least 1".
  const auto rule = [&]() -> std::string {
    if (max) return "must lie in " + allowedText();
    if (*min == 0.0) return minOpen ? "must be positive" : "must not be negative";
    return (minOpen ? "must be greater than " : "must be at least ") + formatNumber(*min, 6);
  };
  switch (type) {
    case SettingType::Integer:
    case SettingType::Real:
      if (!inRange(value.get<double>())) found.push_back(key + " " + rule() + " (got " + shown(value) + ")");
      break;
    case SettingType::RealList:
      if (listNonEmpty && value.empty()) found.push_back(key + " must not be empty");
      for (const auto& v : value) {
        if (inRange(v.get<double>())) continue;
        // "lies outside (0, 1]" for a range, "must be positive" for a bound.
        found.push_back(key + " value " + v.dump() + " " +
                        (max ? "lies outside " + std::string(minOpen ? "(" : "[") + formatNumber(*min, 6) + ", " +
                                   formatNumber(*max, 6) + (maxOpen ? ")" : "]")
                             : rule()));
      }
      break;
    case SettingType::Text:
      if (choices && !choicesSuggested) {
        const auto names = choices();
        const auto text = value.get<std::string>();
        if (std::find(names.begin(), names.end(), text) == names.end()) {
          found.push_back(key + " '" + text + "' is unknown (use one of " + join(names) + ")");
        }
      }
      break;
    case SettingType::Boolean:
      break;
  }
  return found;
}

const std::vector<Setting>& settingsRegistry() {
  static const std::vector<Setting> registry = declareSettings();
  return registry;
}

const Setting* findSetting(const std::string& key) {
  for (const auto& s : settingsRegistry()) {
    if (s.key == key) return &s;
  }
  return nullptr;
}

std::vector<SettingGroup> settingGroups() {
  using G = SettingGroup;
  return {G::Data,       G::Model,        G::Objective, G::Masks,       G::Optimisation,
          G::Evaluation, G::Augmentation, G::Device,    G::Checkpoints, G::Run};
}

const char* settingGroupTitle(SettingGroup group) {
  switch (group) {
    case SettingGroup::Data: return FOLK_TRANSLATE_NOOP("Settings", "Data");
    case SettingGroup::Model: return FOLK_TRANSLATE_NOOP("Settings", "Model");
    case SettingGroup::Objective: return FOLK_TRANSLATE_NOOP("Settings", "Objective");
    case SettingGroup::Masks: return FOLK_TRANSLATE_NOOP("Settings", "Masks (Com / RCom)");
    case SettingGroup::Optimisation: return FOLK_TRANSLATE_NOOP("Settings", "Optimisation");
    case SettingGroup::Evaluation: return FOLK_TRANSLATE_NOOP("Settings", "Evaluation");
    case SettingGroup::Augmentation: return FOLK_TRANSLATE_NOOP("Settings", "Augmentation");
    case SettingGroup::Device: return FOLK_TRANSLATE_NOOP("Settings", "Device");
    case SettingGroup::Checkpoints: return FOLK_TRANSLATE_NOOP("Settings", "Checkpoints");
    case SettingGroup::Run: return FOLK_TRANSLATE_NOOP("Settings", "Run");
  }
  return "";
}

const char* settingGroupKey(SettingGroup group) {
  switch (group) {
    case SettingGroup::Data: return "data";
    case SettingGroup::Model: return "model";
    case SettingGroup::Objective: return "objective";
    case SettingGroup::Masks: return "masks";
    case SettingGroup::Optimisation: return "optimisation";
    case SettingGroup::Evaluation: return "evaluation";
    case SettingGroup::Augmentation: return "augmentation";
    case SettingGroup::Device: return "device";
    case SettingGroup::Checkpoints: return "checkpoints";
    case SettingGroup::Run: return "run";
  }
  return "";
}

void applyRegistryDefaults(TrainConfig& config) {
  for (const auto& s : settingsRegistry()) s.set(config, s.defaultValue);
}

std::string settingsMarkdown() {
  const auto cell = [](std::string text) {
    std::string out;
    for (char ch : text) {
      if (ch == '|') out += "\\|";
      else if (ch == '<') out += "&lt;";
      else if (ch == '>') out += "&gt;";
      else out += ch;
    }
    return out;
  };
  std::ostringstream md;
  md << "# Training settings\n\n"
        "Every setting of a training run: its key in `config.json` and for `--set key=value`, its default,\n"
        "the values it accepts, its unit and what it does. **Essential** settings are the ones the Train\n"
        "form shows first; the others are under \"All settings\".\n\n"
        "Generated from `core/io/settings_registry.cpp` by `folk config --settings-markdown > docs/settings.md`;\n"
        "a test fails when this file is not current. Do not edit it by hand.\n";
  for (const auto group : settingGroups()) {
    md << "\n## " << settingGroupTitle(group) << "\n\n"
       << "| Key | Label | Default | Allowed | Unit | Description |\n"
       << "|---|---|---|---|---|---|\n";
    for (const auto& s : settingsRegistry()) {
      if (s.group != group) continue;
      std::string shown;
      if (s.type == SettingType::RealList) {
        std::string values;
        for (const auto& v : s.defaultValue) values += (values.empty() ? "" : ", ") + showValue(v);
        shown = s.defaultValue.empty() && *s.emptyListText ? std::string(s.emptyListText) + " (`[]`)" : "`[" + values + "]`";
      } else if (s.type == SettingType::Text && s.defaultValue.get<std::string>().empty()) {
        shown = "empty";
      } else if (s.type == SettingType::Text) {
        shown = "`" + s.defaultValue.get<std::string>() + "`";
      } else {
        shown = "`" + showValue(s.defaultValue) + "`";
      }
      md << "| `" << s.key << "` | " << cell(s.label) << (s.level == SettingLevel::Essential ? " **(essential)**" : "")
         << " | " << shown << " | " << cell(s.allowedText()) << " | " << cell(s.unit) << " | " << cell(s.tooltip)
         << " |\n";
    }
  }
  return md.str();
}

}  // namespace folk
