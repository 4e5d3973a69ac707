// SpectrumView: the readout names the right frequency (cycles/pixel), period, angle, magnitude and
// level in dB for a known position, both through readoutAt and through a real mouse move over the
// widget; the scales (log, square root, decibels) map the magnitudes as named.
#include <gtest/gtest.h>

#include <QLocale>
#include <QSignalSpy>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <vector>

#include "widgets/spectrum_view.h"

using folk::ui::SpectrumReadout;
using folk::ui::SpectrumView;
using namespace folk::ui;

namespace {
// H = 8, W = 16 (non-square so rows and columns cannot be confused); value = log(1 + |F|)
// with |F| = 100 * row + col, so the magnitude identifies the coefficient.
std::vector<float> knownSpectrum(int h, int w) {
  std::vector<float> v(std::size_t(h) * w);
  for (int r = 0; r < h; ++r)
    for (int c = 0; c < w; ++c) v[std::size_t(r) * w + c] = float(std::log1p(100.0 * r + c));
  return v;
}
}  // namespace

TEST(SpectrumView, ReadoutAtKnownPosition) {
  SpectrumView view;
  view.setLogSpectrum(knownSpectrum(8, 16), 8, 16);
  // Row 2, col 12: u = 2 - 4 = -2 -> fu = -2/8 = -0.25; v = 12 - 8 = 4 -> fv = 4/16 = 0.25.
  const auto r = view.readoutAt(QPoint(12, 2));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->row, 2);
  EXPECT_EQ(r->col, 12);
  EXPECT_DOUBLE_EQ(r->fu, -0.25);
  EXPECT_DOUBLE_EQ(r->fv, 0.25);
  EXPECT_NEAR(r->radius, std::sqrt(0.125), 1e-12);
  EXPECT_NEAR(r->radiusBins, std::sqrt(20.0), 1e-12);
  EXPECT_NEAR(r->angleDegrees, 45.0, 1e-9);  // up and to the right, as drawn
  EXPECT_NEAR(r->magnitude, 212.0, 212.0 * 1e-6);
  EXPECT_FALSE(r->gain.has_value());
  EXPECT_NEAR(r->periodPixels, 1.0 / std::sqrt(0.125), 1e-9);  // 2.83 px per cycle
  EXPECT_NEAR(r->decibels, 20.0 * std::log10(212.0 / 715.0), 1e-4);  // the largest is 100·7 + 15

  const auto dc = view.readoutAt(QPoint(8, 4));
  ASSERT_TRUE(dc.has_value());
  EXPECT_DOUBLE_EQ(dc->fu, 0.0);
  EXPECT_DOUBLE_EQ(dc->fv, 0.0);
  EXPECT_DOUBLE_EQ(dc->angleDegrees, 0.0);
  EXPECT_TRUE(std::isinf(dc->periodPixels));
  QLocale::setDefault(QLocale::c());
  EXPECT_TRUE(SpectrumView::formatReadout(*r).contains("period 2.8 px")) << SpectrumView::formatReadout(*r).toStdString();
  EXPECT_TRUE(SpectrumView::formatReadout(*r).contains("(-10.6 dB)")) << SpectrumView::formatReadout(*r).toStdString();
  EXPECT_TRUE(SpectrumView::formatReadout(*dc).contains("DC (no period)"));
  QLocale::setDefault(QLocale::system());

  const auto down = view.readoutAt(QPoint(8, 6));  // below DC: angle -90
  ASSERT_TRUE(down.has_value());
  EXPECT_NEAR(down->angleDegrees, -90.0, 1e-9);

  EXPECT_FALSE(view.readoutAt(QPoint(16, 0)).has_value());
  EXPECT_FALSE(view.readoutAt(QPoint(-1, 0)).has_value());
}

TEST(SpectrumView, ReadoutReportsMaskState) {
  SpectrumView view;
  view.setLogSpectrum(knownSpectrum(8, 16), 8, 16);
  std::vector<float> gain(8 * 16, 0.0f);
  gain[2 * 16 + 12] = 1.0f;
  gain[3 * 16 + 12] = 0.25f;
  view.setMask(gain, 8, 16);
  EXPECT_EQ(view.readoutAt(QPoint(12, 2))->gain, std::optional<float>(1.0f));
  EXPECT_EQ(view.readoutAt(QPoint(11, 2))->gain, std::optional<float>(0.0f));
  EXPECT_TRUE(SpectrumView::formatReadout(*view.readoutAt(QPoint(12, 2))).endsWith(QStringLiteral("kept")));
  EXPECT_TRUE(SpectrumView::formatReadout(*view.readoutAt(QPoint(11, 2))).endsWith(QStringLiteral("removed")));
  const QString part = SpectrumView::formatReadout(*view.readoutAt(QPoint(12, 3)));
  EXPECT_TRUE(part.endsWith(QStringLiteral("gain ") + QLocale().toString(0.25, 'f', 3))) << part.toStdString();
  // The overlay dims removed coefficients fully, kept ones not at all, a soft gain in proportion.
  view.setOverlayVisible(true);
  EXPECT_EQ(qAlpha(view.overlay().pixel(12, 2)), 0);
  const int removed = qAlpha(view.overlay().pixel(11, 2)), partly = qAlpha(view.overlay().pixel(12, 3));
  EXPECT_GT(removed, 0);
  EXPECT_GT(partly, 0);
  EXPECT_LT(partly, removed);
  // A mask of the wrong size is ignored rather than misread.
  view.setMask(std::vector<float>(10, 1.0f), 2, 5);
  EXPECT_EQ(view.readoutAt(QPoint(11, 2))->gain, std::optional<float>(0.0f));
}

