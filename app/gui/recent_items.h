#pragma once
// Most-recently-used lists kept in QSettings ("recent/<list>"): newest first, no duplicates,
// capped. The File menu's "Open Recent" shows them. Nothing here looks at the disk except
// missingPaths(), which the window runs in a background job (an entry on a stalled network share
// must not freeze the menu) before forgetting the entries that are gone.
#include <QString>
#include <QStringList>

namespace folk::ui {

inline constexpr int kRecentItemsMax = 10;
inline constexpr const char* kRecentImages = "images";  // image files and folders opened in Explore
inline constexpr const char* kRecentRuns = "runs";      // run folders (Train, Results)

// The entries as stored, newest first.
QStringList recentItems(const QString& list);
// Moves `path` (made absolute) to the front; embedded resources (":/...") are not recorded.
void addRecentItem(const QString& list, const QString& path, int max = kRecentItemsMax);
// Removes these entries (those found gone), keeping any added meanwhile.
void forgetRecentItems(const QString& list, const QStringList& paths);
void clearRecentItems(const QString& list);
// The paths whose file or folder does not exist. Looks at the disk: may block on a stalled share.
QStringList missingPaths(const QStringList& paths);

// Where the file dialog for `purpose` ("dataset", "config", "export", ...) opened last
// (QSettings "lastDirectory/<purpose>"), or `fallback` when never. Not checked on disk.
QString lastDirectory(const QString& purpose, const QString& fallback = {});
// Remembers `folder` for the next dialog of `purpose` (callers pass the folder of a chosen file).
void rememberDirectory(const QString& purpose, const QString& folder);

}  // namespace folk::ui
