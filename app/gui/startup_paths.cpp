#include "app/gui/startup_paths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <filesystem>

#include "app/gui/main_window.h"
#include "app/gui/train_page.h"
#include "core/io/run_summary.h"

namespace folk::ui {
namespace {

// A folder with at least one run folder directly inside. Stops at the first one, so an image
// folder of thousands of files costs one directory listing.
bool holdsRunFolders(const std::filesystem::path& folder) {
  std::error_code ec;
  for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code typeError;
    if (it->is_directory(typeError) && isRunFolder(it->path().string())) return true;
  }
  return false;
}

// Absolute (the runs folder is kept in the settings) and without the trailing slash that a shell's
// completion adds: the run's runs folder is the path's parent.
QString absoluteFolder(const QString& path) { return QDir::cleanPath(QFileInfo(path).absoluteFilePath()); }

}  // namespace

StartupPaths classifyStartupPaths(const QStringList& paths) {
  StartupPaths out;
  for (const QString& path : paths) {
    const std::filesystem::path native(QFile::encodeName(path).toStdString());
    std::error_code ec;
    if (!std::filesystem::is_directory(native, ec)) {
      out.images << path;
    } else if (isRunFolder(native.string())) {
      out.run = absoluteFolder(path);
    } else if (holdsRunFolders(native)) {
      out.runsFolder = absoluteFolder(path);
    } else {
      out.images << path;
    }
  }
  return out;
}

void openStartupRuns(MainWindow& window, const StartupPaths& paths) {
  if (!paths.runsFolder.isEmpty()) {
    window.trainPage()->setRunsDirectory(paths.runsFolder);  // Results follows and rescans
    window.showWorkspace(2);
  }
  if (!paths.run.isEmpty()) window.openRecentRun(paths.run);
}

}  // namespace folk::ui
