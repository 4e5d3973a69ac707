// Comparing curves at one step: TrainingCurves' value at a step (the last point at or before it,
// a band's min and max there), its step marker and the click that picks a step, and the
// StepComparisonModel table read from them.
#include <gtest/gtest.h>

#include <QLocale>
#include <QSignalSpy>
#include <QTest>
#include <cmath>
#include <memory>

#include "widgets/step_comparison_model.h"
#include "widgets/training_curves.h"

using folk::ui::StepComparisonModel;
using folk::ui::TrainingCurves;

namespace {

// Two runs ("a|", "b|") with a loss logged every 10 steps and a k-NN every 100, and a group
// ("g|") whose loss is a band.
std::unique_ptr<TrainingCurves> makeCurves() {
  auto curves = std::make_unique<TrainingCurves>();
  for (const char* run : {"a|", "b|"}) {
    curves->addSeries(QString(run) + "loss", QString(run) + "loss", TrainingCurves::Panel::Loss, 0, Qt::blue);
    curves->addSeries(QString(run) + "knn", QString(run) + "knn", TrainingCurves::Panel::Accuracy, 0, Qt::blue);
  }
  QVector<double> steps, lossA, lossB;
  for (int s = 10; s <= 300; s += 10) {
    steps.append(s);
    lossA.append(10.0 - s / 100.0);
    lossB.append(5.0);
  }
  curves->appendPoints("a|loss", steps, lossA);
  curves->appendPoints("b|loss", steps.mid(0, 15), lossB.mid(0, 15));  // b stopped at step 150
  curves->appendPoints("a|knn", {100, 200, 300}, {0.5, 0.6, 0.7});
  curves->appendPoints("b|knn", {100}, {0.55});
  curves->addBandSeries("g|loss", "group loss", TrainingCurves::Panel::Loss, 0, Qt::red);
  curves->setBandPoints("g|loss", {100, 200}, {3.0, 2.0}, {2.5, 1.5}, {3.5, 2.5});
  return curves;
}

}  // namespace

TEST(StepComparison, ASeriesIsReadAtItsLastPointAtOrBeforeTheStep) {
  auto curves = makeCurves();
  auto v = curves->valueAtStep("a|loss", 155);
  EXPECT_EQ(v.step, 150);
  EXPECT_DOUBLE_EQ(v.value, 8.5);
  EXPECT_TRUE(std::isnan(v.lower));
  v = curves->valueAtStep("a|loss", 150);  // a point at the step itself
  EXPECT_EQ(v.step, 150);
  EXPECT_TRUE(std::isnan(curves->valueAtStep("a|loss", 5).value));  // before the first point
  EXPECT_TRUE(std::isnan(curves->valueAtStep("nope", 100).value));
  EXPECT_TRUE(std::isnan(curves->valueAtStep("a|loss", std::nan("")).value));
  v = curves->valueAtStep("g|loss", 250);
  EXPECT_EQ(v.step, 200);
  EXPECT_DOUBLE_EQ(v.value, 2.0);
  EXPECT_DOUBLE_EQ(v.lower, 1.5);
  EXPECT_DOUBLE_EQ(v.upper, 2.5);
  EXPECT_EQ(curves->seriesLabel("g|loss"), "group loss");
}

