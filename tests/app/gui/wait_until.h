#pragma once
// A bounded wait that keeps the Qt event loop running (queued signals from worker threads arrive).
// Its own header so that tests of the engine controller do not pull in the Explore page.
#include <QDeadlineTimer>
#include <QTest>
#include <functional>

namespace folk::ui::test {

// Polls `done` while processing events; false if it did not become true within timeoutMs.
// The bound only stops a broken test from hanging; nothing asserts how fast anything is.
inline bool waitUntil(const std::function<bool()>& done, int timeoutMs = 60000) {
  QDeadlineTimer deadline(timeoutMs);
  while (!done()) {
    if (deadline.hasExpired()) return false;
    QTest::qWait(10);
  }
  return true;
}

}  // namespace folk::ui::test
