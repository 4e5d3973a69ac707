#pragma once
// Shows one QImage with its aspect ratio kept: fitted to the widget by default, zoomable with the
// wheel (around the cursor), pannable by dragging, back to fit on double-click. An optional overlay
// (ARGB, same size as the image) is drawn on top. The zoom/pan state can be mirrored between views
// (viewStateChanged / setViewState) so the same region is inspected in several images at once.
#include <QImage>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QWidget>
#include <optional>

namespace folk::ui {

// Zoom and pan independent of widget and image size, so it can be copied between views.
struct ViewState {
  bool fit = true;             // zoom-to-fit; the other fields are ignored when true
  double zoomOverFit = 1.0;    // scale relative to the fitted scale
  QPointF centre{0.5, 0.5};    // image point at the centre of the view, in [0,1]²
};

class ImageView : public QWidget {
  Q_OBJECT

 public:
  explicit ImageView(QWidget* parent = nullptr);

  // Keeps the current zoom when the new image has the same size (e.g. a new mask for the same
  // image while rho is dragged); otherwise goes back to zoom-to-fit.
  void setImage(const QImage& image);
  const QImage& image() const { return image_; }
  void clear();

  void setOverlay(const QImage& overlay);
  const QImage& overlay() const { return overlay_; }
  void setOverlayVisible(bool visible);
  bool overlayVisible() const { return overlayVisible_; }

  void setTitle(const QString& title);
  QString title() const { return title_; }
  void setPlaceholderText(const QString& text);  // drawn when there is no image
  QString placeholderText() const { return placeholder_; }
  // Off for spectra and masks (each coefficient stays a crisp block when magnified).
  void setSmoothScaling(bool smooth);

  ViewState viewState() const;
  void setViewState(const ViewState& state);  // does not emit viewStateChanged
  void zoomToFit();
  void zoomBy(double factor, QPointF widgetAnchor);

  // Where the image is drawn, in widget coordinates (empty without an image).
  QRectF imageRect() const;
  // Pixel under a widget position, or nullopt outside the image.
  std::optional<QPoint> pixelAt(QPointF widgetPos) const;

  QSize sizeHint() const override { return {320, 280}; }
  QSize minimumSizeHint() const override { return {120, 100}; }

 Q_SIGNALS:
  void pixelHovered(QPoint pixel);
  void hoverLeft();
  void viewStateChanged(const folk::ui::ViewState& state);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void mouseDoubleClickEvent(QMouseEvent* event) override;
  void leaveEvent(QEvent* event) override;

  QRectF viewport() const;  // the widget minus the title strip

 private:
  double fitScale() const;
  double scale() const;
  void emitViewState();

  QImage image_;
  QImage overlay_;
  bool overlayVisible_ = false;
  QString title_;
  QString placeholder_;
  bool smooth_ = true;
  ViewState state_;
  std::optional<QPointF> dragStart_;
  QPointF dragCentre_;
};

}  // namespace folk::ui

Q_DECLARE_METATYPE(folk::ui::ViewState)
