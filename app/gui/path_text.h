#pragma once
// Paths as text: the names and folders the pages show and build, computed from the string alone.
// Nothing here asks the file system anything (no stat, no current directory), so the pages can use
// it on the GUI thread whatever the runs folder is (a stalled network share included); every read
// or write of the folder itself goes through their background jobs (run_file_operations.h).
#include <QString>

namespace folk::ui {

QString fileNameOf(const QString& path);   // the last component: "/runs/2026-x" -> "2026-x"
QString parentOf(const QString& path);     // "/runs/2026-x" -> "/runs"; "/x" -> "/"
QString childPath(const QString& folder, const QString& name);  // folder + "/" + name
QString nativePath(const QString& path);   // with the platform's separators, for display

}  // namespace folk::ui
