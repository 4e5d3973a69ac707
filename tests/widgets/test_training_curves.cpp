// TrainingCurves: the debiased moving average against hand-computed values, non-finite and (on a
// log axis) non-positive values left out, hiding series, CSV export of the raw data, and batched
// redraws (nothing is drawn until flushReplot / the timer).
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <cmath>
#include <limits>

#include "widgets/training_curves.h"

using folk::ui::TrainingCurves;

namespace {
TrainingCurves* makeCurves() {
  auto* curves = new TrainingCurves;
  curves->addSeries("loss", "loss", TrainingCurves::Panel::Loss, 0, Qt::blue);
  curves->addSeries("lr", "lr", TrainingCurves::Panel::Schedule, 0, Qt::red);
  curves->addSeries("momentum", "momentum", TrainingCurves::Panel::Schedule, 1, Qt::green);
  curves->addSeries("acc", "acc", TrainingCurves::Panel::Accuracy, 0, Qt::black);
  return curves;
}
}  // namespace

TEST(TrainingCurves, DebiasedMovingAverage) {
  std::unique_ptr<TrainingCurves> curves(makeCurves());
  curves->setSmoothing(0.5);
  curves->appendPoint("loss", 1, 4.0);
  EXPECT_DOUBLE_EQ(curves->lastSmoothed("loss"), 4.0);  // debiased: the first value itself
  curves->appendPoint("loss", 2, 2.0);
  // ema = 0.5*(0.5*4) + 0.5*2 = 2; debias 1 - 0.25 = 0.75 -> 8/3
  EXPECT_NEAR(curves->lastSmoothed("loss"), 8.0 / 3.0, 1e-12);
  curves->setSmoothing(0.0);
  EXPECT_DOUBLE_EQ(curves->lastSmoothed("loss"), 2.0);  // recomputed: raw values
  EXPECT_EQ(curves->pointCount("loss"), 2);
  EXPECT_TRUE(std::isnan(curves->lastSmoothed("acc")));
}

TEST(TrainingCurves, SkipsNonFiniteAndNonPositiveOnLogAxis) {
  std::unique_ptr<TrainingCurves> curves(makeCurves());
  const double nan = std::numeric_limits<double>::quiet_NaN();
  curves->appendPoints("loss", {1, 2, 3, 4}, {1.0, nan, 0.0, 2.0});
  EXPECT_EQ(curves->pointCount("loss"), 3);  // NaN dropped, 0 kept on a linear axis
  curves->setLogLoss(true);
  curves->appendPoint("loss", 5, -1.0);
  EXPECT_EQ(curves->pointCount("loss"), 3);  // dropped on a log axis
  curves->appendPoint("unknown", 1, 1.0);    // ignored
  EXPECT_FALSE(curves->hasSeries("unknown"));
}

TEST(TrainingCurves, HidesSeriesAndRedrawsOnlyWhenDirty) {
  std::unique_ptr<TrainingCurves> curves(makeCurves());
  EXPECT_EQ(curves->flushReplot(), 0.0);  // nothing pending
  curves->appendPoints("lr", {1, 2, 3}, {1e-4, 2e-4, 3e-4});
  EXPECT_GE(curves->flushReplot(), 0.0);
  EXPECT_EQ(curves->flushReplot(), 0.0);  // drawn once
  EXPECT_TRUE(curves->seriesVisible("lr"));
  curves->setSeriesVisible("lr", false);
  EXPECT_FALSE(curves->seriesVisible("lr"));
}

TEST(TrainingCurves, ExportsRawDataAsCsvWithEmptyCells) {
  std::unique_ptr<TrainingCurves> curves(makeCurves());
  curves->appendPoints("loss", {10, 20}, {1.5, 1.25});
  curves->appendPoint("acc", 20, 0.75);
  QTemporaryDir dir;
  const QString path = dir.filePath("curves.csv");
  QString error;
  ASSERT_TRUE(curves->exportCsv(path, &error)) << error.toStdString();
  QFile file(path);
  ASSERT_TRUE(file.open(QIODevice::ReadOnly));
  const QString text = QString::fromUtf8(file.readAll());
  EXPECT_EQ(text, QStringLiteral("step,loss,lr,momentum,acc\n10,1.5,,,\n20,1.25,,,0.75\n"));
  EXPECT_FALSE(curves->exportImage(dir.filePath("curves.bmp"), &error));
  EXPECT_TRUE(error.contains(".png"));
  EXPECT_TRUE(curves->exportImage(dir.filePath("curves.png"), &error));
  EXPECT_GT(QFile(dir.filePath("curves.png")).size(), 1000);
}

