// LogSlider: positions are evenly spaced in log(value); slider, spin box and value stay in sync.
#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QSlider>
#include <cmath>

#include "widgets/log_slider.h"

using folk::ui::LogSlider;

TEST(LogSlider, MappingEndsAndMiddle) {
  LogSlider s(nullptr, 1e-4, 1.0, 1000);
  EXPECT_DOUBLE_EQ(s.valueForPosition(0), 1e-4);
  EXPECT_NEAR(s.valueForPosition(1000), 1.0, 1e-12);
  EXPECT_NEAR(s.valueForPosition(500), 1e-2, 1e-12);  // the middle of 4 decades is 10^-2
  EXPECT_NEAR(s.valueForPosition(250), 1e-3, 1e-12);
  EXPECT_EQ(s.positionForValue(1e-4), 0);
  EXPECT_EQ(s.positionForValue(1.0), 1000);
  EXPECT_EQ(s.positionForValue(1e-2), 500);
  EXPECT_EQ(s.positionForValue(5.0), 1000);    // clamped
  EXPECT_EQ(s.positionForValue(1e-9), 0);
}

TEST(LogSlider, RoundTripEveryPosition) {
  LogSlider s(nullptr, 1e-4, 1.0, 1000);
  for (int p = 0; p <= 1000; ++p) EXPECT_EQ(s.positionForValue(s.valueForPosition(p)), p);
  // And values survive within half a step (a step is a factor 10^(4/1000)).
  const double halfStep = std::pow(10.0, 2.0 / 1000.0);
  for (double v : {1e-4, 3.3e-4, 0.005, 0.01, 0.05, 0.27, 1.0}) {
    const double back = s.valueForPosition(s.positionForValue(v));
    EXPECT_LE(back / v, halfStep * 1.000001);
    EXPECT_GE(back / v, 1.0 / halfStep / 1.000001);
  }
}

TEST(LogSlider, WidgetsStayInSyncAndSignalOnce) {
  LogSlider s(nullptr, 1e-4, 1.0, 1000);
  QSignalSpy spy(&s, &LogSlider::valueChanged);
  s.setValue(0.05);
  ASSERT_EQ(spy.count(), 1);
  EXPECT_DOUBLE_EQ(spy.at(0).at(0).toDouble(), 0.05);  // exact value kept, not snapped to the slider grid
  EXPECT_EQ(s.slider()->value(), s.positionForValue(0.05));
  EXPECT_NEAR(s.spinBox()->value(), 0.05, 1e-9);
  s.setValue(0.05);  // unchanged: no signal
  EXPECT_EQ(spy.count(), 1);

  s.slider()->setValue(250);  // user drags the slider
  ASSERT_EQ(spy.count(), 2);
  EXPECT_NEAR(s.value(), 1e-3, 1e-12);
  EXPECT_NEAR(s.spinBox()->value(), 1e-3, 1e-9);

  s.spinBox()->setValue(0.2);  // user types a value
  ASSERT_EQ(spy.count(), 3);
  EXPECT_NEAR(s.value(), 0.2, 1e-9);
  EXPECT_EQ(s.slider()->value(), s.positionForValue(0.2));
}

TEST(LogSlider, ClampsOutOfRange) {
  LogSlider s(nullptr, 1e-4, 1.0, 1000);
  s.setValue(3.0);
  EXPECT_DOUBLE_EQ(s.value(), 1.0);
  s.setValue(0.0);
  EXPECT_DOUBLE_EQ(s.value(), 1e-4);
  s.setValue(std::nan(""));
  EXPECT_DOUBLE_EQ(s.value(), 1e-4);
}

TEST(LogSpinBox, StepsByConstantFactorAndShowsSignificantDigits) {
  LogSlider s(nullptr, 1e-4, 1.0, 1000);
  s.setValue(0.01);
  s.spinBox()->stepBy(10);  // ten steps = one decade
  EXPECT_NEAR(s.value(), 0.1, 1e-9);
  s.spinBox()->stepBy(-20);
  EXPECT_NEAR(s.value(), 0.001, 1e-9);
  EXPECT_EQ(s.spinBox()->textFromValue(0.00012345678), QStringLiteral("0.0001235"));
}
