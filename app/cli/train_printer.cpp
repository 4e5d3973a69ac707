#include "app/cli/train_printer.h"

#include <cstdio>
#include <ostream>
#include <string>

#include "core/train/eval_json.h"

namespace folk::cli {

std::string formatDuration(double seconds) {
  const auto s = static_cast<long long>(seconds + 0.5);
  char text[32];
  if (s >= 3600) {
    std::snprintf(text, sizeof text, "%lldh%02lldm", s / 3600, (s / 60) % 60);
  } else if (s >= 60) {
    std::snprintf(text, sizeof text, "%lldm%02llds", s / 60, s % 60);
  } else {
    std::snprintf(text, sizeof text, "%llds", s);
  }
  return text;
}

TrainPrinter::TrainPrinter(std::ostream& out, std::ostream& err, bool terminal, std::int64_t plainEvery)
    : out_(out), err_(err), terminal_(terminal), plainEvery_(plainEvery > 0 ? plainEvery : 1) {}

void TrainPrinter::endProgressLine() {
  if (progressOpen_) out_ << "\n";
  progressOpen_ = false;
}

void TrainPrinter::onState(SessionState state) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (state == SessionState::Running) return;  // the step lines say it
  endProgressLine();
  out_ << "state: " << sessionStateName(state) << std::endl;
}

void TrainPrinter::onStep(const StepReport& r) {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto now = std::chrono::steady_clock::now();
  const bool last = r.step == r.totalSteps;
  if (terminal_) {
    // At most ~8 redraws a second: printing must not slow a fast model down.
    if (!last && progressOpen_ && now - lastDraw_ < std::chrono::milliseconds(120)) return;
  } else if (r.step % plainEvery_ != 0 && !last && r.step != 1) {
    return;
  }
  lastDraw_ = now;
  std::string line = "step " + std::to_string(r.step) + "/" + std::to_string(r.totalSteps) + " epoch " +
                     std::to_string(r.epoch) + " ";
  // The fields the metric declarations give a CLI format, in declaration order (losses,
  // schedules, diagnostics, throughput); metrics the objective does not have are left out.
  for (const auto& d : stepMetrics()) {
    if (*d.cliFormat == '\0' || !r.values.has(d.metric)) continue;
    char field[64];
    std::snprintf(field, sizeof field, d.cliFormat, r.values[d.metric]);
    line += " ";
    line += field;
  }
  line += "  ETA " + formatDuration(r.etaSeconds);
  if (terminal_) {
    out_ << "\r\033[K" << line << std::flush;
    progressOpen_ = true;
  } else {
    out_ << line << std::endl;
  }
}

void TrainPrinter::onWarning(const std::string& message, bool active) {
  std::lock_guard<std::mutex> lock(mutex_);
  endProgressLine();
  (active ? err_ : out_) << (active ? "warning: " : "") << message << std::endl;
}

void TrainPrinter::onEval(const EvalReport& report) {
  std::lock_guard<std::mutex> lock(mutex_);
  endProgressLine();
  out_ << "eval at step " << report.step << " (" << protocolText(report) << "): " << evalSummary(report)
       << std::endl;
}

void TrainPrinter::onError(const std::string& message) {
  std::lock_guard<std::mutex> lock(mutex_);
  endProgressLine();
  err_ << "folk train: " << message << std::endl;
}

void TrainPrinter::onMessage(const std::string& message) {
  std::lock_guard<std::mutex> lock(mutex_);
  endProgressLine();
  out_ << message << std::endl;
}

}  // namespace folk::cli
