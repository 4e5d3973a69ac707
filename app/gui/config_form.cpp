#include "app/gui/config_form.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLineEdit>
#include <QVBoxLayout>

#include "core/method/objective.h"
#include "core/model/model_factory.h"

namespace folk::ui {

using nlohmann::json;

namespace {

// Fields with a fixed set of values get a combo box.
QStringList choicesFor(const QString& key) {
  if (key == "objective.name") {
    QStringList names;
    for (const auto& n : objectiveNames()) names << QString::fromStdString(n);
    return names;
  }
  if (key == "model.name") {
    QStringList names;
    for (const auto& n : modelNames()) names << QString::fromStdString(n);
    return names;
  }
  if (key == "data.format") return {"auto", "idx", "cifar", "folder"};
  if (key == "device.device") return {"auto", "cpu", "cuda"};
  if (key == "device.precision") return {"float32", "bf16"};
  if (key == "evaluation.features") return {"cls", "patch-mean", "cls+patch-mean"};
  if (key == "evaluation.protocol") return {"fast", "full"};
  if (key == "evaluation.split") return {"test", "validation"};
  return {};
}

// Titles are marked here and translated when asked for, so a language installed later applies.
QString groupTitle(const QString& key) {
  static const QHash<QString, const char*> titles{
      {"data", QT_TRANSLATE_NOOP("folk::ui::ConfigForm", "Data")},
      {"model", QT_TRANSLATE_NOOP("folk::ui::ConfigForm", "Model")},
      {"objective", QT_TRANSLATE_NOOP("folk::ui::ConfigForm", "Objective")},
      {"masks", QT_TRANSLATE_NOOP("folk::ui::ConfigForm", "Masks (Com / RCom)")},
      {"optimisation", QT_TRANSLATE_NOOP("folk::ui::ConfigForm", "Optimisation")},
      {"evaluation", QT_TRANSLATE_NOOP("folk::ui::ConfigForm", "Evaluation")},
      {"device", QT_TRANSLATE_NOOP("folk::ui::ConfigForm", "Device")},
      {"checkpoint", QT_TRANSLATE_NOOP("folk::ui::ConfigForm", "Checkpoints")},
      {"run", QT_TRANSLATE_NOOP("folk::ui::ConfigForm", "Run")}};
  const char* title = titles.value(key, nullptr);
  return title ? ConfigForm::tr(title) : key;
}

json* leaf(json& root, const QString& key) {
  json* node = &root;
  for (const auto& part : key.split('.')) {
    if (!node->is_object()) return nullptr;
    auto it = node->find(part.toStdString());
    if (it == node->end()) return nullptr;
    node = &*it;
  }
  return node;
}

}  // namespace

QString ConfigForm::tooltipFor(const QString& key) {
  static const QHash<QString, const char*> tips{
      {"name", QT_TR_NOOP("Name of the run; the run folder is <UTC time>-<name>.")},
      {"seed", QT_TR_NOOP("Seed of the initial weights, the data order and the augmentations.")},
      {"log_interval_steps", QT_TR_NOOP("Write a metrics row every this many steps.")},
      {"sample_interval_steps", QT_TR_NOOP("Save and show the probe image's views every this many steps; 0: never.")},
      {"init_from", QT_TR_NOOP("Start the backbone from these weights (a .safetensors file written by folk export); "
                               "empty: random.")},
      {"data.path", QT_TR_NOOP("Dataset folder: Fashion-MNIST / MNIST IDX files, CIFAR binary batches, or an image folder.")},
      {"data.format", QT_TR_NOOP("How to read the dataset folder; auto recognises IDX, CIFAR and image folders.")},
      {"data.train_subset", QT_TR_NOOP("Train on this many samples (a stratified draw); 0: all of them.")},
      {"data.workers", QT_TR_NOOP("Loader threads that decode and augment batches ahead of the model.")},
      {"data.prefetch_batches", QT_TR_NOOP("Batches prepared ahead of the training step.")},
      {"data.max_image_pixels", QT_TR_NOOP("Largest image (width × height) read from an image folder; a larger one is "
                                           "refused before decoding, then skipped and counted.")},
      {"data.mean", QT_TR_NOOP("Per-channel normalisation mean; empty: the loader's default for the channel count.")},
      {"data.std", QT_TR_NOOP("Per-channel normalisation standard deviation; empty: the default.")},
      {"data.augment.scale_min", QT_TR_NOOP("Random resized crop: smallest fraction of the image area kept.")},
      {"data.augment.scale_max", QT_TR_NOOP("Random resized crop: largest fraction of the image area kept.")},
      {"data.augment.ratio_min", QT_TR_NOOP("Random resized crop: smallest aspect ratio.")},
      {"data.augment.ratio_max", QT_TR_NOOP("Random resized crop: largest aspect ratio.")},
      {"data.augment.flip_probability", QT_TR_NOOP("Probability of a horizontal flip.")},
      {"data.augment.greyscale_probability", QT_TR_NOOP("Probability of turning a colour view grey.")},
      {"data.augment.blur_probability", QT_TR_NOOP("Gaussian blur probability of the first and the second view.")},
      {"data.augment.solarize_probability", QT_TR_NOOP("Solarisation probability of the first and the second view.")},
      {"data.augment.blur_sigma_min", QT_TR_NOOP("Smallest standard deviation of the Gaussian blur, in pixels.")},
      {"data.augment.blur_sigma_max", QT_TR_NOOP("Largest standard deviation of the Gaussian blur, in pixels.")},
      {"data.augment.jitter.probability", QT_TR_NOOP("Probability of a colour jitter (colour data only).")},
      {"data.augment.jitter.brightness", QT_TR_NOOP("Colour jitter: largest relative change of brightness.")},
      {"data.augment.jitter.contrast", QT_TR_NOOP("Colour jitter: largest relative change of contrast.")},
      {"data.augment.jitter.saturation", QT_TR_NOOP("Colour jitter: largest relative change of saturation.")},
      {"data.augment.jitter.hue", QT_TR_NOOP("Colour jitter: largest shift of the hue (fraction of a full turn).")},
      {"model.name", QT_TR_NOOP("Backbone: ViT presets (nano, tiny, small, base) or ResNet-18/50.")},
      {"model.image_size", QT_TR_NOOP("Side of the square training views in pixels.")},
      {"model.patch_size", QT_TR_NOOP("ViT patch size; must divide the image size.")},
      {"model.channels", QT_TR_NOOP("1 for grey data, 3 for colour.")},
      {"model.prototypes", QT_TR_NOOP("K, the number of prototypes of the projection head.")},
      {"model.head_hidden", QT_TR_NOOP("Hidden width of the projection head's MLP.")},
      {"model.head_bottleneck", QT_TR_NOOP("Bottleneck width before the prototypes.")},
      {"model.small_stem", QT_TR_NOOP("ResNet only: a 3x3 stride-1 stem without max-pool, for small images.")},
      {"model.vit_dim", QT_TR_NOOP("Overrides the preset's ViT width; 0 keeps the preset.")},
      {"model.vit_depth", QT_TR_NOOP("Overrides the preset's number of blocks; 0 keeps the preset.")},
      {"model.vit_heads", QT_TR_NOOP("Overrides the preset's attention heads; 0 keeps the preset.")},
      {"objective.name", QT_TR_NOOP("folk: distillation from Com/RCom-filtered views plus MFM reconstruction; mfm, "
                            "mfm-comrcom, folk-fixed and dino are the ablations.")},
      {"objective.student_temp", QT_TR_NOOP("Temperature of the student's softmax.")},
      {"objective.teacher_temp", QT_TR_NOOP("Teacher softmax temperature after its warm-up.")},
      {"objective.warmup_teacher_temp", QT_TR_NOOP("Teacher temperature at the start of its linear warm-up.")},
      {"objective.warmup_teacher_temp_epochs", QT_TR_NOOP("Length of the teacher temperature warm-up in epochs.")},
      {"objective.center_momentum", QT_TR_NOOP("Momentum of the centre subtracted from the teacher's logits.")},
      {"objective.reconstruction_weight", QT_TR_NOOP("Weight λ of the frequency reconstruction loss.")},
      {"objective.momentum", QT_TR_NOOP("EMA momentum of the teacher at the start (cosine towards momentum_end).")},
      {"objective.momentum_end", QT_TR_NOOP("EMA momentum of the teacher at the end of training.")},
      {"masks.p_com", QT_TR_NOOP("Probability that a view is filtered with Com (else RCom).")},
      {"masks.ratios", QT_TR_NOOP("The set of ratios ρ a filtered view draws from, each in (0, 1].")},
      {"masks.radius", QT_TR_NOOP("Radius of the low/high-pass ablation; ≤ 0: a default scaled to the image.")},
      {"masks.p_low_pass", QT_TR_NOOP("Probability of low-pass (else high-pass) in the low/high-pass ablation.")},
      {"optimisation.batch_size", QT_TR_NOOP("Images per step.")},
      {"optimisation.epochs", QT_TR_NOOP("Length of the schedules in epochs.")},
      {"optimisation.steps", QT_TR_NOOP("Stop after this many steps; 0: epochs x batches per epoch.")},
      {"optimisation.base_lr", QT_TR_NOOP("Learning rate per 256 images: the peak lr is base_lr x batch / 256.")},
      {"optimisation.min_lr", QT_TR_NOOP("Learning rate at the end of the cosine decay.")},
      {"optimisation.warmup_epochs", QT_TR_NOOP("Linear learning-rate warm-up in epochs.")},
      {"optimisation.weight_decay", QT_TR_NOOP("AdamW weight decay at the start (cosine to weight_decay_end).")},
      {"optimisation.weight_decay_end", QT_TR_NOOP("AdamW weight decay at the end.")},
      {"optimisation.clip_grad", QT_TR_NOOP("Clip the global gradient norm to this; ≤ 0: no clipping.")},
      {"optimisation.freeze_last_layer_epochs", QT_TR_NOOP("The prototypes do not move during this many epochs.")},
      {"optimisation.max_bad_steps", QT_TR_NOOP("Consecutive steps with a non-finite loss that are skipped before the "
                                                "run fails; 0: fail at the first.")},
      {"evaluation.interval_steps", QT_TR_NOOP("Evaluate every this many steps during training; 0: only at the end.")},
      {"evaluation.at_end", QT_TR_NOOP("Evaluate when the run finishes.")},
      {"evaluation.k", QT_TR_NOOP("Neighbours of the k-NN classifier.")},
      {"evaluation.temperature", QT_TR_NOOP("Temperature of the k-NN vote weights.")},
      {"evaluation.train_samples", QT_TR_NOOP("Labelled samples the k-NN bank and the probes are fitted on; 0: all.")},
      {"evaluation.test_samples", QT_TR_NOOP("Test samples scored; 0: all.")},
      {"evaluation.protocol", QT_TR_NOOP("Protocol of the evaluation at the end and of folk eval: fast scores the "
                                         "train / test sample draws below, full every labelled image (60000 / "
                                         "10000 for Fashion-MNIST). Evaluations during training are always fast.")},
      {"evaluation.split", QT_TR_NOOP("test scores the test split; validation holds a part of the training data "
                                      "out of training and scores it, to choose settings without the test split.")},
      {"evaluation.linear_epochs", QT_TR_NOOP("L-BFGS iterations per fit of the linear probe (it stops earlier "
                                              "once converged).")},
      {"evaluation.linear_lr", QT_TR_NOOP("First step length of the linear probe's L-BFGS line search.")},
      {"evaluation.few_shot_fractions", QT_TR_NOOP("Fractions of the labels per class for the few-shot probes.")},
      {"evaluation.few_shot_draws", QT_TR_NOOP("Random label draws per few-shot fraction; the mean and the "
                                               "standard deviation over them are reported.")},
      {"evaluation.random_baseline", QT_TR_NOOP("Also score a randomly initialised backbone of the same architecture.")},
      {"evaluation.raw_baseline", QT_TR_NOOP("Also score the normalised pixels themselves as features.")},
      {"evaluation.batch_size", QT_TR_NOOP("Images per batch when extracting features.")},
      {"evaluation.features", QT_TR_NOOP("What represents an image: the CLS token (ResNet: pooled map), the mean of the "
                                 "patch tokens, or both concatenated.")},
      {"device.device", QT_TR_NOOP("auto picks CUDA when available, else the CPU; cuda:N picks a GPU.")},
      {"device.threads", QT_TR_NOOP("Compute threads; 0: the measured default (all cores).")},
      {"device.precision", QT_TR_NOOP("float32, or bf16: the networks run in bfloat16 (autocast) while the masks and "
                                      "the frequency loss stay float32. For GPUs; slower on most CPUs.")},
      {"checkpoint.interval_steps", QT_TR_NOOP("Write a checkpoint every this many steps; 0: only on stop and at the end.")},
      {"checkpoint.keep_last", QT_TR_NOOP("How many checkpoints to keep.")},
  };
  const char* tip = tips.value(key, nullptr);
  return tip ? tr(tip) : key;
}

// The row label of a key. A key without a label here (a new engine setting) shows its own name, so
// it is still usable, and the translation test lists it as untranslated.
QString ConfigForm::labelFor(const QString& key) {
  static const QHash<QString, const char*> labels{
      {"name", QT_TR_NOOP("name")},
      {"seed", QT_TR_NOOP("seed")},
      {"log_interval_steps", QT_TR_NOOP("log interval steps")},
      {"sample_interval_steps", QT_TR_NOOP("sample interval steps")},
      {"init_from", QT_TR_NOOP("init from")},
      {"data.path", QT_TR_NOOP("path")},
      {"data.format", QT_TR_NOOP("format")},
      {"data.train_subset", QT_TR_NOOP("train subset")},
      {"data.workers", QT_TR_NOOP("workers")},
      {"data.prefetch_batches", QT_TR_NOOP("prefetch batches")},
      {"data.max_image_pixels", QT_TR_NOOP("max image pixels")},
      {"data.mean", QT_TR_NOOP("mean")},
      {"data.std", QT_TR_NOOP("std")},
      {"data.augment.scale_min", QT_TR_NOOP("augment.scale min")},
      {"data.augment.scale_max", QT_TR_NOOP("augment.scale max")},
      {"data.augment.ratio_min", QT_TR_NOOP("augment.ratio min")},
      {"data.augment.ratio_max", QT_TR_NOOP("augment.ratio max")},
      {"data.augment.flip_probability", QT_TR_NOOP("augment.flip probability")},
      {"data.augment.greyscale_probability", QT_TR_NOOP("augment.greyscale probability")},
      {"data.augment.blur_probability", QT_TR_NOOP("augment.blur probability")},
      {"data.augment.blur_sigma_min", QT_TR_NOOP("augment.blur sigma min")},
      {"data.augment.blur_sigma_max", QT_TR_NOOP("augment.blur sigma max")},
      {"data.augment.solarize_probability", QT_TR_NOOP("augment.solarize probability")},
      {"data.augment.jitter.probability", QT_TR_NOOP("augment.jitter.probability")},
      {"data.augment.jitter.brightness", QT_TR_NOOP("augment.jitter.brightness")},
      {"data.augment.jitter.contrast", QT_TR_NOOP("augment.jitter.contrast")},
      {"data.augment.jitter.saturation", QT_TR_NOOP("augment.jitter.saturation")},
      {"data.augment.jitter.hue", QT_TR_NOOP("augment.jitter.hue")},
      {"model.name", QT_TR_NOOP("name")},
      {"model.image_size", QT_TR_NOOP("image size")},
      {"model.patch_size", QT_TR_NOOP("patch size")},
      {"model.channels", QT_TR_NOOP("channels")},
      {"model.prototypes", QT_TR_NOOP("prototypes")},
      {"model.head_hidden", QT_TR_NOOP("head hidden")},
      {"model.head_bottleneck", QT_TR_NOOP("head bottleneck")},
      {"model.small_stem", QT_TR_NOOP("small stem")},
      {"model.vit_dim", QT_TR_NOOP("vit dim")},
      {"model.vit_depth", QT_TR_NOOP("vit depth")},
      {"model.vit_heads", QT_TR_NOOP("vit heads")},
      {"objective.name", QT_TR_NOOP("name")},
      {"objective.student_temp", QT_TR_NOOP("student temp")},
      {"objective.teacher_temp", QT_TR_NOOP("teacher temp")},
      {"objective.warmup_teacher_temp", QT_TR_NOOP("warmup teacher temp")},
      {"objective.warmup_teacher_temp_epochs", QT_TR_NOOP("warmup teacher temp epochs")},
      {"objective.center_momentum", QT_TR_NOOP("center momentum")},
      {"objective.reconstruction_weight", QT_TR_NOOP("reconstruction weight")},
      {"objective.momentum", QT_TR_NOOP("momentum")},
      {"objective.momentum_end", QT_TR_NOOP("momentum end")},
      {"masks.p_com", QT_TR_NOOP("p com")},
      {"masks.ratios", QT_TR_NOOP("ratios")},
      {"masks.radius", QT_TR_NOOP("radius")},
      {"masks.p_low_pass", QT_TR_NOOP("p low pass")},
      {"optimisation.batch_size", QT_TR_NOOP("batch size")},
      {"optimisation.epochs", QT_TR_NOOP("epochs")},
      {"optimisation.steps", QT_TR_NOOP("steps")},
      {"optimisation.base_lr", QT_TR_NOOP("base lr")},
      {"optimisation.min_lr", QT_TR_NOOP("min lr")},
      {"optimisation.warmup_epochs", QT_TR_NOOP("warmup epochs")},
      {"optimisation.weight_decay", QT_TR_NOOP("weight decay")},
      {"optimisation.weight_decay_end", QT_TR_NOOP("weight decay end")},
      {"optimisation.clip_grad", QT_TR_NOOP("clip grad")},
      {"optimisation.freeze_last_layer_epochs", QT_TR_NOOP("freeze last layer epochs")},
      {"optimisation.max_bad_steps", QT_TR_NOOP("max bad steps")},
      {"evaluation.interval_steps", QT_TR_NOOP("interval steps")},
      {"evaluation.at_end", QT_TR_NOOP("at end")},
      {"evaluation.k", QT_TR_NOOP("k")},
      {"evaluation.temperature", QT_TR_NOOP("temperature")},
      {"evaluation.train_samples", QT_TR_NOOP("train samples")},
      {"evaluation.test_samples", QT_TR_NOOP("test samples")},
      {"evaluation.linear_epochs", QT_TR_NOOP("linear epochs")},
      {"evaluation.linear_lr", QT_TR_NOOP("linear lr")},
      {"evaluation.few_shot_fractions", QT_TR_NOOP("few shot fractions")},
      {"evaluation.few_shot_draws", QT_TR_NOOP("few shot draws")},
      {"evaluation.random_baseline", QT_TR_NOOP("random baseline")},
      {"evaluation.raw_baseline", QT_TR_NOOP("raw-pixel baseline")},
      {"evaluation.protocol", QT_TR_NOOP("protocol")},
      {"evaluation.split", QT_TR_NOOP("split")},
      {"evaluation.batch_size", QT_TR_NOOP("batch size")},
      {"evaluation.features", QT_TR_NOOP("features")},
      {"device.device", QT_TR_NOOP("device")},
      {"device.threads", QT_TR_NOOP("threads")},
      {"device.precision", QT_TR_NOOP("precision")},
      {"checkpoint.interval_steps", QT_TR_NOOP("interval steps")},
      {"checkpoint.keep_last", QT_TR_NOOP("keep last")},
  };
  if (const char* label = labels.value(key, nullptr)) return tr(label);
  QString label = key.mid(key.indexOf('.') + 1);
  label.replace('_', ' ');
  return label;
}

ConfigForm::ConfigForm(QWidget* parent) : QWidget(parent) {
  groupsLayout_ = new QVBoxLayout(this);
  groupsLayout_->setContentsMargins(0, 0, 0, 0);
  build(toJson(defaultConfig()));
  setConfig(defaultConfig());
}

void ConfigForm::build(const json& root) {
  // Top-level scalars (name, seed, intervals) form the "Run" group, shown last.
  auto* runBox = new QGroupBox(groupTitle("run"), this);
  auto* runForm = new QFormLayout(runBox);
  // Groups in the order a user decides them (config.json sorts its keys alphabetically).
  QStringList groups{"data", "model", "objective", "masks", "optimisation", "evaluation", "device", "checkpoint"};
  for (auto it = root.begin(); it != root.end(); ++it) {
    const QString key = QString::fromStdString(it.key());
    if (it->is_object() && !groups.contains(key)) groups << key;  // a new engine section
  }
  for (const auto& key : groups) {
    auto it = root.find(key.toStdString());
    if (it == root.end() || !it->is_object()) continue;
    auto* box = new QGroupBox(groupTitle(key), this);
    auto* form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    addFields(*it, key + ".", form);
    groupsLayout_->addWidget(box);
  }
  json scalars = json::object();
  for (auto it = root.begin(); it != root.end(); ++it) {
    if (!it->is_object()) scalars[it.key()] = *it;
  }
  addFields(scalars, QString(), runForm);
  groupsLayout_->addWidget(runBox);
  groupsLayout_->addStretch(1);
}

void ConfigForm::addFields(const json& object, const QString& prefix, QFormLayout* form) {
  for (auto it = object.begin(); it != object.end(); ++it) {
    const QString key = prefix + QString::fromStdString(it.key());
    if (it->is_object()) {
      addFields(*it, key + ".", form);  // nested (augment.jitter): flattened into the group
      continue;
    }
    QWidget* editor = nullptr;
    const QStringList choices = choicesFor(key);
    if (it->is_boolean()) {
      auto* box = new QCheckBox(this);
      connect(box, &QCheckBox::toggled, this, [this] {
        if (!loading_) Q_EMIT changed();
      });
      editor = box;
    } else if (!choices.isEmpty()) {
      auto* combo = new QComboBox(this);
      combo->addItems(choices);
      combo->setEditable(key == "device.device");  // cuda:N
      connect(combo, &QComboBox::currentTextChanged, this, [this] {
        if (!loading_) Q_EMIT changed();
      });
      editor = combo;
    } else {
      auto* line = new QLineEdit(this);
      connect(line, &QLineEdit::textChanged, this, [this] {
        if (!loading_) Q_EMIT changed();
      });
      editor = line;
    }
    editor->setObjectName(key);
    editor->setToolTip(tooltipFor(key));
    form->addRow(labelFor(key), editor);
    editor->setAccessibleName(labelFor(key));  // screen readers: the row's label names the field
    fields_.insert(key, editor);
    kinds_.insert(key, int(it->type()));
    order_.append(key);
  }
}

void ConfigForm::setConfig(const TrainConfig& config) {
  loading_ = true;
  json j = toJson(config);
  for (const auto& key : order_) {
    const json* value = leaf(j, key);
    if (!value) continue;
    QWidget* w = fields_.value(key);
    if (auto* box = qobject_cast<QCheckBox*>(w)) {
      box->setChecked(value->get<bool>());
    } else if (auto* combo = qobject_cast<QComboBox*>(w)) {
      const QString text = QString::fromStdString(value->get<std::string>());
      if (combo->findText(text) < 0) combo->addItem(text);
      combo->setCurrentText(text);
    } else if (auto* line = qobject_cast<QLineEdit*>(w)) {
      line->setText(value->is_string() ? QString::fromStdString(value->get<std::string>())
                                       : QString::fromStdString(value->dump()));
    }
  }
  loading_ = false;
}

QString ConfigForm::fieldText(const QString& key) const {
  QWidget* w = fields_.value(key);
  if (auto* box = qobject_cast<QCheckBox*>(w)) return box->isChecked() ? "true" : "false";
  if (auto* combo = qobject_cast<QComboBox*>(w)) return combo->currentText();
  if (auto* line = qobject_cast<QLineEdit*>(w)) return line->text();
  return {};
}

bool ConfigForm::setFieldText(const QString& key, const QString& text) {
  QWidget* w = fields_.value(key);
  if (auto* box = qobject_cast<QCheckBox*>(w)) {
    box->setChecked(text == "true" || text == "1");
  } else if (auto* combo = qobject_cast<QComboBox*>(w)) {
    if (combo->findText(text) < 0) combo->addItem(text);
    combo->setCurrentText(text);
  } else if (auto* line = qobject_cast<QLineEdit*>(w)) {
    line->setText(text);
  } else {
    return false;
  }
  return true;
}

TrainConfig ConfigForm::config(QStringList* problems) const {
  json j = toJson(defaultConfig());
  QStringList found;
  for (const auto& key : order_) {
    json* target = leaf(j, key);
    if (!target) continue;
    const QString text = fieldText(key).trimmed();
    const auto kind = json::value_t(kinds_.value(key));
    if (kind == json::value_t::string) {
      *target = text.toStdString();
      continue;
    }
    if (kind == json::value_t::boolean) {
      *target = text == "true";
      continue;
    }
    try {
      json value = json::parse(text.toStdString());
      const bool number = value.is_number();
      const bool wantNumber = kind == json::value_t::number_float || kind == json::value_t::number_integer ||
                              kind == json::value_t::number_unsigned;
      if (wantNumber && !number) throw std::runtime_error("not a number");
      if (kind == json::value_t::array && !value.is_array()) throw std::runtime_error("not a list");
      *target = value;
    } catch (const std::exception&) {
      found << tr("%1: '%2' is not a valid %3").arg(key, text,
                                                    kind == json::value_t::array ? tr("list such as [0.01, 0.05]")
                                                                                 : tr("number"));
    }
  }
  TrainConfig result = defaultConfig();
  try {
    result = configFromJson(j, "form");
    for (const auto& p : validationProblems(result)) found << QString::fromStdString(p);
  } catch (const std::exception& e) {
    found << QString::fromStdString(e.what());
  }
  if (problems) *problems = found;
  return result;
}

}  // namespace folk::ui
