#include "app/gui/run_file_operations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <stdexcept>

#include "core/io/run_files.h"
#include "core/io/run_summary.h"

namespace folk::ui {

// The messages keep the translation context of the page that showed them first.
QString renameRunFolder(const QString& path, const QString& target, const QString& name) {
  if (QFileInfo::exists(target))
    throw std::runtime_error(QCoreApplication::translate("folk::ui::ResultsPage", "%1 already exists").arg(target).toStdString());
  TrainConfig config = loadConfig(QDir(path).filePath(QLatin1String(run_files::kConfig)).toStdString());
  config.name = name.toStdString();
  if (!QDir().rename(path, target))
    throw std::runtime_error(QCoreApplication::translate("folk::ui::ResultsPage", "Cannot rename %1 to %2").arg(path, target).toStdString());
  saveConfig(config, QDir(target).filePath(QLatin1String(run_files::kConfig)).toStdString());
  return target;
}

void deleteRunFolders(const QStringList& paths, const std::function<void(qint64, qint64)>& progress) {
  for (const auto& path : paths) {
    if (!isRunFolder(path.toStdString()))
      throw std::runtime_error(QCoreApplication::translate("folk::ui::ResultsPage", "%1 is not a run folder").arg(path).toStdString());
  }
  qint64 done = 0;
  for (const auto& path : paths) {
    if (!QDir(path).removeRecursively())
      throw std::runtime_error(QCoreApplication::translate("folk::ui::ResultsPage", "Could not delete all of %1").arg(path).toStdString());
    progress(++done, paths.size());
  }
}

void writeTextFileAtomically(const QString& path, const std::string& text) {
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(text.data(), qint64(text.size())) != qint64(text.size()) ||
      !file.commit()) {
    throw std::runtime_error(QCoreApplication::translate("folk::ui::ResultsPage", "Cannot write %1: %2").arg(path, file.errorString()).toStdString());
  }
}

bool folderHoldsCifarBatches(const QString& path) {
  return !QDir(path).entryList({QStringLiteral("data_batch_*.bin"), QStringLiteral("train.bin")}).isEmpty();
}

RunToResume openRunToResume(const std::string& path) {
  auto run = RunDirectory::open(path);
  TrainConfig config = run.loadConfig();
  validate(config);
  auto metrics = readMetrics(run.metricsJsonlPath());
  return RunToResume{std::move(run), std::move(config), std::move(metrics)};
}

}  // namespace folk::ui
