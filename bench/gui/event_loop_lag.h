#pragma once
// The GUI benchmarks' yardstick: how late a 5 ms timer on the GUI thread fires while the event
// loop runs (the lag a user feels), and percentiles of such figures.
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <algorithm>
#include <vector>

namespace folk::bench {

inline double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0.0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5))];
}

// Runs a local event loop for `seconds` (QApplication::quit() would close windows) and returns
// the lateness of every firing of a 5 ms timer, in milliseconds.
inline std::vector<double> eventLoopLagMs(double seconds) {
  QEventLoop loop;
  std::vector<double> lagMs;
  QElapsedTimer clock, total;
  QTimer tick;
  tick.setTimerType(Qt::PreciseTimer);
  tick.setInterval(5);
  QObject::connect(&tick, &QTimer::timeout, [&] {
    if (clock.isValid()) lagMs.push_back(std::max(0.0, double(clock.nsecsElapsed()) / 1e6 - 5.0));
    clock.restart();
    if (total.elapsed() > seconds * 1000.0) loop.quit();
  });
  total.start();
  tick.start();
  loop.exec();
  return lagMs;
}

}  // namespace folk::bench