TEST(SpectrumView, MouseMoveEmitsReadoutOfPixelUnderCursor) {
  SpectrumView view;
  view.resize(320 + 2, 160 + 2 + view.fontMetrics().height() + 6);
  view.setTitle(QStringLiteral("spectrum"));
  view.setLogSpectrum(knownSpectrum(8, 16), 8, 16);
  view.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
  QSignalSpy spy(&view, &SpectrumView::cursorReadout);
  const QRectF r = view.imageRect();
  ASSERT_FALSE(r.isEmpty());
  // Centre of the pixel at row 2, col 12.
  const QPointF pos(r.left() + (12.5 / 16.0) * r.width(), r.top() + (2.5 / 8.0) * r.height());
  QTest::mouseMove(&view, pos.toPoint());
  ASSERT_GE(spy.count(), 1);
  const auto readout = spy.last().at(0).value<SpectrumReadout>();
  EXPECT_EQ(readout.row, 2);
  EXPECT_EQ(readout.col, 12);
  EXPECT_DOUBLE_EQ(readout.fv, 0.25);
  const QString text = SpectrumView::formatReadout(readout);
  EXPECT_TRUE(text.contains(QStringLiteral("-0.2500"))) << text.toStdString();
  EXPECT_TRUE(text.contains(QStringLiteral("45.0°"))) << text.toStdString();
}

TEST(SpectrumView, TheBrushPaintsWhereTheButtonDragsAndPansOnlyWhenOff) {
  SpectrumView view;
  view.resize(320 + 2, 160 + 2 + view.fontMetrics().height() + 6);
  view.setLogSpectrum(knownSpectrum(8, 16), 8, 16);
  view.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
  QSignalSpy spy(&view, &SpectrumView::brushed);
  const QRectF r = view.imageRect();
  auto at = [&](double row, double col) {
    return QPointF(r.left() + (col + 0.5) / 16.0 * r.width(), r.top() + (row + 0.5) / 8.0 * r.height()).toPoint();
  };
  QTest::mousePress(&view, Qt::LeftButton, {}, at(2, 12));
  EXPECT_EQ(spy.count(), 0) << "no brush: the button does not paint";
  QTest::mouseRelease(&view, Qt::LeftButton, {}, at(2, 12));

  view.setBrushRadius(1.5);
  QTest::mousePress(&view, Qt::LeftButton, {}, at(2, 12));
  ASSERT_EQ(spy.count(), 1);
  EXPECT_NEAR(spy.last().at(0).toDouble(), 2.0, 0.1);
  EXPECT_NEAR(spy.last().at(1).toDouble(), 12.0, 0.1);
  EXPECT_EQ(spy.last().at(2).toInt(), 1);
  QTest::mouseMove(&view, at(5, 3));
  ASSERT_EQ(spy.count(), 2) << "dragging paints along";
  EXPECT_NEAR(spy.last().at(0).toDouble(), 5.0, 0.1);
  EXPECT_NEAR(spy.last().at(1).toDouble(), 3.0, 0.1);
  QTest::mouseRelease(&view, Qt::LeftButton, {}, at(5, 3));
  QTest::mouseMove(&view, at(6, 4));
  EXPECT_EQ(spy.count(), 2) << "moving without the button paints nothing";
  QTest::mousePress(&view, Qt::LeftButton, {}, at(1, 1));
  EXPECT_EQ(spy.last().at(2).toInt(), 2) << "a new press is a new stroke";
  QTest::mouseRelease(&view, Qt::LeftButton, {}, at(1, 1));
  view.setBrushRadius(0.0);
  EXPECT_EQ(view.brushRadius(), 0.0);
}

TEST(SpectrumView, ColourMapChangesPixelsNotGeometry) {
  SpectrumView view;
  view.setLogSpectrum(knownSpectrum(8, 16), 8, 16);
  const QImage viridis = view.image();
  view.setColorMap(folk::ui::ColorMap::Name::Magma);
  EXPECT_EQ(view.image().size(), QSize(16, 8));
  EXPECT_NE(view.image(), viridis);
}

TEST(SpectrumView, ScalesMapTheMagnitudeAsNamed) {
  SpectrumView view;
  view.setLogSpectrum(knownSpectrum(8, 16), 8, 16);
  EXPECT_EQ(view.scale(), SpectrumScale::Log);
  EXPECT_EQ(view.displayValues(), view.logSpectrum());
  const QImage logImage = view.image();
  view.setScale(SpectrumScale::Sqrt);
  auto values = view.displayValues();
  EXPECT_NEAR(values[2 * 16 + 12], std::sqrt(212.0), 1e-3);
  EXPECT_NE(view.image(), logImage) << "the picture follows the scale";
  view.setScale(SpectrumScale::Decibel);
  values = view.displayValues();
  EXPECT_NEAR(*std::max_element(values.begin(), values.end()), 0.0, 1e-4);  // the largest is 0 dB
  EXPECT_NEAR(values[2 * 16 + 12], 20.0 * std::log10(212.0 / 715.0), 1e-3);
  EXPECT_FLOAT_EQ(values[0], float(kSpectrumDecibelFloor)) << "|F| = 0 sits at the floor";
  for (const auto& scale : spectrumScales()) {
    EXPECT_EQ(parseSpectrumScale(spectrumScaleName(scale.scale)), scale.scale);
    EXPECT_FALSE(spectrumScaleLabel(scale.scale).isEmpty());
  }
  EXPECT_FALSE(parseSpectrumScale("linear").has_value());
}
