// RadialProfilePlot: log y axis, non-positive powers left out, and the cut marker drawn where the
// mask cuts: vertical at the disc radius, horizontal at tau².
#include <gtest/gtest.h>

#include "widgets/radial_profile_plot.h"

using folk::ui::RadialProfilePlot;

TEST(RadialProfilePlot, LogAxisAndDataFiltering) {
  RadialProfilePlot plot;
  EXPECT_EQ(plot.yAxis->scaleType(), QCPAxis::stLogarithmic);
  plot.setProfile({0, 1, 2, 3, 4}, {1e6, 1e4, 0.0, 1e2, -1.0});
  EXPECT_EQ(plot.pointCount(), 3);  // zero and negative power cannot be drawn on a log axis
  EXPECT_LE(plot.yAxis->range().lower, 1e2);
  EXPECT_GE(plot.yAxis->range().upper, 1e6);
}

TEST(RadialProfilePlot, RadiusCutIsVerticalLineAtRadius) {
  RadialProfilePlot plot;
  plot.setProfile({0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, {1e6, 1e5, 1e4, 1e3, 1e2, 50, 20, 10, 5, 2, 1});
  plot.setRadiusCut(4.5);
  EXPECT_EQ(plot.cutKind(), RadialProfilePlot::CutKind::Radius);
  EXPECT_DOUBLE_EQ(plot.cutValue(), 4.5);
  ASSERT_NE(plot.cutLine(), nullptr);
  EXPECT_DOUBLE_EQ(plot.cutLine()->point1->coords().x(), 4.5);
  EXPECT_DOUBLE_EQ(plot.cutLine()->point2->coords().x(), 4.5);
}

TEST(RadialProfilePlot, LevelCutIsHorizontalLineAtTauSquaredAndInView) {
  RadialProfilePlot plot;
  plot.setProfile({0, 1, 2, 3}, {1e6, 1e4, 1e3, 1e2});
  plot.setLevelCut(1e8);  // above every ring's mean power: the axis must still show it
  EXPECT_EQ(plot.cutKind(), RadialProfilePlot::CutKind::Level);
  ASSERT_NE(plot.cutLine(), nullptr);
  EXPECT_DOUBLE_EQ(plot.cutLine()->point1->coords().y(), 1e8);
  EXPECT_DOUBLE_EQ(plot.cutLine()->point2->coords().y(), 1e8);
  EXPECT_NE(plot.cutLine()->point1->coords().x(), plot.cutLine()->point2->coords().x());
  EXPECT_GE(plot.yAxis->range().upper, 1e8);

  plot.setRadiusCut(2.0);  // switching the filter replaces the marker
  EXPECT_EQ(plot.itemCount(), 2);  // the line and its label, nothing left over
  plot.clearCut();
  EXPECT_EQ(plot.cutKind(), RadialProfilePlot::CutKind::None);
  EXPECT_EQ(plot.cutLine(), nullptr);
  EXPECT_EQ(plot.itemCount(), 0);
}
