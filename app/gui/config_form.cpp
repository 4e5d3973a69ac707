#include "app/gui/config_form.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QVBoxLayout>

#include "core/io/settings_registry.h"

namespace folk::ui {

using nlohmann::json;

namespace {

// The registry's English texts, translated (lupdate reads them from settings_registry.cpp).
QString translated(const char* text) {
  return *text ? QCoreApplication::translate(kSettingsTranslationContext, text) : QString();
}

const Setting* settingFor(const QString& key) { return findSetting(key.toStdString()); }

}  // namespace

QString ConfigForm::tooltipFor(const QString& key) {
  const Setting* s = settingFor(key);
  return s ? translated(s->tooltip) : key;
}

QString ConfigForm::labelFor(const QString& key) {
  const Setting* s = settingFor(key);
  return s ? translated(s->label) : key;
}

ConfigForm::ConfigForm(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);

  const auto addRow = [this](QFormLayout* form, const Setting& s) {
    QWidget* editor = makeEditor(s);
    QWidget* row = editor;
    if (*s.unit) {
      // The unit after the value, as people write "128 images".
      row = new QWidget(this);
      auto* line = new QHBoxLayout(row);
      line->setContentsMargins(0, 0, 0, 0);
      line->addWidget(editor, 1);
      auto* unit = new QLabel(translated(s.unit), row);
      unit->setObjectName(QString::fromStdString(s.key) + QStringLiteral(".unit"));
      line->addWidget(unit);
    }
    form->addRow(translated(s.label), row);
  };

  auto* essentials = new QGroupBox(tr("Essentials"), this);
  auto* essentialForm = new QFormLayout(essentials);
  essentialForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
  // A narrow panel puts the field under a long label rather than cutting off its unit.
  essentialForm->setRowWrapPolicy(QFormLayout::WrapLongRows);
  for (const auto& s : settingsRegistry()) {
    if (s.level == SettingLevel::Essential) addRow(essentialForm, s);
  }
  layout->addWidget(essentials);

  allSettingsButton_ = new QToolButton(this);
  allSettingsButton_->setObjectName(QStringLiteral("allSettings"));
  allSettingsButton_->setText(tr("All settings"));
  allSettingsButton_->setToolTip(tr("Show every other setting: data loading, model, objective, masks, optimisation, "
                                    "evaluation, augmentation, device, checkpoints and run"));
  allSettingsButton_->setCheckable(true);
  allSettingsButton_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  allSettingsButton_->setArrowType(Qt::RightArrow);
  allSettingsButton_->setAutoRaise(true);
  layout->addWidget(allSettingsButton_);

  allSettings_ = new QWidget(this);
  auto* groupsLayout = new QVBoxLayout(allSettings_);
  groupsLayout->setContentsMargins(0, 0, 0, 0);
  for (const auto group : settingGroups()) {
    QGroupBox* box = nullptr;
    QFormLayout* form = nullptr;
    for (const auto& s : settingsRegistry()) {
      if (s.group != group || s.level != SettingLevel::Advanced) continue;
      if (!box) {
        box = new QGroupBox(translated(settingGroupTitle(group)), allSettings_);
        form = new QFormLayout(box);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        form->setRowWrapPolicy(QFormLayout::WrapLongRows);
        groupsLayout->addWidget(box);
      }
      addRow(form, s);
    }
  }
  layout->addWidget(allSettings_);
  layout->addStretch(1);
  connect(allSettingsButton_, &QToolButton::toggled, this, &ConfigForm::setAllSettingsShown);
  setAllSettingsShown(false);
  setConfig(TrainConfig());
}

void ConfigForm::setAllSettingsShown(bool shown) {
  allSettingsButton_->setChecked(shown);
  allSettingsButton_->setArrowType(shown ? Qt::DownArrow : Qt::RightArrow);
  allSettings_->setVisible(shown);
}

bool ConfigForm::allSettingsShown() const { return allSettingsButton_->isChecked(); }