TEST(StepComparison, TheMarkerIsSetAndClearedAndAClickPicksTheStepUnderThePointer) {
  auto curves = makeCurves();
  curves->resize(640, 520);
  curves->rescaleToData();
  curves->replot();
  EXPECT_TRUE(std::isnan(curves->stepMarker()));
  const int itemsBefore = curves->itemCount();
  curves->setStepMarker(120);
  EXPECT_EQ(curves->stepMarker(), 120);
  EXPECT_EQ(curves->itemCount(), itemsBefore + 4);  // one line per panel
  curves->setStepMarker(std::nan(""));
  EXPECT_EQ(curves->itemCount(), itemsBefore);

  QSignalSpy picked(curves.get(), &TrainingCurves::stepPicked);
  auto* lossAxis = curves->axisRect(0)->axis(QCPAxis::atBottom);
  const QRect lossRect = curves->axisRect(0)->rect();
  const QPoint at(int(lossAxis->coordToPixel(200)), lossRect.center().y());
  QTest::mouseClick(curves.get(), Qt::LeftButton, {}, at);
  ASSERT_EQ(picked.count(), 1);
  EXPECT_NEAR(picked.at(0).at(0).toDouble(), 200, 2);  // a pixel is about one step here
  EXPECT_EQ(picked.at(0).at(0).toDouble(), std::round(picked.at(0).at(0).toDouble()));
  // A drag is a pan, not a pick.
  QTest::mousePress(curves.get(), Qt::LeftButton, {}, at);
  QTest::mouseMove(curves.get(), at + QPoint(40, 0));
  QTest::mouseRelease(curves.get(), Qt::LeftButton, {}, at + QPoint(40, 0));
  EXPECT_EQ(picked.count(), 1);
}

TEST(StepComparison, TheTableShowsEachRunAtTheStepAndWhereItWasRead) {
  QLocale::setDefault(QLocale::c());
  auto curves = makeCurves();
  StepComparisonModel model(curves.get());
  model.setRows({{"run a", "a|", Qt::blue}, {"run b", "b|", Qt::green}, {"group", "g|", Qt::red}});
  model.setColumns({{"loss", "total loss", false}, {"knn", "k-NN", true}});
  ASSERT_EQ(model.rowCount(), 3);
  ASSERT_EQ(model.columnCount(), 3);
  EXPECT_EQ(model.headerData(0, Qt::Horizontal).toString(), "Run");
  EXPECT_EQ(model.data(model.index(0, 1)).toString(), "–");  // no step chosen

  QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
  model.setStep(200);
  EXPECT_EQ(changed.count(), 1);
  EXPECT_EQ(model.headerData(0, Qt::Horizontal).toString(), "At step 200");
  EXPECT_EQ(model.headerData(2, Qt::Horizontal).toString(), "k-NN");
  EXPECT_EQ(model.data(model.index(0, 0)).toString(), "run a");
  EXPECT_EQ(model.data(model.index(0, 1)).toString(), "8");
  EXPECT_EQ(model.data(model.index(0, 2)).toString(), "60.0 %");
  // b stopped at step 150 and was evaluated at 100: read there, and said so.
  EXPECT_EQ(model.data(model.index(1, 1)).toString(), "5 (step 150)");
  EXPECT_EQ(model.data(model.index(1, 2)).toString(), "55.0 % (step 100)");
  EXPECT_DOUBLE_EQ(model.data(model.index(1, 2), Qt::UserRole).toDouble(), 0.55);
  // A group: mean (min – max); it has no k-NN series.
  EXPECT_EQ(model.data(model.index(2, 1)).toString(), "2 (1.5 – 2.5)");
  EXPECT_EQ(model.data(model.index(2, 2)).toString(), "–");
  curves->setBandPoints("g|loss", {100, 200}, {3.0, 2.0}, {2.5, 2.0}, {3.5, 2.0});
  EXPECT_EQ(model.data(model.index(2, 1)).toString(), "2") << "a band of no width is not shown";
  curves->setBandPoints("g|loss", {100, 200}, {3.0, 2.0}, {2.5, 1.5}, {3.5, 2.5});
  EXPECT_TRUE(std::isnan(model.data(model.index(2, 2), Qt::UserRole).toDouble()));

  // Points that arrive later are read on refresh.
  curves->appendPoints("b|loss", {200}, {4.0});
  model.refresh();
  EXPECT_EQ(model.data(model.index(1, 1)).toString(), "4");
  EXPECT_EQ(model.tableText(),
            "At step 200\ttotal loss\tk-NN\n"
            "run a\t8\t60.0 %\n"
            "run b\t4\t55.0 % (step 100)\n"
            "group\t2 (1.5 – 2.5)\t–\n");
  model.setStep(std::nan(""));
  EXPECT_EQ(model.data(model.index(0, 1)).toString(), "–");
  QLocale::setDefault(QLocale::system());
}
