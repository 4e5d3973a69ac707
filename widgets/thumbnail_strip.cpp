#include "widgets/thumbnail_strip.h"

#include <QDragEnterEvent>
#include <QMimeData>
#include <QPainter>
#include <QScrollBar>
#include <QUrl>
#include <cmath>

namespace folk::ui {
namespace {
constexpr int kKeyRole = Qt::UserRole + 1;
constexpr int kIcon = 88;

// Letterboxed square icon, so thumbnails of different aspect ratios line up.
// Drawn at the screen's device pixel ratio, so thumbnails stay sharp on HiDPI screens.
QIcon squareIcon(const QImage& image, int side, qreal dpr) {
  const int pixels = int(std::ceil(side * dpr));
  QPixmap canvas(pixels, pixels);
  canvas.fill(Qt::transparent);
  if (!image.isNull()) {
    const QImage scaled = image.scaled(pixels, pixels, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    QPainter p(&canvas);
    p.drawImage((pixels - scaled.width()) / 2, (pixels - scaled.height()) / 2, scaled);
  }
  canvas.setDevicePixelRatio(dpr);
  return QIcon(canvas);
}
}  // namespace

QStringList localPathsFromMime(const QMimeData* mime) {
  QStringList paths;
  if (!mime || !mime->hasUrls()) return paths;
  for (const QUrl& url : mime->urls())
    if (url.isLocalFile()) paths << url.toLocalFile();
  return paths;
}

ThumbnailStrip::ThumbnailStrip(QWidget* parent) : QListWidget(parent) {
  setViewMode(QListView::IconMode);
  setFlow(QListView::LeftToRight);
  setWrapping(false);
  setMovement(QListView::Static);
  setResizeMode(QListView::Adjust);
  setIconSize(QSize(kIcon, kIcon));
  setGridSize(QSize(kIcon + 28, kIcon + 2 * fontMetrics().height() + 6));
  setTextElideMode(Qt::ElideMiddle);
  setWordWrap(false);
  setUniformItemSizes(true);
  setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
  setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  setSelectionMode(QAbstractItemView::SingleSelection);
  setDragDropMode(QAbstractItemView::DropOnly);
  setAcceptDrops(true);
  viewport()->setAcceptDrops(true);
  setFixedHeight(gridSize().height() + horizontalScrollBar()->sizeHint().height() + 2 * frameWidth() + 4);
  setToolTip(tr("Drop image files or folders here"));
  connect(this, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* current, QListWidgetItem*) {
    Q_EMIT currentKeyChanged(current ? current->data(kKeyRole).toString() : QString());
  });
}

QListWidgetItem* ThumbnailStrip::itemForKey(const QString& key) const {
  for (int i = 0; i < count(); ++i)
    if (item(i)->data(kKeyRole).toString() == key) return item(i);
  return nullptr;
}

void ThumbnailStrip::addThumbnail(const QString& key, const QString& label, const QImage& thumbnail,
                                  const QString& toolTip) {
  QListWidgetItem* it = itemForKey(key);
  if (!it) {
    it = new QListWidgetItem(this);
    it->setData(kKeyRole, key);
  }
  it->setText(label);
  it->setIcon(squareIcon(thumbnail, kIcon, devicePixelRatioF()));
  it->setToolTip(toolTip.isEmpty() ? key : toolTip);
}

bool ThumbnailStrip::contains(const QString& key) const { return itemForKey(key) != nullptr; }

QStringList ThumbnailStrip::keys() const {
  QStringList out;
  for (int i = 0; i < count(); ++i) out << item(i)->data(kKeyRole).toString();
  return out;
}

QString ThumbnailStrip::currentKey() const {
  const QListWidgetItem* it = currentItem();
  return it ? it->data(kKeyRole).toString() : QString();
}

void ThumbnailStrip::selectKey(const QString& key) {
  if (QListWidgetItem* it = itemForKey(key)) {
    setCurrentItem(it);
    scrollToItem(it);
  }
}

void ThumbnailStrip::removeKey(const QString& key) { delete itemForKey(key); }

void ThumbnailStrip::dragEnterEvent(QDragEnterEvent* event) {
  if (!localPathsFromMime(event->mimeData()).isEmpty())
    event->acceptProposedAction();
  else
    event->ignore();
}

void ThumbnailStrip::dragMoveEvent(QDragMoveEvent* event) {
  if (!localPathsFromMime(event->mimeData()).isEmpty())
    event->acceptProposedAction();
  else
    event->ignore();
}

void ThumbnailStrip::dropEvent(QDropEvent* event) {
  const QStringList paths = localPathsFromMime(event->mimeData());
  if (paths.isEmpty()) {
    event->ignore();
    return;
  }
  event->acceptProposedAction();
  Q_EMIT pathsDropped(paths);
}

}  // namespace folk::ui