// The pages draw an export on the GUI thread and write it in a background job: the drawn bytes are
// exactly what exportFile writes, and nothing is written while drawing.
TEST(TrainingCurves, ExportBytesAreWhatTheFileGetsAndTouchNoFile) {
  std::unique_ptr<TrainingCurves> curves(makeCurves());
  curves->appendPoints("loss", {10, 20}, {1.5, 1.25});
  QTemporaryDir dir;
  QString error;
  const auto csv = curves->exportBytes(dir.filePath("curves.csv"), &error);
  ASSERT_TRUE(csv.has_value()) << error.toStdString();
  EXPECT_EQ(*csv, QByteArray("step,loss,lr,momentum,acc\n10,1.5,,,\n20,1.25,,,\n"));
  const auto png = curves->exportBytes(dir.filePath("curves.png"), &error);
  ASSERT_TRUE(png.has_value()) << error.toStdString();
  EXPECT_TRUE(png->startsWith("\x89PNG"));
  const auto pdf = curves->exportBytes(dir.filePath("curves.pdf"), &error);
  ASSERT_TRUE(pdf.has_value()) << error.toStdString();
  EXPECT_TRUE(pdf->startsWith("%PDF"));
  EXPECT_TRUE(QDir(dir.path()).isEmpty()) << "drawing wrote a file";
  EXPECT_FALSE(curves->exportBytes(dir.filePath("curves.bmp"), &error).has_value());
  EXPECT_TRUE(error.contains(".csv")) << error.toStdString();
  ASSERT_TRUE(TrainingCurves::writeBytes(dir.filePath("curves.csv"), *csv, &error)) << error.toStdString();
  QFile written(dir.filePath("curves.csv"));
  ASSERT_TRUE(written.open(QIODevice::ReadOnly));
  EXPECT_EQ(written.readAll(), *csv);
  EXPECT_FALSE(TrainingCurves::writeBytes(dir.filePath("absent/curves.csv"), *csv, &error));
  EXPECT_TRUE(error.contains("absent/curves.csv")) << error.toStdString();
}

TEST(TrainingCurves, BandSeriesFillBetweenLowerAndUpperAndReplaceTheirPoints) {
  std::unique_ptr<TrainingCurves> curves(makeCurves());
  curves->addBandSeries("group", "group", TrainingCurves::Panel::Loss, 0, Qt::darkGreen);
  EXPECT_TRUE(curves->hasBand("group"));
  EXPECT_FALSE(curves->hasBand("loss"));
  const double nan = std::numeric_limits<double>::quiet_NaN();
  curves->setBandPoints("group", {1, 2, 3}, {2.0, 3.0, nan}, {1.0, 2.5, 1.0}, {3.0, 3.5, 1.0});
  EXPECT_EQ(curves->pointCount("group"), 2);  // the NaN mean's point is skipped whole
  EXPECT_EQ(curves->bandLower("group"), (QVector<double>{1.0, 2.5}));
  EXPECT_EQ(curves->bandUpper("group"), (QVector<double>{3.0, 3.5}));
  // Smoothed like the line: with weight 0.5, the second value is (0.25 a + 0.5 b) / 0.75.
  curves->setSmoothing(0.5);
  EXPECT_NEAR(curves->lastSmoothed("group"), (0.25 * 2.0 + 0.5 * 3.0) / 0.75, 1e-12);
  curves->appendPoint("group", 4, 9.0);  // a band takes whole replacements only
  EXPECT_EQ(curves->pointCount("group"), 2);
  curves->setBandPoints("group", {1}, {0.5}, {0.25}, {0.75});  // replaced, not appended
  EXPECT_EQ(curves->pointCount("group"), 1);
  EXPECT_EQ(curves->bandUpper("group"), (QVector<double>{0.75}));

  QTemporaryDir dir;
  const QString path = dir.filePath("band.csv");
  QString error;
  ASSERT_TRUE(curves->exportCsv(path, &error)) << error.toStdString();
  QFile file(path);
  ASSERT_TRUE(file.open(QIODevice::ReadOnly));
  EXPECT_EQ(QString::fromUtf8(file.readAll()),
            QStringLiteral("step,loss,lr,momentum,acc,group,group min,group max\n1,,,,,0.5,0.25,0.75\n"));

  curves->setSeriesVisible("group", false);
  EXPECT_FALSE(curves->seriesVisible("group"));
  const int graphs = curves->graphCount();
  curves->removeSeries("group");
  EXPECT_EQ(curves->graphCount(), graphs - 4);  // raw, smooth, lower, upper
  EXPECT_FALSE(curves->hasBand("group"));

  curves->setPanelTitle(TrainingCurves::Panel::Loss, "throughput (images/s)");
  EXPECT_EQ(curves->panelTitle(TrainingCurves::Panel::Loss), "throughput (images/s)");
}

