// ImageView: aspect kept when fitted, wheel zoom keeps the point under the cursor, and linked
// views can copy the zoom state.
#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QMimeData>
#include <QTest>

#include "widgets/image_view.h"
#include "widgets/thumbnail_strip.h"

using folk::ui::ImageView;

TEST(ImageView, FitKeepsAspectRatio) {
  ImageView view;
  view.resize(400, 400);
  view.setImage(QImage(200, 100, QImage::Format_RGB32));
  const QRectF r = view.imageRect();
  EXPECT_NEAR(r.width() / r.height(), 2.0, 1e-9);
  EXPECT_LE(r.width(), 400.0);
  EXPECT_NEAR(r.center().y(), 200.0, 1.0);
}

TEST(ImageView, ZoomKeepsAnchorPixelAndDoubleClickFits) {
  ImageView view;
  view.resize(400, 400);
  QImage img(100, 100, QImage::Format_RGB32);
  view.setImage(img);
  const QPointF anchor(250, 150);
  const auto before = view.pixelAt(anchor);
  ASSERT_TRUE(before.has_value());
  QSignalSpy spy(&view, &ImageView::viewStateChanged);
  view.zoomBy(4.0, anchor);
  EXPECT_EQ(spy.count(), 1);
  EXPECT_FALSE(view.viewState().fit);
  EXPECT_EQ(view.pixelAt(anchor), before);
  EXPECT_GT(view.imageRect().width(), 1000.0);

  ImageView other;
  other.resize(400, 400);
  other.setImage(img);
  other.setViewState(view.viewState());
  EXPECT_EQ(other.pixelAt(anchor), before);

  view.zoomToFit();
  EXPECT_TRUE(view.viewState().fit);
  // A new image of the same size keeps the zoom; a different size fits again.
  other.setImage(QImage(100, 100, QImage::Format_RGB32));
  EXPECT_FALSE(other.viewState().fit);
  other.setImage(QImage(50, 100, QImage::Format_RGB32));
  EXPECT_TRUE(other.viewState().fit);
}

TEST(ThumbnailStrip, KeysSelectionAndReplace) {
  folk::ui::ThumbnailStrip strip;
  QSignalSpy spy(&strip, &folk::ui::ThumbnailStrip::currentKeyChanged);
  strip.addThumbnail(QStringLiteral("/a.png"), QStringLiteral("a.png"), QImage(10, 20, QImage::Format_RGB32));
  strip.addThumbnail(QStringLiteral("/b.png"), QStringLiteral("b.png"), QImage(20, 10, QImage::Format_RGB32));
  strip.addThumbnail(QStringLiteral("/a.png"), QStringLiteral("a2.png"), QImage(10, 10, QImage::Format_RGB32));
  EXPECT_EQ(strip.keys(), QStringList({QStringLiteral("/a.png"), QStringLiteral("/b.png")}));
  strip.selectKey(QStringLiteral("/b.png"));
  EXPECT_EQ(strip.currentKey(), QStringLiteral("/b.png"));
  ASSERT_GE(spy.count(), 1);
  EXPECT_EQ(spy.last().at(0).toString(), QStringLiteral("/b.png"));
}

TEST(ThumbnailStrip, DropOfLocalFilesReportsPaths) {
  folk::ui::ThumbnailStrip strip;
  QSignalSpy spy(&strip, &folk::ui::ThumbnailStrip::pathsDropped);
  QMimeData mime;
  mime.setUrls({QUrl::fromLocalFile(QStringLiteral("/tmp/x.png")), QUrl(QStringLiteral("https://example.org/y.png"))});
  // What a real drag delivers to the list's viewport: enter (must be accepted), then drop.
  QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
  QCoreApplication::sendEvent(strip.viewport(), &enter);
  EXPECT_TRUE(enter.isAccepted());
  QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
  QCoreApplication::sendEvent(strip.viewport(), &drop);
  ASSERT_EQ(spy.count(), 1);
  EXPECT_EQ(spy.at(0).at(0).toStringList(), QStringList({QStringLiteral("/tmp/x.png")}));
}
