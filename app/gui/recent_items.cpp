#include "app/gui/recent_items.h"

#include <QFileInfo>
#include <QSettings>

namespace folk::ui {
namespace {
QString settingsKey(const QString& list) { return QStringLiteral("recent/") + list; }
}  // namespace

QStringList recentItems(const QString& list) {
  QSettings settings;
  const QStringList stored = settings.value(settingsKey(list)).toStringList();
  QStringList existing;
  for (const QString& path : stored)
    if (QFileInfo::exists(path) && !existing.contains(path)) existing << path;
  if (existing != stored) settings.setValue(settingsKey(list), existing);
  return existing;
}

void addRecentItem(const QString& list, const QString& path, int max) {
  if (path.isEmpty() || path.startsWith(QLatin1Char(':'))) return;  // embedded samples are not files
  const QFileInfo info(path);
  if (!info.exists()) return;
  const QString absolute = info.absoluteFilePath();
  QSettings settings;
  QStringList items = settings.value(settingsKey(list)).toStringList();
  items.removeAll(absolute);
  items.prepend(absolute);
  while (items.size() > max) items.removeLast();
  settings.setValue(settingsKey(list), items);
}

void clearRecentItems(const QString& list) { QSettings().remove(settingsKey(list)); }

QString lastDirectory(const QString& purpose, const QString& fallback) {
  const QString dir = QSettings().value(QStringLiteral("lastDirectory/") + purpose).toString();
  return !dir.isEmpty() && QFileInfo(dir).isDir() ? dir : fallback;
}

void rememberDirectory(const QString& purpose, const QString& fileOrFolder) {
  if (fileOrFolder.isEmpty()) return;
  const QFileInfo info(fileOrFolder);
  QSettings().setValue(QStringLiteral("lastDirectory/") + purpose,
                       info.isDir() ? info.absoluteFilePath() : info.absolutePath());
}

}  // namespace folk::ui
