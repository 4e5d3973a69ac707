#pragma once
// The file work the Train and Results pages ask for, in one place that the pages never call on
// the GUI thread: each function touches the disk (the runs folder may be a stalled network share),
// so a page runs it inside one of its BackgroundJobs jobs and shows the result or the error. Each
// throws std::runtime_error with a sentence naming the file on failure.
#include <QString>
#include <QStringList>
#include <functional>
#include <string>
#include <vector>

#include "core/io/metrics_log.h"
#include "core/io/run_directory.h"
#include "core/io/train_config.h"

namespace folk::ui {

// Renames the run folder `path` to `target` and records `name` in its config.json; refuses when
// `target` exists. Returns `target`.
QString renameRunFolder(const QString& path, const QString& target, const QString& name);

// Deletes the run folders, after checking that every one is a run folder (never an arbitrary folder
// a bug might pass). `progress` gets (deleted, all) after each one.
void deleteRunFolders(const QStringList& paths, const std::function<void(qint64, qint64)>& progress);

// Writes `text` to `path` atomically (a failed write leaves no partial file).
void writeTextFileAtomically(const QString& path, const std::string& text);

// Whether the folder holds CIFAR binary batches (data_batch_*.bin or train.bin).
bool folderHoldsCifarBatches(const QString& path);

// What continuing a run needs from its folder: the folder, its config (validated) and its metrics.
struct RunToResume {
  RunDirectory run;
  TrainConfig config;
  std::vector<MetricsRow> metrics;
};
RunToResume openRunToResume(const std::string& path);

}  // namespace folk::ui
