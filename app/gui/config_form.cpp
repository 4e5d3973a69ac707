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
  if (key == "evaluation.features") return {"cls", "patch-mean", "cls+patch-mean"};
  return {};
}

QString groupTitle(const QString& key) {
  static const QHash<QString, QString> titles{
      {"data", QObject::tr("Data")},           {"model", QObject::tr("Model")},
      {"objective", QObject::tr("Objective")}, {"masks", QObject::tr("Masks (Com / RCom)")},
      {"optimisation", QObject::tr("Optimisation")}, {"evaluation", QObject::tr("Evaluation")},
      {"device", QObject::tr("Device")},       {"checkpoint", QObject::tr("Checkpoints")},
      {"run", QObject::tr("Run")}};
  return titles.value(key, key);
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
  static const QHash<QString, QString> tips{
      {"name", tr("Name of the run; the run folder is <UTC time>-<name>.")},
      {"seed", tr("Seed of the initial weights, the data order and the augmentations.")},
      {"log_interval_steps", tr("Write a metrics row every this many steps.")},
      {"sample_interval_steps", tr("Save and show the probe image's views every this many steps; 0: never.")},
      {"data.path", tr("Dataset folder: Fashion-MNIST / MNIST IDX files, CIFAR binary batches, or an image folder.")},
      {"data.format", tr("How to read the dataset folder; auto recognises IDX, CIFAR and image folders.")},
      {"data.train_subset", tr("Train on this many samples (a stratified draw); 0: all of them.")},
      {"data.workers", tr("Loader threads that decode and augment batches ahead of the model.")},
      {"data.prefetch_batches", tr("Batches prepared ahead of the training step.")},
      {"data.mean", tr("Per-channel normalisation mean; empty: the loader's default for the channel count.")},
      {"data.std", tr("Per-channel normalisation standard deviation; empty: the default.")},
      {"data.augment.scale_min", tr("Random resized crop: smallest fraction of the image area kept.")},
      {"data.augment.scale_max", tr("Random resized crop: largest fraction of the image area kept.")},
      {"data.augment.ratio_min", tr("Random resized crop: smallest aspect ratio.")},
      {"data.augment.ratio_max", tr("Random resized crop: largest aspect ratio.")},
      {"data.augment.flip_probability", tr("Probability of a horizontal flip.")},
      {"data.augment.greyscale_probability", tr("Probability of turning a colour view grey.")},
      {"data.augment.blur_probability", tr("Gaussian blur probability of the first and the second view.")},
      {"data.augment.solarize_probability", tr("Solarisation probability of the first and the second view.")},
      {"model.name", tr("Backbone: ViT presets (nano, tiny, small, base) or ResNet-18/50.")},
      {"model.image_size", tr("Side of the square training views in pixels.")},
      {"model.patch_size", tr("ViT patch size; must divide the image size.")},
      {"model.channels", tr("1 for grey data, 3 for colour.")},
      {"model.prototypes", tr("K, the number of prototypes of the projection head.")},
      {"model.head_hidden", tr("Hidden width of the projection head's MLP.")},
      {"model.head_bottleneck", tr("Bottleneck width before the prototypes.")},
      {"model.small_stem", tr("ResNet only: a 3x3 stride-1 stem without max-pool, for small images.")},
      {"model.vit_dim", tr("Overrides the preset's ViT width; 0 keeps the preset.")},
      {"model.vit_depth", tr("Overrides the preset's number of blocks; 0 keeps the preset.")},
      {"model.vit_heads", tr("Overrides the preset's attention heads; 0 keeps the preset.")},
      {"objective.name", tr("folk: distillation from Com/RCom-filtered views plus MFM reconstruction; mfm, "
                            "mfm-comrcom, folk-fixed and dino are the ablations.")},
      {"objective.student_temp", tr("Temperature of the student's softmax.")},
      {"objective.teacher_temp", tr("Teacher softmax temperature after its warm-up.")},
      {"objective.warmup_teacher_temp", tr("Teacher temperature at the start of its linear warm-up.")},
      {"objective.warmup_teacher_temp_epochs", tr("Length of the teacher temperature warm-up in epochs.")},
      {"objective.center_momentum", tr("Momentum of the centre subtracted from the teacher's logits.")},
      {"objective.reconstruction_weight", tr("Weight λ of the frequency reconstruction loss.")},
      {"objective.momentum", tr("EMA momentum of the teacher at the start (cosine towards momentum_end).")},
      {"objective.momentum_end", tr("EMA momentum of the teacher at the end of training.")},
      {"masks.p_com", tr("Probability that a view is filtered with Com (else RCom).")},
      {"masks.ratios", tr("The set of ratios ρ a filtered view draws from, each in (0, 1].")},
      {"masks.radius", tr("Radius of the low/high-pass ablation; ≤ 0: a default scaled to the image.")},
      {"masks.p_low_pass", tr("Probability of low-pass (else high-pass) in the low/high-pass ablation.")},
      {"optimisation.batch_size", tr("Images per step.")},
      {"optimisation.epochs", tr("Length of the schedules in epochs.")},
      {"optimisation.steps", tr("Stop after this many steps; 0: epochs x batches per epoch.")},
      {"optimisation.base_lr", tr("Learning rate per 256 images: the peak lr is base_lr x batch / 256.")},
      {"optimisation.min_lr", tr("Learning rate at the end of the cosine decay.")},
      {"optimisation.warmup_epochs", tr("Linear learning-rate warm-up in epochs.")},
      {"optimisation.weight_decay", tr("AdamW weight decay at the start (cosine to weight_decay_end).")},
      {"optimisation.weight_decay_end", tr("AdamW weight decay at the end.")},
      {"optimisation.clip_grad", tr("Clip the global gradient norm to this; ≤ 0: no clipping.")},
      {"optimisation.freeze_last_layer_epochs", tr("The prototypes do not move during this many epochs.")},
      {"evaluation.interval_steps", tr("Evaluate every this many steps during training; 0: only at the end.")},
      {"evaluation.at_end", tr("Evaluate when the run finishes.")},
      {"evaluation.k", tr("Neighbours of the k-NN classifier.")},
      {"evaluation.temperature", tr("Temperature of the k-NN vote weights.")},
      {"evaluation.train_samples", tr("Labelled samples the k-NN bank and the probes are fitted on; 0: all.")},
      {"evaluation.test_samples", tr("Test samples scored; 0: all.")},
      {"evaluation.linear_epochs", tr("Full-batch steps of the linear probe.")},
      {"evaluation.linear_lr", tr("Learning rate of the linear probe.")},
      {"evaluation.few_shot_fractions", tr("Fractions of the labels per class for the few-shot probes.")},
      {"evaluation.random_baseline", tr("Also score a randomly initialised backbone of the same architecture.")},
      {"evaluation.batch_size", tr("Images per batch when extracting features.")},
      {"evaluation.features", tr("What represents an image: the CLS token (ResNet: pooled map), the mean of the "
                                 "patch tokens, or both concatenated.")},
      {"device.device", tr("auto picks CUDA when available, else the CPU; cuda:N picks a GPU.")},
      {"device.threads", tr("Compute threads; 0: the measured default (all cores).")},
      {"checkpoint.interval_steps", tr("Write a checkpoint every this many steps; 0: only on stop and at the end.")},
      {"checkpoint.keep_last", tr("How many checkpoints to keep.")},
  };
  return tips.value(key, key);
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
    QString label = key.mid(prefix.indexOf('.') >= 0 ? key.indexOf('.') + 1 : 0);
    label.replace('_', ' ');
    form->addRow(label, editor);
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
