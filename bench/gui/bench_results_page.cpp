// The Results workspace on a large runs folder: 1000 run folders, 20 of them with 100 000 metrics
// rows each. Measures the time until the table paints with every run listed and summarised, the
// time until the 20 selected runs' curves hold all their points, and the GUI event-loop lag (a
// 5 ms timer's lateness) while the watcher rescans the folder. For comparison, the time one
// synchronous pass over the folder takes (what a rescan on the GUI thread would block it for).
// Prints figures; asserts nothing.
//
// Usage: folk_bench_results [seconds of watching=20] [runs=1000] [long runs=20] [rows=100000]
//        (QT_QPA_PLATFORM=offscreen, or under Xvfb)
#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHeaderView>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <vector>

#include "app/gui/results_page.h"
#include "app/gui/runs_table_model.h"
#include "core/io/metrics_log.h"
#include "core/io/run_summary.h"
#include "core/io/train_config.h"
#include "event_loop_lag.h"
#include "widgets/training_curves.h"

namespace {

using folk::bench::percentile;

// Processes events until `done` or `limitMs`; returns the milliseconds it took.
template <class Done>
double waitFor(Done done, int limitMs = 600000) {
  QElapsedTimer t;
  t.start();
  while (!done() && t.elapsed() < limitMs) QApplication::processEvents(QEventLoop::AllEvents, 5);
  return double(t.nsecsElapsed()) / 1e6;
}

void writeRun(const std::string& runsDir, int index, int rows) {
  char name[64];
  std::snprintf(name, sizeof name, "20261201T%06dZ-bench-%04d", index, index);  // distinct, sortable
  const std::string root = runsDir + "/" + name;
  std::filesystem::create_directories(root);
  folk::TrainConfig config = folk::defaultConfig();
  config.name = std::string("bench-") + std::to_string(index);
  folk::saveConfig(config, root + "/config.json");
  folk::writeRunState(root, "finished", rows);
  std::ofstream(root + "/eval.json") << R"({"step": )" << rows
                                     << R"(, "trained": {"knn_top1": 0.5, "linear_top1": 0.6}, "history": [{"step": )"
                                     << rows << R"(, "knn_top1": 0.5}]})";
  std::ofstream metrics(root + "/metrics.jsonl");
  for (int s = 1; s <= rows; ++s) {
    folk::MetricsRow r;
    r.step = s;
    r.values[folk::StepMetric::Total] = 5.0 / s + 0.01 * (s % 7);
    r.values[folk::StepMetric::Lr] = 1e-4;
    metrics << folk::toJsonLine(r) << '\n';
  }
}

}  // namespace

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("folk-bench"));  // never the user's settings
  const double seconds = argc > 1 ? std::atof(argv[1]) : 20.0;
  const int runCount = argc > 2 ? std::atoi(argv[2]) : 1000;
  const int longRuns = argc > 3 ? std::atoi(argv[3]) : 20;
  const int rows = argc > 4 ? std::atoi(argv[4]) : 100000;

  QTemporaryDir runs;
  const std::string dir = runs.path().toStdString();
  QElapsedTimer made;
  made.start();
  for (int i = 0; i < runCount; ++i) writeRun(dir, i, i < longRuns ? rows : 10);
  std::printf("Runs folder: %d runs (%d with %d metrics rows), written in %.1f s\n", runCount, longRuns, rows,
              double(made.elapsed()) / 1000.0);

  // What one pass over the folder costs when done synchronously (the files are in the page cache).
  QElapsedTimer sync;
  sync.start();
  const auto summaries = folk::scanRuns(dir);
  const double scanMs = double(sync.nsecsElapsed()) / 1e6;
  sync.restart();
  std::size_t rowsRead = 0;
  for (int i = 0; i < longRuns; ++i) rowsRead += folk::readMetrics(summaries[size_t(runCount - 1 - i)].path + "/metrics.jsonl").size();
  const double metricsMs = double(sync.nsecsElapsed()) / 1e6;
  std::printf("One synchronous pass: scan + summaries %.0f ms, the %d long runs' metrics (%zu rows) %.0f ms\n", scanMs,
              longRuns, rowsRead, metricsMs);

  folk::ui::ResultsPage page;
  page.resize(1500, 950);
  page.show();
  QApplication::processEvents();
  bool painted = false;
  struct PaintSpy : QObject {
    bool* painted;
    bool eventFilter(QObject*, QEvent* e) override {
      if (e->type() == QEvent::Paint) *painted = true;
      return false;
    }
  } spy;
  spy.painted = &painted;
  page.table()->viewport()->installEventFilter(&spy);
  const auto allSummarised = [&] {
    if (page.model()->rowCount() != runCount) return false;
    for (const auto& r : page.model()->runs())
      if (r.status == "loading") return false;
    return true;
  };
  QElapsedTimer start;
  start.start();
  page.setRunsDirectory(runs.path());
  waitFor([&] { return page.model()->rowCount() == runCount; });
  const double listedMs = double(start.nsecsElapsed()) / 1e6;
  waitFor(allSummarised);
  const double summarisedMs = double(start.nsecsElapsed()) / 1e6;
  painted = false;
  page.table()->viewport()->update();  // the last summaries' paint may have happened already
  waitFor([&] { return painted; });
  const double paintedMs = double(start.nsecsElapsed()) / 1e6;
  std::printf("Table: %d rows listed after %.0f ms, all summarised after %.0f ms, painted after %.0f ms\n", runCount,
              listedMs, summarisedMs, paintedMs);

  QStringList selected;
  for (const auto& r : page.model()->runs()) {
    if (r.steps == rows) selected << QString::fromStdString(r.path);
  }
  start.restart();
  page.selectRuns(selected);
  const auto allPoints = [&] {
    for (const auto& path : selected)
      if (page.curves()->pointCount(path + QStringLiteral("|total")) != rows) return false;
    return true;
  };
  waitFor(allPoints);
  const double curvesMs = double(start.nsecsElapsed()) / 1e6;
  page.curves()->flushReplot();
  std::printf("Curves: %lld selected runs x %d points plotted after %.0f ms\n", qlonglong(selected.size()), rows,
              curvesMs);

  // The watcher rescans every 2 s (the default); every tick re-summarises 1000 runs.
  const std::vector<double> lagMs = folk::bench::eventLoopLagMs(seconds);
  std::printf("GUI event-loop lag while the watcher rescans (%.0f s, every 2 s): 5 ms timer, %zu firings, lag p50 %.2f "
              "ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms\n",
              seconds, lagMs.size(), percentile(lagMs, 0.5), percentile(lagMs, 0.95), percentile(lagMs, 0.99),
              lagMs.empty() ? 0.0 : *std::max_element(lagMs.begin(), lagMs.end()));
  return 0;
}
