#include "app/gui/recent_items.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace folk::ui {
namespace {
QString settingsKey(const QString& list) { return QStringLiteral("recent/") + list; }
}  // namespace

QStringList recentItems(const QString& list) {
  QStringList items = QSettings().value(settingsKey(list)).toStringList();
  items.removeDuplicates();
  return items;
}

void addRecentItem(const QString& list, const QString& path, int max) {
  if (path.isEmpty() || path.startsWith(QLatin1Char(':'))) return;  // embedded samples are not files
  const QString absolute = QDir::cleanPath(QDir::current().absoluteFilePath(path));  // no stat
  QSettings settings;
  QStringList items = settings.value(settingsKey(list)).toStringList();
  items.removeAll(absolute);
  items.prepend(absolute);
  while (items.size() > max) items.removeLast();
  settings.setValue(settingsKey(list), items);
}

void forgetRecentItems(const QString& list, const QStringList& paths) {
  if (paths.isEmpty()) return;
  QSettings settings;
  QStringList items = settings.value(settingsKey(list)).toStringList();
  for (const QString& path : paths) items.removeAll(path);
  settings.setValue(settingsKey(list), items);
}

void clearRecentItems(const QString& list) { QSettings().remove(settingsKey(list)); }

QStringList missingPaths(const QStringList& paths) {
  QStringList missing;
  for (const QString& path : paths)
    if (!QFileInfo::exists(path)) missing << path;
  return missing;
}

QString lastDirectory(const QString& purpose, const QString& fallback) {
  const QString dir = QSettings().value(QStringLiteral("lastDirectory/") + purpose).toString();
  return dir.isEmpty() ? fallback : dir;  // a folder gone since: the file dialog opens elsewhere
}

void rememberDirectory(const QString& purpose, const QString& folder) {
  if (folder.isEmpty()) return;
  QSettings().setValue(QStringLiteral("lastDirectory/") + purpose, folder);
}

}  // namespace folk::ui
