#include "widgets/image_view.h"

#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace folk::ui {
namespace {
constexpr double kMaxZoomOverFit = 64.0;
constexpr double kMinZoomOverFit = 0.25;
}  // namespace

ImageView::ImageView(QWidget* parent) : QWidget(parent) {
  setMouseTracking(true);
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
  setAttribute(Qt::WA_OpaquePaintEvent);
  setAccessibleDescription(tr("Image view: mouse wheel zooms, dragging pans, a double click fits the image"));
}

void ImageView::setImage(const QImage& image) {
  if (image.size() != image_.size()) state_ = ViewState{};
  image_ = image;
  if (!overlay_.isNull() && overlay_.size() != image_.size()) overlay_ = QImage();
  update();
}

void ImageView::clear() {
  image_ = QImage();
  overlay_ = QImage();
  state_ = ViewState{};
  update();
}

void ImageView::setOverlay(const QImage& overlay) {
  overlay_ = overlay;
  update();
}

void ImageView::setOverlayVisible(bool visible) {
  overlayVisible_ = visible;
  update();
}

void ImageView::setTitle(const QString& title) {
  title_ = title;
  setAccessibleName(title);  // what a screen reader announces for the picture
  update();
}

void ImageView::setPlaceholderText(const QString& text) {
  placeholder_ = text;
  update();
}

void ImageView::setSmoothScaling(bool smooth) {
  smooth_ = smooth;
  update();
}

QRectF ImageView::viewport() const {
  const int strip = title_.isEmpty() ? 0 : fontMetrics().height() + 6;
  return QRectF(0, strip, width(), std::max(1, height() - strip));
}

double ImageView::fitScale() const {
  if (image_.isNull()) return 1.0;
  const QRectF vp = viewport().adjusted(2, 2, -2, -2);
  return std::max(1e-6, std::min(vp.width() / image_.width(), vp.height() / image_.height()));
}

double ImageView::scale() const { return fitScale() * (state_.fit ? 1.0 : state_.zoomOverFit); }

QRectF ImageView::imageRect() const {
  if (image_.isNull()) return {};
  const double s = scale();
  const QSizeF size(image_.width() * s, image_.height() * s);
  const QPointF c = viewport().center();
  if (state_.fit) return QRectF(c - QPointF(size.width() / 2, size.height() / 2), size);
  const QPointF topLeft(c.x() - state_.centre.x() * size.width(), c.y() - state_.centre.y() * size.height());
  return QRectF(topLeft, size);
}

std::optional<QPoint> ImageView::pixelAt(QPointF pos) const {
  const QRectF r = imageRect();
  if (r.isEmpty() || !r.contains(pos)) return std::nullopt;
  const int x = std::clamp(int((pos.x() - r.left()) / r.width() * image_.width()), 0, image_.width() - 1);
  const int y = std::clamp(int((pos.y() - r.top()) / r.height() * image_.height()), 0, image_.height() - 1);
  return QPoint(x, y);
}

ViewState ImageView::viewState() const { return state_; }

void ImageView::setViewState(const ViewState& state) {
  state_ = state;
  state_.zoomOverFit = std::clamp(state_.zoomOverFit, kMinZoomOverFit, kMaxZoomOverFit);
  update();
}

void ImageView::zoomToFit() {
  state_ = ViewState{};
  update();
  emitViewState();
}

void ImageView::zoomBy(double factor, QPointF anchor) {
  if (image_.isNull()) return;
  const QRectF before = imageRect();
  // The image point under the anchor stays under the anchor.
  const QPointF rel((anchor.x() - before.left()) / before.width(), (anchor.y() - before.top()) / before.height());
  const double zoom = std::clamp((state_.fit ? 1.0 : state_.zoomOverFit) * factor, kMinZoomOverFit, kMaxZoomOverFit);
  state_.fit = false;
  state_.zoomOverFit = zoom;
  const double s = fitScale() * zoom;
  const QSizeF size(image_.width() * s, image_.height() * s);
  const QPointF c = viewport().center();
  const QPointF topLeft(anchor.x() - rel.x() * size.width(), anchor.y() - rel.y() * size.height());
  state_.centre = QPointF((c.x() - topLeft.x()) / size.width(), (c.y() - topLeft.y()) / size.height());
  update();
  emitViewState();
}

void ImageView::emitViewState() { Q_EMIT viewStateChanged(state_); }

void ImageView::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(rect(), palette().color(QPalette::Window).darker(115));
  const QRectF vp = viewport();
  if (!title_.isEmpty()) {
    p.fillRect(QRectF(0, 0, width(), vp.top()), palette().color(QPalette::Window));
    p.setPen(palette().color(QPalette::WindowText));
    QFont f = font();
    f.setBold(true);
    p.setFont(f);
    p.drawText(QRectF(6, 0, width() - 12, vp.top()), Qt::AlignVCenter | Qt::AlignLeft,
               fontMetrics().elidedText(title_, Qt::ElideRight, width() - 12));
    p.setFont(font());
  }
  p.setClipRect(vp);
  if (image_.isNull()) {
    p.setPen(palette().color(QPalette::PlaceholderText));
    p.drawText(vp, Qt::AlignCenter | Qt::TextWordWrap, placeholder_);
    return;
  }
  const QRectF target = imageRect();
  // Smooth filtering only when shrinking photos; magnified spectra/masks stay blocky on purpose.
  p.setRenderHint(QPainter::SmoothPixmapTransform, smooth_ || target.width() < image_.width());
  p.drawImage(target, image_);
  if (overlayVisible_ && !overlay_.isNull()) p.drawImage(target, overlay_);
}

void ImageView::wheelEvent(QWheelEvent* event) {
  const double steps = event->angleDelta().y() / 120.0;
  if (steps == 0.0 || image_.isNull()) return;
  zoomBy(std::pow(1.25, steps), event->position());
  event->accept();
}

void ImageView::mousePressEvent(QMouseEvent* event) {
  if (event->button() == Qt::LeftButton && !state_.fit) {
    dragStart_ = event->position();
    dragCentre_ = state_.centre;
    setCursor(Qt::ClosedHandCursor);
  }
  QWidget::mousePressEvent(event);
}

void ImageView::mouseMoveEvent(QMouseEvent* event) {
  if (dragStart_) {
    const QRectF r = imageRect();
    const QPointF d = event->position() - *dragStart_;
    state_.centre = QPointF(dragCentre_.x() - d.x() / r.width(), dragCentre_.y() - d.y() / r.height());
    update();
    emitViewState();
  }
  if (auto px = pixelAt(event->position()))
    Q_EMIT pixelHovered(*px);
  else
    Q_EMIT hoverLeft();
  QWidget::mouseMoveEvent(event);
}

void ImageView::mouseReleaseEvent(QMouseEvent* event) {
  if (event->button() == Qt::LeftButton && dragStart_) {
    dragStart_.reset();
    unsetCursor();
  }
  QWidget::mouseReleaseEvent(event);
}

void ImageView::mouseDoubleClickEvent(QMouseEvent* event) {
  if (event->button() == Qt::LeftButton) zoomToFit();
  QWidget::mouseDoubleClickEvent(event);
}

void ImageView::leaveEvent(QEvent* event) {
  Q_EMIT hoverLeft();
  QWidget::leaveEvent(event);
}

}  // namespace folk::ui
