#pragma once
// Every setting of a TrainConfig as an editable form, built from the settings registry
// (core/io/settings_registry.h): the essentials a newcomer decides first (dataset, model,
// objective, length, batch, learning rate, mask ratios, evaluation interval, seed), then "All
// settings", which opens the rest grouped as in the registry. Each field has its human label, its
// unit and a tooltip, all translated; numbers are shown as people write them (1.333, an empty list
// as "auto (from the data)") while an untouched field keeps its exact value. Values are parsed and
// validated on every edit, and the problems (parse errors, then the engine's validation sentences)
// are reported, so Start can stay disabled with the reason shown.
#include <QHash>
#include <QStringList>
#include <QWidget>

#include <nlohmann/json.hpp>

#include "core/io/train_config.h"

class QToolButton;

namespace folk {
struct Setting;
}

namespace folk::ui {

class ConfigForm : public QWidget {
  Q_OBJECT

 public:
  explicit ConfigForm(QWidget* parent = nullptr);

  void setConfig(const TrainConfig& config);  // does not emit changed()
  // The config the fields describe; `problems` receives every reason it cannot be used (empty
  // when it can) that the settings alone show: no file is looked at (the page checks the files
  // they name in the background). On parse errors the returned config holds the last parsable values.
  TrainConfig config(QStringList* problems = nullptr) const;

  // The editor of a dotted key ("optimisation.base_lr"), for tests and for the page's shortcuts.
  QWidget* field(const QString& key) const { return fields_.value(key); }
  // Sets a field from text as a user would type it (emits changed()).
  bool setFieldText(const QString& key, const QString& text);
  QString fieldText(const QString& key) const;
  QStringList keys() const { return order_; }

  // Shows or hides the settings beyond the essentials.
  void setAllSettingsShown(bool shown);
  bool allSettingsShown() const;

  static QString tooltipFor(const QString& key);
  static QString labelFor(const QString& key);  // the translated row label

 Q_SIGNALS:
  void changed();

 private:
  QWidget* makeEditor(const Setting& setting);
  // The text a field shows for a JSON value ("0.005, 0.01, 0.05", "1.333").
  static QString displayText(const Setting& setting, const nlohmann::json& value);
  // The JSON value of a field's text, or null with the reason in `why`.
  nlohmann::json parseField(const Setting& setting, const QString& text, QString* why) const;

  QHash<QString, QWidget*> fields_;
  QStringList order_;
  // The exact value each field was set to and the text it showed then: an untouched 1.333 stays
  // 4/3 rather than becoming 1.333.
  QHash<QString, QString> shownText_;
  QHash<QString, nlohmann::json> exactValue_;
  QToolButton* allSettingsButton_ = nullptr;
  QWidget* allSettings_ = nullptr;
  bool loading_ = false;
};

}  // namespace folk::ui
