// BackgroundJobs, the GUI pages' one way to run work off the GUI thread: results and errors come
// back on the GUI thread, cancelled and superseded jobs deliver nothing, progress arrives, and jobs
// stuck on something that never answers (a stalled disk) do not hold up the jobs after them.
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QSignalSpy>
#include <QThread>
#include <future>
#include <memory>
#include <stdexcept>
#include <vector>

#include "app/gui/background_jobs.h"
#include "wait_until.h"

namespace folk::ui::test {
namespace {

// A gate jobs wait at until the test opens it.
struct Gate {
  std::promise<void> open;
  std::shared_future<void> opened = open.get_future().share();
};

TEST(BackgroundJobs, DeliversResultsAndErrorsOnTheGuiThread) {
  BackgroundJobs jobs;
  QThread* workThread = nullptr;
  QThread* doneThread = nullptr;
  int result = 0;
  jobs.start(QString(), [&](JobControl&) {
    workThread = QThread::currentThread();
    return 6 * 7;
  }, [&](int value) {
    doneThread = QThread::currentThread();
    result = value;
  });
  QString error;
  bool doneAfterThrow = false;
  jobs.start(QString(), [](JobControl&) -> int { throw std::runtime_error("the disk said no"); },
             [&](int) { doneAfterThrow = true; }, [&](const QString& message) { error = message; });
  ASSERT_TRUE(waitUntil([&] { return result != 0 && !error.isEmpty(); }));
  EXPECT_EQ(result, 42);
  EXPECT_NE(workThread, QCoreApplication::instance()->thread());
  EXPECT_EQ(doneThread, QCoreApplication::instance()->thread());
  EXPECT_EQ(error, "the disk said no");
  EXPECT_FALSE(doneAfterThrow);
  EXPECT_EQ(jobs.runningCount(), 0);
}

TEST(BackgroundJobs, TheLatestJobOfAKeyWinsAndCancelledJobsDeliverNothing) {
  BackgroundJobs jobs;
  QSignalSpy allDone(&jobs, &BackgroundJobs::allDone);
  auto gate = std::make_shared<Gate>();
  std::vector<int> delivered;
  const auto first = jobs.start(QStringLiteral("scan"), [gate](JobControl&) {
    gate->opened.wait();
    return 1;
  }, [&](int v) { delivered.push_back(v); });
  jobs.start(QStringLiteral("scan"), [](JobControl&) { return 2; }, [&](int v) { delivered.push_back(v); });
  EXPECT_TRUE(first->cancelled());
  ASSERT_TRUE(waitUntil([&] { return !delivered.empty(); }));
  EXPECT_FALSE(jobs.running(QStringLiteral("scan")));
  gate->open.set_value();
  QTest::qWait(200);  // the first job ends now; its result must not arrive
  EXPECT_EQ(delivered, std::vector<int>{2});

  bool cancelledDelivered = false;
  jobs.start(QStringLiteral("curves"), [](JobControl& control) {
    while (!control.cancelled()) QThread::msleep(1);
    return 3;
  }, [&](int) { cancelledDelivered = true; });
  EXPECT_TRUE(jobs.running(QStringLiteral("curves")));
  const int doneBefore = int(allDone.count());
  jobs.cancel(QStringLiteral("curves"));
  EXPECT_EQ(jobs.runningCount(), 0);
  EXPECT_EQ(allDone.count(), doneBefore + 1);
  QTest::qWait(100);
  EXPECT_FALSE(cancelledDelivered);
}

TEST(BackgroundJobs, ProgressArrivesOnTheGuiThread) {
  BackgroundJobs jobs;
  qint64 lastDone = -1, lastTotal = -1;
  int calls = 0;
  bool finished = false;
  jobs.start(QString(), [](JobControl& control) {
    for (int i = 1; i <= 10; ++i) {
      control.setProgress(i, 10);
      QThread::msleep(5);
    }
    return true;
  }, [&](bool) { finished = true; }, {}, [&](qint64 done, qint64 total) {
    EXPECT_EQ(QThread::currentThread(), QCoreApplication::instance()->thread());
    ++calls;
    lastDone = done;
    lastTotal = total;
  });
  ASSERT_TRUE(waitUntil([&] { return finished && lastDone == 10; }));
  EXPECT_GE(calls, 1);
  EXPECT_EQ(lastTotal, 10);
}

TEST(BackgroundJobs, StuckJobsDoNotHoldUpTheJobsAfterThem) {
  BackgroundJobs jobs;
  auto gate = std::make_shared<Gate>();
  const int stuck = BackgroundJobs::poolThreadLimit() + 2;  // more than the pool's threads
  int stuckDelivered = 0;
  for (int i = 0; i < stuck; ++i) {
    jobs.start(QString(), [gate](JobControl&) {
      gate->opened.wait();  // a read of a disk that does not answer
      return 0;
    }, [&](int) { ++stuckDelivered; });
  }
  bool quickDelivered = false;
  jobs.start(QString(), [](JobControl&) { return 1; }, [&](int) { quickDelivered = true; });
  ASSERT_TRUE(waitUntil([&] { return quickDelivered; })) << "a job queued behind stuck ones never ran";
  EXPECT_EQ(stuckDelivered, 0);
  gate->open.set_value();
  ASSERT_TRUE(waitUntil([&] { return stuckDelivered == stuck; }));
}

TEST(BackgroundJobs, DestroyingTheOwnerDropsResultsWithoutWaiting) {
  auto gate = std::make_shared<Gate>();
  bool delivered = false;
  {
    BackgroundJobs jobs;
    jobs.start(QString(), [gate](JobControl&) {
      gate->opened.wait();
      return 1;
    }, [&](int) { delivered = true; });
  }  // returns at once although the job still runs
  gate->open.set_value();
  QTest::qWait(200);
  EXPECT_FALSE(delivered);
}

}  // namespace
}  // namespace folk::ui::test
