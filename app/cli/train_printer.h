#pragma once
// Prints a Session's reports for `folk train` / `folk eval`: on a terminal one progress line
// rewritten in place (loss, images/s, ETA), otherwise one plain line per logged step, so logs of
// jobs stay readable.
#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <mutex>

#include "core/train/session_observer.h"

namespace folk::cli {

class TrainPrinter : public SessionObserver {
 public:
  TrainPrinter(std::ostream& out, std::ostream& err, bool terminal, std::int64_t plainEvery);
  void onState(SessionState state) override;
  void onStep(const StepReport& report) override;
  void onEval(const EvalReport& report) override;
  void onError(const std::string& message) override;
  void onMessage(const std::string& message) override;
  void onWarning(const std::string& message, bool active) override;

 private:
  void endProgressLine();
  std::ostream& out_;
  std::ostream& err_;
  bool terminal_;
  std::int64_t plainEvery_;
  bool progressOpen_ = false;
  std::chrono::steady_clock::time_point lastDraw_{};
  std::mutex mutex_;
};

// "1h02m", "3m05s", "12s"
std::string formatDuration(double seconds);

}  // namespace folk::cli
