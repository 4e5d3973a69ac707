#pragma once
// The GUI's handle on a training Session (DESIGN.md §2). The engine knows nothing of Qt: an
// observer adapter queues the session's reports under a mutex on the session's thread, and a
// 30 ms timer on the GUI thread drains the queue, coalescing all steps that arrived into one
// signal and keeping only the newest sample image, so the window never waits on training and a
// fast session cannot flood the event loop. Commands (start / pause / resume / stop) are the
// session's thread-safe requests and return at once.
#include <QObject>
#include <QString>
#include <QTimer>
#include <QVector>
#include <memory>

#include "core/io/run_directory.h"
#include "core/io/train_config.h"
#include "core/train/session_observer.h"

namespace folk {
class Session;
}

namespace folk::ui {

class EngineController : public QObject {
  Q_OBJECT

 public:
  explicit EngineController(QObject* parent = nullptr);
  ~EngineController() override;  // stops a running session (checkpoint) and waits for it

  // Starts training in a run folder made ready off the GUI thread (RunDirectory::create for a new
  // run, RunDirectory::open for one to continue from its last checkpoint): touches no file itself.
  // False with a message when a session is already running.
  bool start(RunDirectory run, QString* error = nullptr);
  // The same in one call, for code that may wait on the disk (tests, tools): validates `config`,
  // creates a run folder under `runsDir` and starts it; or opens `runDirectory` and continues it.
  // False with a message (every validation problem, or why the folder could not be made) otherwise.
  bool startNew(const TrainConfig& config, const QString& runsDir, QString* error = nullptr);
  bool resumeRun(const QString& runDirectory, QString* error = nullptr);

  void pause();
  void resume();
  void stop();
  // Blocks until the session's thread has ended (after stop(), or to wait for the end of a run).
  void waitForEnd();

  bool isActive() const;  // a session exists and has not ended
  SessionState state() const { return state_; }
  QString runDirectory() const { return runDirectory_; }
  int drainIntervalMs() const { return drainTimer_.interval(); }

  // Drains the queue now (the timer calls this); returns the number of reports delivered.
  int drain();

 Q_SIGNALS:
  void runStarted(const QString& runDirectory);
  void stateChanged(folk::SessionState state);
  void stepsArrived(const QVector<folk::StepReport>& steps);  // in order, at most one signal per drain
  void evalArrived(const folk::EvalReport& report);
  void sampleArrived(const folk::SampleReport& sample);  // the newest one of the drain
  void errorOccurred(const QString& message);
  void messageArrived(const QString& message);
  // The run entered (active) or left a state that needs the user's attention (a collapse).
  void warningChanged(const QString& message, bool active);
  void ended(folk::SessionState finalState);  // Stopped, Finished or Failed; the thread is joined

 private:
  class Queue;
  bool refuseWhileActive(QString* error) const;  // true, with the reason, while a session runs

  std::shared_ptr<Queue> queue_;
  std::unique_ptr<Session> session_;
  SessionState state_ = SessionState::Idle;
  QString runDirectory_;
  QTimer drainTimer_;
};

}  // namespace folk::ui
