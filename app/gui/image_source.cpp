#include "app/gui/image_source.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <vector>

#include "core/data/image_file.h"
#include "core/data/image_format.h"

// The samples are compiled into folk_gui_lib, a static library: without an explicit reference the
// linker would drop the resource object and ":/samples/..." would not exist. Must be outside a namespace.
static void initSampleResources() {
  static const bool once = [] {
    Q_INIT_RESOURCE(samples);
    return true;
  }();
  (void)once;
}

namespace folk::ui {

QStringList sampleImageKeys() {
  initSampleResources();
  const QStringList names = {QStringLiteral("astronaut.png"), QStringLiteral("camera.png"),
                             QStringLiteral("coffee.png"),    QStringLiteral("chelsea.png"),
                             QStringLiteral("rocket.jpg"),    QStringLiteral("moon.png"),
                             QStringLiteral("hubble_deep_field.jpg")};
  QStringList keys;
  for (const QString& n : names) keys << QStringLiteral(":/samples/") + n;
  return keys;
}

bool isResourceKey(const QString& key) { return key.startsWith(QLatin1Char(':')); }

QString displayNameForKey(const QString& key) { return QFileInfo(key).fileName(); }

folk::Image loadImageForKey(const QString& key) {
  if (!isResourceKey(key)) return folk::loadImage(QFile::encodeName(key).toStdString());
  initSampleResources();
  QFile file(key);
  if (!file.open(QIODevice::ReadOnly))
    throw folk::ImageFileError(key.toStdString(), "the embedded sample is missing from this build");
  const QByteArray bytes = file.readAll();
  const std::vector<std::uint8_t> data(bytes.begin(), bytes.end());
  return folk::decodeImage(data, key.toStdString());
}

const QStringList& imageFileSuffixes() {
  static const QStringList suffixes = [] {
    QStringList list;
    for (const auto& format : folk::readableImageFormats())
      for (const char* extension : format.extensions) list << QString::fromLatin1(extension);
    return list;
  }();
  return suffixes;
}

bool hasImageSuffix(const QString& path) { return imageFileSuffixes().contains(QFileInfo(path).suffix().toLower()); }

ExpandedPaths expandImagePaths(const QStringList& paths, int maxFiles, const std::atomic<bool>* cancel,
                               std::atomic<int>* foundCount) {
  ExpandedPaths out;
  auto cancelled = [&] { return cancel && cancel->load(std::memory_order_relaxed); };
  auto add = [&](const QString& file) {
    if (out.files.size() >= maxFiles) {
      out.truncated = true;
      return false;
    }
    if (!out.files.contains(file)) out.files << file;
    return true;
  };
  for (const QString& path : paths) {
    const QFileInfo info(path);
    if (!info.exists()) {
      out.problems << QObject::tr("%1: the file does not exist").arg(path);
    } else if (info.isDir()) {
      QStringList found;
      QDirIterator it(info.absoluteFilePath(), QDir::Files | QDir::Readable, QDirIterator::Subdirectories);
      while (it.hasNext()) {
        if (cancelled()) {
          out.cancelled = true;
          break;
        }
        const QString f = it.next();
        if (hasImageSuffix(f)) {
          found << f;
          if (foundCount) ++*foundCount;
        }
      }
      found.sort();
      if (found.isEmpty() && !out.cancelled) out.problems << QObject::tr("%1: the folder contains no image files").arg(path);
      for (const QString& f : found)
        if (!add(f)) break;
    } else {
      add(info.absoluteFilePath());
    }
    if (out.truncated || out.cancelled) break;
  }
  return out;
}

}  // namespace folk::ui
