#include "app/gui/settings_comparison_model.h"

#include <QCoreApplication>
#include <QFont>

#include "core/io/settings_comparison.h"
#include "core/io/settings_registry.h"

namespace folk::ui {

SettingsComparisonModel::SettingsComparisonModel(QObject* parent) : QAbstractTableModel(parent) {}

void SettingsComparisonModel::setRuns(std::vector<Run> runs) {
  if (runs == runs_) return;
  beginResetModel();
  runs_ = std::move(runs);
  rebuild();
  endResetModel();
}

void SettingsComparisonModel::setOnlyDifferences(bool only) {
  if (only == only_) return;
  beginResetModel();
  only_ = only;
  rebuild();
  endResetModel();
}

bool SettingsComparisonModel::showsAll() const {
  int readable = 0;
  for (const Run& run : runs_) readable += run.settings.empty() ? 0 : 1;
  return !only_ || readable < 2;
}

void SettingsComparisonModel::rebuild() {
  std::vector<std::vector<std::string>> settings;
  for (const Run& run : runs_) settings.push_back(run.settings);
  differing_ = differingSettings(settings);
  rows_.clear();
  if (runs_.empty()) return;
  if (showsAll()) {
    for (std::size_t i = 0; i < settingsRegistry().size(); ++i) rows_.push_back(i);
  } else {
    rows_ = differing_;
  }
}

QString SettingsComparisonModel::settingKey(int row) const {
  if (row < 0 || row >= int(rows_.size())) return {};
  return QString::fromStdString(settingsRegistry()[rows_[std::size_t(row)]].key);
}

int SettingsComparisonModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(rows_.size()); }

int SettingsComparisonModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() || runs_.empty() ? 0 : 1 + int(runs_.size());
}

QVariant SettingsComparisonModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= int(rows_.size())) return {};
  const std::size_t settingIndex = rows_[std::size_t(index.row())];
  const Setting& setting = settingsRegistry()[settingIndex];
  if (index.column() == 0) {
    if (role == Qt::DisplayRole) return QCoreApplication::translate(kSettingsTranslationContext, setting.label);
    if (role == Qt::ToolTipRole) {
      QString tip = QString::fromStdString(setting.key);
      if (*setting.unit) tip += QStringLiteral(" (") + QCoreApplication::translate(kSettingsTranslationContext, setting.unit) + QLatin1Char(')');
      if (*setting.tooltip) tip += QStringLiteral("\n") + QCoreApplication::translate(kSettingsTranslationContext, setting.tooltip);
      return tip;
    }
    return {};
  }
  const Run& run = runs_[std::size_t(index.column() - 1)];
  const bool known = settingIndex < run.settings.size();
  if (role == Qt::DisplayRole) return known ? QString::fromStdString(run.settings[settingIndex]) : QStringLiteral("—");
  if (role == Qt::ToolTipRole && !known) return tr("%1: config.json could not be read").arg(run.name);
  if (role == Qt::FontRole && known) {
    // Bold where the value is not the first readable run's.
    for (const Run& first : runs_) {
      if (first.settings.empty()) continue;
      if (settingIndex < first.settings.size() && first.settings[settingIndex] != run.settings[settingIndex]) {
        QFont bold;
        bold.setBold(true);
        return bold;
      }
      break;
    }
  }
  return {};
}

QVariant SettingsComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  if (section == 0) return tr("Setting");
  if (section - 1 < int(runs_.size())) return runs_[std::size_t(section - 1)].name;
  return {};
}

}  // namespace folk::ui
