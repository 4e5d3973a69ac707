#include "app/gui/engine_controller.h"

#include <mutex>
#include <optional>
#include <vector>

#include "core/io/run_directory.h"
#include "core/train/session.h"

namespace folk::ui {

// Filled on the session's thread, emptied on the GUI thread; holds plain engine structs only.
class EngineController::Queue : public SessionObserver {
 public:
  struct Batch {
    std::vector<SessionState> states;
    QVector<StepReport> steps;
    std::vector<EvalReport> evals;
    std::optional<SampleReport> sample;
    std::vector<std::string> errors;
    std::vector<std::string> messages;
    std::vector<std::pair<std::string, bool>> warnings;
    int size() const {
      return int(states.size() + size_t(steps.size()) + evals.size() + (sample ? 1 : 0) + errors.size() +
                 messages.size() + warnings.size());
    }
  };

  void onState(SessionState state) override {
    std::lock_guard<std::mutex> lock(mutex_);
    pending_.states.push_back(state);
  }
  void onStep(const StepReport& report) override {
    std::lock_guard<std::mutex> lock(mutex_);
    pending_.steps.push_back(report);
  }
  void onEval(const EvalReport& report) override {
    std::lock_guard<std::mutex> lock(mutex_);
    pending_.evals.push_back(report);
  }
  void onSample(const SampleReport& report) override {
    std::lock_guard<std::mutex> lock(mutex_);
    pending_.sample = report;  // an older, undrawn sample is of no use any more
  }
  void onError(const std::string& message) override {
    std::lock_guard<std::mutex> lock(mutex_);
    pending_.errors.push_back(message);
  }
  void onMessage(const std::string& message) override {
    std::lock_guard<std::mutex> lock(mutex_);
    pending_.messages.push_back(message);
  }
  void onWarning(const std::string& message, bool active) override {
    std::lock_guard<std::mutex> lock(mutex_);
    pending_.warnings.emplace_back(message, active);
  }
  Batch take() {
    std::lock_guard<std::mutex> lock(mutex_);
    Batch out = std::move(pending_);
    pending_ = Batch{};
    return out;
  }

 private:
  std::mutex mutex_;
  Batch pending_;
};

EngineController::EngineController(QObject* parent) : QObject(parent), queue_(std::make_shared<Queue>()) {
  drainTimer_.setInterval(30);
  connect(&drainTimer_, &QTimer::timeout, this, [this] { drain(); });
}

EngineController::~EngineController() {
  if (session_) {
    session_->stop();
    session_->wait();
  }
}

bool EngineController::startNew(const TrainConfig& config, const QString& runsDir, QString* error) {
  if (refuseWhileActive(error)) return false;
  try {
    validate(config);
    return start(RunDirectory::create(runsDir.toStdString(), config), error);
  } catch (const std::exception& e) {
    if (error) *error = QString::fromStdString(e.what());
    return false;
  }
}

bool EngineController::resumeRun(const QString& runDirectory, QString* error) {
  if (refuseWhileActive(error)) return false;
  try {
    auto run = RunDirectory::open(runDirectory.toStdString());
    validate(run.loadConfig());
    return start(std::move(run), error);
  } catch (const std::exception& e) {
    if (error) *error = QString::fromStdString(e.what());
    return false;
  }
}

bool EngineController::refuseWhileActive(QString* error) const {
  if (!isActive()) return false;
  if (error) *error = tr("A training session is already running; stop it first.");
  return true;
}

bool EngineController::start(RunDirectory run, QString* error) {
  if (refuseWhileActive(error)) return false;
  try {
    if (session_) session_->wait();  // the previous, ended session
    // Its last reports (its end among them) go out before the new session's: a start right after a
    // stop, before the timer drained, must not swallow the previous session's `ended`.
    drain();
    const QString root = QString::fromStdString(run.root());
    session_ = std::make_unique<Session>(std::move(run), queue_.get());
    runDirectory_ = root;
    state_ = SessionState::Idle;
    drainTimer_.start();
    Q_EMIT runStarted(runDirectory_);
    session_->start();
    return true;
  } catch (const std::exception& e) {
    session_.reset();
    if (error) *error = QString::fromStdString(e.what());
    return false;
  }
}

void EngineController::pause() {
  if (session_) session_->pause();
}
void EngineController::resume() {
  if (session_) session_->resume();
}
void EngineController::stop() {
  if (session_) session_->stop();
}

void EngineController::waitForEnd() {
  if (session_) session_->wait();
  drain();
}

bool EngineController::isActive() const {
  if (!session_) return false;
  const auto s = session_->state();
  return s != SessionState::Stopped && s != SessionState::Finished && s != SessionState::Failed;
}

int EngineController::drain() {
  auto batch = queue_->take();
  const int delivered = batch.size();
  for (const auto& m : batch.messages) Q_EMIT messageArrived(QString::fromStdString(m));
  for (const auto& [w, active] : batch.warnings) Q_EMIT warningChanged(QString::fromStdString(w), active);
  if (!batch.steps.isEmpty()) Q_EMIT stepsArrived(batch.steps);
  for (const auto& e : batch.evals) Q_EMIT evalArrived(e);
  if (batch.sample) Q_EMIT sampleArrived(*batch.sample);
  for (const auto& e : batch.errors) Q_EMIT errorOccurred(QString::fromStdString(e));
  for (auto s : batch.states) {
    if (s == state_) continue;
    state_ = s;
    Q_EMIT stateChanged(s);
    if (s == SessionState::Stopped || s == SessionState::Finished || s == SessionState::Failed) {
      if (session_) session_->wait();  // the thread is ending: this join is short
      drainTimer_.stop();
      Q_EMIT ended(s);
    }
  }
  return delivered;
}

}  // namespace folk::ui
