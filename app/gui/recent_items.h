#pragma once
// Most-recently-used lists kept in QSettings ("recent/<list>"): newest first, no duplicates,
// capped. The File menu's "Open Recent" shows them; entries whose file or folder is gone are
// dropped when the list is read.
#include <QString>
#include <QStringList>

namespace folk::ui {

inline constexpr int kRecentItemsMax = 10;
inline constexpr const char* kRecentImages = "images";  // image files and folders opened in Explore
inline constexpr const char* kRecentRuns = "runs";      // run folders (Train, Results)

// The entries that still exist (the missing ones are removed from the settings).
QStringList recentItems(const QString& list);
// Moves `path` (made absolute) to the front; only existing local paths are recorded.
void addRecentItem(const QString& list, const QString& path, int max = kRecentItemsMax);
void clearRecentItems(const QString& list);

// Where the file dialog for `purpose` ("dataset", "config", "export", ...) opened last
// (QSettings "lastDirectory/<purpose>"), or `fallback` when never or when that folder is gone.
QString lastDirectory(const QString& purpose, const QString& fallback = {});
// Remembers the folder of `fileOrFolder` (a file: the folder it is in).
void rememberDirectory(const QString& purpose, const QString& fileOrFolder);

}  // namespace folk::ui