TEST(TrainingCurves, ShortPanelsGetFewerTicksAndTitlesThatFitTheirHeight) {
  std::unique_ptr<TrainingCurves> curves(makeCurves());
  curves->addSeries("temp", "temp", TrainingCurves::Panel::Schedule, 2, Qt::darkRed);
  curves->addSeries("protos", "protos", TrainingCurves::Panel::Diagnostics, 1, Qt::darkCyan);
  curves->addSeries("centre", "centre", TrainingCurves::Panel::Diagnostics, 2, Qt::darkYellow);
  for (int step = 1; step <= 50; ++step) {
    curves->appendPoint("lr", step, 1e-3 * step);
    curves->appendPoint("momentum", step, 0.99 + 1e-4 * step);
    curves->appendPoint("temp", step, 0.04 + 1e-3 * step);
    curves->appendPoint("protos", step, 10.0 * step);
    curves->appendPoint("centre", step, 0.02 * step);
  }
  curves->setPanelTitle(TrainingCurves::Panel::Schedule, QStringLiteral("a rather long learning rate title"));
  auto verticalAxes = [&] {
    QList<QCPAxis*> axes;
    for (QCPAxisRect* rect : curves->axisRects())
      for (QCPAxis* axis : rect->axes())
        if (axis->orientation() == Qt::Vertical && axis->visible()) axes << axis;
    return axes;
  };
  for (const QSize size : {QSize(700, 330), QSize(700, 1400)}) {
    SCOPED_TRACE(size.height());
    curves->toPixmap(size.width(), size.height());  // lays the plot out at that size and draws it
    const QList<QCPAxis*> axes = verticalAxes();
    ASSERT_GE(axes.size(), 8);  // four left axes, the schedule's and the diagnostics' two right ones
    for (QCPAxis* axis : axes) {
      const int height = axis->axisRect()->height();
      ASSERT_GT(height, 0);
      EXPECT_LE(QFontMetrics(axis->labelFont()).horizontalAdvance(axis->label()), height) << axis->label().toStdString();
      // Tick labels are at least a line of text apart.
      const int ticks = int(axis->tickVector().size());
      EXPECT_LE(ticks * QFontMetrics(axis->tickLabelFont()).height(), height + QFontMetrics(axis->tickLabelFont()).height())
          << axis->label().toStdString() << ": " << ticks << " ticks in " << height << " px";
    }
  }
  // At the tall size the titles are whole; the panel's title is kept in full whatever is shown.
  bool whole = false;
  for (QCPAxis* axis : verticalAxes()) whole |= axis->label() == QStringLiteral("a rather long learning rate title");
  EXPECT_TRUE(whole);
  EXPECT_EQ(curves->panelTitle(TrainingCurves::Panel::Schedule), QStringLiteral("a rather long learning rate title"));
}

TEST(TrainingCurves, AConstantSeriesIsDrawnFlatNotAsItsRoundingNoise) {
  std::unique_ptr<TrainingCurves> curves(makeCurves());
  curves->setSmoothing(0.9);
  // The debiased moving average of a constant differs from it in the last bits.
  for (int step = 1; step <= 60; ++step) curves->appendPoint("momentum", step, 0.99);
  curves->flushReplot();
  QCPAxis* momentumAxis = nullptr;
  for (QCPAxisRect* rect : curves->axisRects())
    for (QCPAxis* axis : rect->axes())
      if (!axis->graphs().isEmpty() && axis->orientation() == Qt::Vertical && axis->axisType() == QCPAxis::atRight)
        momentumAxis = axis;
  ASSERT_NE(momentumAxis, nullptr);
  EXPECT_TRUE(momentumAxis->range().contains(0.99));
  EXPECT_GT(momentumAxis->range().size(), 0.1) << momentumAxis->range().lower << " .. " << momentumAxis->range().upper;
}