QWidget* ConfigForm::makeEditor(const Setting& s) {
  const QString key = QString::fromStdString(s.key);
  QWidget* editor = nullptr;
  if (s.type == SettingType::Boolean) {
    auto* box = new QCheckBox(this);
    connect(box, &QCheckBox::toggled, this, [this] {
      if (!loading_) Q_EMIT changed();
    });
    editor = box;
  } else if (s.choices) {
    auto* combo = new QComboBox(this);
    for (const auto& name : s.choices()) combo->addItem(QString::fromStdString(name));
    combo->setEditable(s.choicesSuggested);  // e.g. cuda:N besides the offered devices
    connect(combo, &QComboBox::currentTextChanged, this, [this] {
      if (!loading_) Q_EMIT changed();
    });
    editor = combo;
  } else {
    auto* line = new QLineEdit(this);
    if (*s.emptyListText) line->setPlaceholderText(translated(s.emptyListText));
    connect(line, &QLineEdit::textChanged, this, [this] {
      if (!loading_) Q_EMIT changed();
    });
    editor = line;
  }
  editor->setObjectName(key);
  editor->setToolTip(translated(s.tooltip));
  editor->setAccessibleName(translated(s.label));  // screen readers: the row's label names the field
  fields_.insert(key, editor);
  order_.append(key);
  return editor;
}

QString ConfigForm::displayText(const Setting& s, const json& value) {
  switch (s.type) {
    case SettingType::Real:
      return QString::fromStdString(formatNumber(value.get<double>()));
    case SettingType::RealList: {
      QStringList values;
      for (const auto& v : value) values << QString::fromStdString(formatNumber(v.get<double>()));
      return values.join(QStringLiteral(", "));
    }
    case SettingType::Text:
      return QString::fromStdString(value.get<std::string>());
    case SettingType::Boolean:
      return value.get<bool>() ? QStringLiteral("true") : QStringLiteral("false");
    case SettingType::Integer:
      break;
  }
  return QString::fromStdString(value.dump());
}

void ConfigForm::setConfig(const TrainConfig& config) {
  loading_ = true;
  for (const auto& s : settingsRegistry()) {
    const QString key = QString::fromStdString(s.key);
    const json value = s.get(config);
    const QString text = displayText(s, value);
    exactValue_.insert(key, value);
    shownText_.insert(key, text);
    setFieldText(key, text);
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

json ConfigForm::parseField(const Setting& s, const QString& text, QString* why) const {
  switch (s.type) {
    case SettingType::Text:
      return text.toStdString();
    case SettingType::Boolean:
      return text == QLatin1String("true");
    case SettingType::Integer:
    case SettingType::Real:
      try {
        json value = json::parse(text.toStdString());
        if (value.is_number()) return value;
      } catch (const json::exception&) {
      }
      *why = tr("'%1' is not a number").arg(text);
      return {};
    case SettingType::RealList: {
      // "0.01, 0.05" as shown, or JSON's "[0.01, 0.05]".
      const QString list = text.startsWith('[') ? text : QStringLiteral("[%1]").arg(text);
      try {
        json value = json::parse(list.toStdString());
        bool numbers = value.is_array();
        for (const auto& v : value) numbers = numbers && v.is_number();
        if (numbers) return value;
      } catch (const json::exception&) {
      }
      *why = tr("'%1' is not a list of numbers such as 0.01, 0.05").arg(text);
      return {};
    }
  }
  return {};
}

TrainConfig ConfigForm::config(QStringList* problems) const {
  TrainConfig result;
  QStringList found;
  for (const auto& s : settingsRegistry()) {
    const QString key = QString::fromStdString(s.key);
    const QString text = fieldText(key).trimmed();
    // An untouched field keeps the exact value it was given (1.333 shown, 4/3 meant).
    json value = text == shownText_.value(key) ? exactValue_.value(key) : json();
    QString why;
    if (value.is_null()) value = parseField(s, text, &why);
    if (why.isEmpty()) {
      try {
        s.set(result, value);
      } catch (const ConfigError& e) {
        why = QString::fromStdString(e.what());
      }
    }
    if (!why.isEmpty()) found << tr("%1 (%2): %3").arg(labelFor(key), key, why);
  }
  try {
    result = configFromJson(toJson(result), "form");  // also takes the augmentation's size from the model
    for (const auto& p : validationProblems(result, FileChecks::Skip)) found << QString::fromStdString(p);
  } catch (const std::exception& e) {
    found << QString::fromStdString(e.what());
  }
  if (problems) *problems = found;
  return result;
}

}  // namespace folk::ui
