// Responsiveness of the real main window while a training session runs at full speed: a 5 ms
// timer on the GUI thread records how late it fires (event-loop lag) while the Train
// workspace receives every step (log interval 1, the most report traffic a session can make).
// Then the curve redraw time with 100 000 points per series. Prints figures; asserts nothing.
//
// Usage: folk_bench_gui [seconds=30]   (QT_QPA_PLATFORM=offscreen, or under Xvfb)
#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstdio>
#include <vector>

#include "app/gui/config_form.h"
#include "app/gui/engine_controller.h"
#include "app/gui/error_banner.h"
#include "app/gui/main_window.h"
#include "app/gui/train_page.h"
#include "event_loop_lag.h"
#include "widgets/training_curves.h"

using folk::bench::eventLoopLagMs;
using folk::bench::percentile;

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("folk-bench"));  // never the user's settings
  const double seconds = argc > 1 ? std::atof(argv[1]) : 30.0;
  QTemporaryDir runs;

  folk::ui::MainWindow window;
  window.resize(1500, 950);
  window.show();
  window.showWorkspace(1);
  window.setCloseDuringTraining(folk::ui::MainWindow::CloseDuringTraining::Stop);
  auto* page = window.trainPage();
  page->setRunsDirectory(runs.path());
  page->form()->setFieldText(QStringLiteral("log_interval_steps"), QStringLiteral("1"));
  page->form()->setFieldText(QStringLiteral("sample_interval_steps"), QStringLiteral("20"));
  page->form()->setFieldText(QStringLiteral("optimisation.batch_size"), QStringLiteral("32"));
  page->form()->setFieldText(QStringLiteral("optimisation.steps"), QStringLiteral("1000000"));
  page->form()->setFieldText(QStringLiteral("evaluation.at_end"), QStringLiteral("false"));
  page->form()->setFieldText(QStringLiteral("data.train_subset"), QStringLiteral("8192"));
  page->startTraining();  // the run folder is made in the background, then the session starts
  QElapsedTimer starting;
  starting.start();
  while (!page->controller()->isActive() && page->errorBanner()->errors().isEmpty() && starting.elapsed() < 30000)
    QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
  if (!page->controller()->isActive()) {
    std::fprintf(stderr, "bench gui: the session did not start\n");
    return 1;
  }

  std::vector<double> replotMs;
  QObject::connect(page->curves(), &folk::ui::TrainingCurves::replotted, [&](double ms) { replotMs.push_back(ms); });
  const std::vector<double> lagMs = eventLoopLagMs(seconds);
  const int steps = page->curves()->pointCount(QStringLiteral("total"));
  page->stopTraining();
  page->controller()->waitForEnd();

  std::printf("GUI event-loop lag while training (%d steps in %.0f s, every step reported):\n", steps, seconds);
  std::printf("  5 ms timer: %zu firings, lag p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", lagMs.size(),
              percentile(lagMs, 0.5), percentile(lagMs, 0.99), lagMs.empty() ? 0.0 : *std::max_element(lagMs.begin(), lagMs.end()));
  std::printf("  live curve redraws: %zu, median %.2f ms, max %.2f ms\n", replotMs.size(), percentile(replotMs, 0.5),
              replotMs.empty() ? 0.0 : *std::max_element(replotMs.begin(), replotMs.end()));

  // Redraw time with 100 000 points in each of the Train workspace's series.
  folk::ui::TrainingCurves curves;
  curves.resize(1200, 800);
  curves.show();
  const char* keys[] = {"total", "distill", "reconstruction", "lr", "momentum", "teacher_temp"};
  for (int i = 0; i < 6; ++i) {
    const auto panel = i < 3 ? folk::ui::TrainingCurves::Panel::Loss : folk::ui::TrainingCurves::Panel::Schedule;
    curves.addSeries(keys[i], keys[i], panel, i < 3 ? 0 : i - 3, QColor::fromHsv(i * 60, 200, 200));
  }
  const int points = 100000;
  QVector<double> x(points), y(points);
  for (int s = 0; s < 6; ++s) {
    for (int i = 0; i < points; ++i) {
      x[i] = i + 1;
      y[i] = 1.0 + 0.5 * std::sin(i * 0.001 + s) + 0.1 * std::sin(i * 0.37);
    }
    curves.appendPoints(keys[s], x, y);
  }
  std::vector<double> redraw;
  for (int i = 0; i < 12; ++i) {
    curves.appendPoint(keys[0], points + i + 1, 1.0);  // one more point: the plot is dirty again
    redraw.push_back(curves.flushReplot());
  }
  redraw.erase(redraw.begin(), redraw.begin() + 2);  // first paints warm caches
  std::printf("Curve redraw with %d points per series (6 series, raw + smoothed = 12 graphs): median %.1f ms, max "
              "%.1f ms\n",
              points, percentile(redraw, 0.5), *std::max_element(redraw.begin(), redraw.end()));
  return 0;
}
