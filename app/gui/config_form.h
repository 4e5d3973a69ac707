#pragma once
// Every hyperparameter of a TrainConfig as an editable form, grouped as in config.json (data,
// model, objective, masks, optimisation, evaluation, device, checkpoint, run). The form is built
// from the config's own JSON, so a new engine setting appears here without GUI code; each field
// has a tooltip that says what it does. Values are parsed and validated on every edit, and the
// problems (parse errors, then the engine's validation sentences) are reported, so Start can stay
// disabled with the reason shown.
#include <QHash>
#include <QStringList>
#include <QWidget>

#include "core/io/train_config.h"

class QFormLayout;
class QVBoxLayout;

namespace folk::ui {

class ConfigForm : public QWidget {
  Q_OBJECT

 public:
  explicit ConfigForm(QWidget* parent = nullptr);

  void setConfig(const TrainConfig& config);  // does not emit changed()
  // The config the fields describe; `problems` receives every reason it cannot be used (empty
  // when it can). On parse errors the returned config holds the last parsable values.
  TrainConfig config(QStringList* problems = nullptr) const;

  // The editor of a dotted key ("optimisation.base_lr"), for tests and for the page's shortcuts.
  QWidget* field(const QString& key) const { return fields_.value(key); }
  // Sets a field from text as a user would type it (emits changed()).
  bool setFieldText(const QString& key, const QString& text);
  QString fieldText(const QString& key) const;
  QStringList keys() const { return order_; }

  static QString tooltipFor(const QString& key);
  static QString labelFor(const QString& key);  // the translated row label

 Q_SIGNALS:
  void changed();

 private:
  void build(const nlohmann::json& json);
  void addFields(const nlohmann::json& object, const QString& prefix, QFormLayout* form);

  QVBoxLayout* groupsLayout_;
  QHash<QString, QWidget*> fields_;
  QHash<QString, int> kinds_;  // nlohmann::json::value_t of the default value
  QStringList order_;
  bool loading_ = false;
};

}  // namespace folk::ui
