#include "app/gui/thumbnail_loader.h"

#include <QMetaObject>
#include <exception>

#include "app/gui/image_convert.h"
#include "app/gui/image_source.h"

namespace folk::ui {

ThumbnailResult makeThumbnail(const QString& key, int size) {
  ThumbnailResult r;
  r.key = key;
  try {
    const folk::Image image = loadImageForKey(key);
    r.thumbnail = toQImage(image).scaled(size, size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    r.info = QObject::tr("%1×%2 %3").arg(image.width).arg(image.height).arg(image.channels == 1 ? QObject::tr("grey") : QObject::tr("RGB"));
  } catch (const std::exception& e) {
    r.error = QString::fromStdString(e.what());
  }
  return r;
}

ThumbnailLoader::ThumbnailLoader(QObject* parent, int thumbnailSize) : QObject(parent), size_(thumbnailSize) {
  qRegisterMetaType<ThumbnailResult>("folk::ui::ThumbnailResult");
  pool_.setMaxThreadCount(1);
}

ThumbnailLoader::~ThumbnailLoader() {
  pool_.clear();
  pool_.waitForDone();
}

void ThumbnailLoader::load(const QString& key) {
  const int size = size_;
  ++queued_;
  pool_.start([this, key, size] {
    if (queued_ > 0) --queued_;
    ThumbnailResult r = makeThumbnail(key, size);
    // Queued to this object's (GUI) thread; the destructor waits for this job, so `this` is alive,
    // and events still queued when it is destroyed are discarded with it.
    QMetaObject::invokeMethod(this, [this, r] { Q_EMIT loaded(r); }, Qt::QueuedConnection);
  });
}

bool ThumbnailLoader::idle() const { return pool_.activeThreadCount() == 0; }

int ThumbnailLoader::cancelPending() {
  const int queued = queued_.exchange(0);
  pool_.clear();
  return queued;
}

}  // namespace folk::ui
