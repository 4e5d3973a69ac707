#pragma once
// Results' Settings tab: the settings of the selected runs side by side, one column per run, one
// row per setting of the registry (its label, translated; the key in the tooltip). By default only
// the settings that differ between the runs, or every setting when one run is selected. A value
// that differs from the first run's is bold.
#include <QAbstractTableModel>
#include <QString>
#include <string>
#include <vector>

namespace folk::ui {

class SettingsComparisonModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  struct Run {
    QString name;                       // the column's title (the run folder's name)
    std::vector<std::string> settings;  // RunSummary::settings; empty: config.json was not read
    bool operator==(const Run& other) const { return name == other.name && settings == other.settings; }
  };

  explicit SettingsComparisonModel(QObject* parent = nullptr);

  // Views keep their scroll position when the runs and their settings did not change.
  void setRuns(std::vector<Run> runs);
  int runCount() const { return int(runs_.size()); }
  // Only the settings that differ (the default), or all. With fewer than two readable runs, all.
  void setOnlyDifferences(bool only);
  bool onlyDifferences() const { return only_; }
  int differingCount() const { return int(differing_.size()); }
  bool showsAll() const;
  QString settingKey(int row) const;  // the registry key of a row

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  void rebuild();

  std::vector<Run> runs_;
  std::vector<std::size_t> differing_;  // registry indices
  std::vector<std::size_t> rows_;       // registry indices shown
  bool only_ = true;
};

}  // namespace folk::ui
