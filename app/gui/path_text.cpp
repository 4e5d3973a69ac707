#include "app/gui/path_text.h"

#include <QDir>

namespace folk::ui {

namespace {
QString withoutTrailingSlash(const QString& path) {
  QString p = QDir::fromNativeSeparators(path);
  while (p.size() > 1 && p.endsWith(QLatin1Char('/'))) p.chop(1);
  return p;
}
}  // namespace

QString fileNameOf(const QString& path) {
  const QString p = withoutTrailingSlash(path);
  return p.mid(p.lastIndexOf(QLatin1Char('/')) + 1);
}

QString parentOf(const QString& path) {
  const QString p = withoutTrailingSlash(path);
  const auto slash = p.lastIndexOf(QLatin1Char('/'));
  if (slash < 0) return QStringLiteral(".");
  return slash == 0 ? QStringLiteral("/") : p.left(slash);
}

QString childPath(const QString& folder, const QString& name) {
  const QString f = withoutTrailingSlash(folder);
  return f == QLatin1String("/") ? f + name : f + QLatin1Char('/') + name;
}

QString nativePath(const QString& path) { return QDir::toNativeSeparators(path); }  // text only

}  // namespace folk::ui
