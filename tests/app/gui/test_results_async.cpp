// The Results workspace never blocks on the runs folder: named pipes where run files should be
// are skipped with a message while the window keeps processing events, a damaged metrics.jsonl (one
// endless line) is an error for its run only, and appended lines reach the curves as exactly the
// new points. Run folders are written by hand here, as another process would write them.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QElapsedTimer>
#include <QTimer>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "app/gui/error_banner.h"
#include "app/gui/results_page.h"
#include "app/gui/runs_table_model.h"
#include "core/io/metrics_log.h"
#include "core/io/run_directory.h"
#include "gui_test_support.h"
#include "widgets/training_curves.h"

namespace folk::ui::test {
namespace {

namespace fs = std::filesystem;

// Opens the named pipes for writing, again and again, from its own thread: that succeeds only
// while something holds a pipe open for reading, which the Results workspace must never do. A
// reader stuck in open() (a regression) is released by it, so the test fails instead of hanging.
class PipeWatch {
 public:
  explicit PipeWatch(std::vector<std::string> pipes) : pipes_(std::move(pipes)), thread_([this] { run(); }) {}
  ~PipeWatch() {
    stop_ = true;
    thread_.join();
  }
  int openedByAReader() const { return opened_.load(); }

 private:
  void run() {
    while (!stop_) {
      for (const auto& pipe : pipes_) {
        const int fd = ::open(pipe.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
        if (fd >= 0) {
          ++opened_;
          ::close(fd);  // the reader sees the end of the pipe
        }
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  std::vector<std::string> pipes_;
  std::atomic<bool> stop_{false};
  std::atomic<int> opened_{0};
  std::thread thread_;
};

// The longest time between two ticks of a 10 ms timer on the GUI thread.
class TickGaps : public QObject {
 public:
  TickGaps() {
    clock_.start();
    timer_.setInterval(10);
    connect(&timer_, &QTimer::timeout, this, [this] {
      const qint64 now = clock_.elapsed();
      worst_ = std::max(worst_, now - last_);
      last_ = now;
    });
    timer_.start();
  }
  qint64 worstMs() const { return worst_; }

 private:
  QElapsedTimer clock_;
  QTimer timer_;
  qint64 last_ = 0, worst_ = 0;
};

class ResultsAsyncTest : public IsolatedSettingsTest {
 protected:
  void SetUp() override {
    IsolatedSettingsTest::SetUp();
    ASSERT_TRUE(runs_.isValid());
  }
  // A run folder with `steps` metrics rows; named `name` after the timestamp.
  std::string makeRun(const std::string& name, int steps) {
    TrainConfig config = defaultConfig();
    config.name = name;
    const auto run = RunDirectory::create(runs_.path().toStdString(), config);
    MetricsWriter writer(run.metricsJsonlPath(), run.metricsCsvPath());
    for (int s = 1; s <= steps; ++s) writer.append(row(s));
    return run.root();
  }
  static MetricsRow row(int step) {
    MetricsRow r;
    r.step = step;
    r.values[StepMetric::Total] = 5.0 / step;
    r.values[StepMetric::Lr] = 1e-4;
    return r;
  }
  static std::string pipeInstead(const std::string& run, const char* file) {
    const std::string path = (fs::path(run) / file).string();
    fs::remove(path);
    EXPECT_EQ(::mkfifo(path.c_str(), 0600), 0) << path;
    return path;
  }
  static QStringList allRuns(const ResultsPage& page) {
    QStringList paths;
    for (const auto& r : page.model()->runs()) paths << QString::fromStdString(r.path);
    return paths;
  }
  static bool allLoaded(const ResultsPage& page) {
    for (const auto& r : page.model()->runs())
      if (r.status == "loading") return false;
    return true;
  }
  QTemporaryDir runs_;
};

TEST_F(ResultsAsyncTest, NamedPipesAreSkippedWithAMessageWhileTheWindowKeepsWorking) {
  const auto good = makeRun("good", 5);
  const auto pipeMetrics = makeRun("pipe-metrics", 3);
  const auto pipeConfig = makeRun("pipe-config", 3);
  const auto pipeEval = makeRun("pipe-eval", 3);
  const std::vector<std::string> pipes{pipeInstead(pipeMetrics, "metrics.jsonl"),
                                       pipeInstead(pipeConfig, "config.json"), pipeInstead(pipeEval, "eval.json")};
  PipeWatch watch(pipes);

  ResultsPage page;
  page.resize(1000, 700);
  page.show();
  QTest::qWait(200);  // the window's first layout and paint are not what is measured
  TickGaps gaps;
  page.setWatchIntervalMs(50);  // rescans all the time while the test looks
  page.setRunsDirectory(runs_.path());
  ASSERT_TRUE(waitUntil([&] { return page.model()->rowCount() == 4 && allLoaded(page); }));
  page.selectRuns(allRuns(page));  // the curves read the runs' metrics.jsonl, the pipe too
  QTest::qWait(1000);
  ASSERT_TRUE(waitUntil([&] { return page.curves()->pointCount(QString::fromStdString(good) + "|total") == 5; }));

  EXPECT_LT(gaps.worstMs(), 100) << "the GUI thread stopped processing events";
  EXPECT_EQ(watch.openedByAReader(), 0) << "a named pipe was opened for reading";
  const QString banner = page.errorBanner()->text();
  for (const auto& pipe : pipes) {
    EXPECT_TRUE(banner.contains(QString::fromStdString(pipe) + " is a named pipe (FIFO), not a regular file: skipped"))
        << pipe << "\n" << banner.toStdString();
  }
  EXPECT_EQ(page.errorBanner()->errors().size(), 3) << "each problem once, not once per rescan\n"
                                                     << banner.toStdString();
  const RunSummary* config = page.model()->runAt(page.model()->rowOf(QString::fromStdString(pipeConfig)));
  ASSERT_NE(config, nullptr);
  EXPECT_EQ(config->status, "unreadable");
  const RunSummary* eval = page.model()->runAt(page.model()->rowOf(QString::fromStdString(pipeEval)));
  ASSERT_NE(eval, nullptr);
  EXPECT_EQ(eval->steps, 3) << "the rest of the run is read";
  EXPECT_EQ(page.curves()->pointCount(QString::fromStdString(pipeEval) + "|total"), 3);
  EXPECT_EQ(page.curves()->pointCount(QString::fromStdString(pipeMetrics) + "|total"), 0);
}

TEST_F(ResultsAsyncTest, AnEndlessLineIsAnErrorForItsRunOnlyAndAppendedLinesAddExactlyTheNewPoints) {
  const auto good = makeRun("good", 5);
  const auto damaged = makeRun("damaged", 2);
  const std::string damagedMetrics = (fs::path(damaged) / "metrics.jsonl").string();
  std::ofstream(damagedMetrics, std::ios::app) << std::string(100 * 1024, '7');  // no newline, ever

  ResultsPage page;
  page.setWatchIntervalMs(50);
  page.setRunsDirectory(runs_.path());
  ASSERT_TRUE(waitUntil([&] { return page.model()->rowCount() == 2 && allLoaded(page); }));
  page.selectRuns(allRuns(page));
  const QString goodKey = QString::fromStdString(good) + "|total";
  const QString damagedKey = QString::fromStdString(damaged) + "|total";
  ASSERT_TRUE(waitUntil([&] { return page.curves()->pointCount(goodKey) == 5 && !page.errorBanner()->errors().isEmpty(); }));
  EXPECT_EQ(page.curves()->pointCount(damagedKey), 2) << "the rows before the damage";
  ASSERT_EQ(page.errorBanner()->errors().size(), 1) << page.errorBanner()->text().toStdString();
  const QString error = page.errorBanner()->errors().front();
  EXPECT_TRUE(error.contains(QString::fromStdString(damagedMetrics))) << error.toStdString();
  EXPECT_TRUE(error.contains("longer than 65536 bytes")) << error.toStdString();

  // Another writer appends three rows to the good run: exactly three points more, on every curve.
  {
    MetricsWriter writer((fs::path(good) / "metrics.jsonl").string(), (fs::path(good) / "metrics.csv").string());
    for (int s = 6; s <= 8; ++s) writer.append(row(s));
  }
  ASSERT_TRUE(waitUntil([&] { return page.curves()->pointCount(goodKey) >= 8; }));
  QTest::qWait(300);  // several more rescans: nothing is added twice
  EXPECT_EQ(page.curves()->pointCount(goodKey), 8);
  EXPECT_EQ(page.curves()->pointCount(QString::fromStdString(good) + "|lr"), 8);
  EXPECT_EQ(page.curves()->pointCount(damagedKey), 2);
  EXPECT_EQ(page.errorBanner()->errors().size(), 1);
}

TEST_F(ResultsAsyncTest, WithNoRunSelectedThePlotKeepsItsSizeAndSaysWhatToDo) {
  makeRun("only", 3);
  ResultsPage page;
  page.resize(1200, 800);
  page.show();
  page.setRunsDirectory(runs_.path());
  ASSERT_TRUE(waitUntil([&] { return page.model()->rowCount() == 1 && allLoaded(page); }));
  QTest::qWait(50);
  EXPECT_TRUE(page.selectedRuns().isEmpty());
  // The three panels share the plot's width, whatever the (empty) legend and axes need.
  const auto* curves = page.curves();
  ASSERT_GT(curves->width(), 600);
  for (auto* rect : curves->axisRects()) EXPECT_GT(rect->outerRect().width(), curves->width() / 2);
}

}  // namespace
}  // namespace folk::ui::test
