#pragma once
// Helpers for driving the real Explore workspace in tests: isolated QSettings, bounded waits for
// the background worker, and quick access to the shown numbers.
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include "app/gui/explore_page.h"
#include "wait_until.h"

namespace folk::ui::test {

// Waits until the page shows the result of the newest request (no computation outstanding).
inline bool waitForViews(const ExplorePage& page, int timeoutMs = 60000) {
  return waitUntil([&] { return page.upToDate(); }, timeoutMs);
}

// Every test gets its own empty settings store (never the user's).
class IsolatedSettingsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(settingsDir_.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir_.path());
    QSettings().clear();
  }
  QTemporaryDir settingsDir_;
};

}  // namespace folk::ui::test
