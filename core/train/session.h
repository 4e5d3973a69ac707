#pragma once
// A training run on its own thread (DESIGN.md §2). All torch work happens on that
// thread; start / pause / resume / stop are thread-safe requests that take effect at the next step
// boundary. Stopping writes a checkpoint, so `Session` on the same run directory continues where the
// run stopped: same weights, optimiser moments, centre, mask RNG and data position, hence (with a
// fixed seed on one thread) the same losses as a run that was never stopped.
//
// A NaN / infinite loss is reported as an error and ends the run in Failed without overwriting the
// last good checkpoint.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/dist/communicator.h"
#include "core/io/run_directory.h"
#include "core/train/embedding.h"
#include "core/train/session_observer.h"

namespace folk {

class Session {
 public:
  // The run directory holds config.json (RunDirectory::create); when it also holds a checkpoint the
  // session resumes from it. `observer` may be null and must outlive the session.
  Session(RunDirectory run, SessionObserver* observer);
  ~Session();  // requests a stop and joins (a checkpoint is still written)
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Data-parallel training (before start()): this session is one rank of the group. Every rank
  // opens the same run folder (rank 0 creates it; a shared file system across nodes); only rank 0
  // writes checkpoints, metrics, samples, evaluations and state.json. Pause is not available, and a
  // stop on any rank stops all ranks at the same step.
  void setCommunicator(std::shared_ptr<Communicator> communicator) { communicator_ = std::move(communicator); }

  void start();   // Idle -> Running (launches the thread); ignored otherwise
  void pause();   // Running -> Paused at the next step boundary
  void resume();  // Paused -> Running
  void stop();    // graceful: checkpoint, then Stopped. Safe from a signal-watching thread.
  void wait();    // blocks until the thread has ended

  SessionState state() const { return state_.load(); }
  std::int64_t completedSteps() const { return completedSteps_.load(); }
  const RunDirectory& run() const { return run_; }

  // Only evaluation, for `folk eval RUN`: loads the latest checkpoint, scores the trained backbone
  // and the baselines the config asks for, writes eval.json, and returns the report. `overrides`
  // ("evaluation.protocol=full", as applyOverride takes them) change the run's config for this
  // evaluation only; evaluation.split cannot change (ConfigError). Runs on the caller's thread.
  static EvalReport evaluateRun(const RunDirectory& run, SessionObserver* observer = nullptr,
                                const std::vector<std::string>& overrides = {});
  // The PCA embedding (embedding.h) of the evaluated backbone's features on up to `maxSamples`
  // labelled test images, from the latest checkpoint. Runs on the caller's thread; throws
  // std::runtime_error / DatasetError naming the run or dataset when it cannot. `progress` (may be
  // empty) gets (images done, images in all) as features are extracted; returning false cancels
  // and embedRun throws OperationCancelled (evaluation.h).
  static Embedding embedRun(const RunDirectory& run, std::size_t maxSamples = 2000,
                            const std::function<bool(std::size_t, std::size_t)>& progress = {});

 private:
  void threadMain();
  void setState(SessionState state);
  void recordState(SessionState state);  // state.json in the run folder
  void reportError(const std::string& message);
  // Blocks while paused; returns false when a stop was requested.
  bool waitWhilePaused();

  RunDirectory run_;
  SessionObserver* observer_;
  std::atomic<SessionState> state_{SessionState::Idle};
  std::atomic<bool> stopRequested_{false};
  std::atomic<bool> pauseRequested_{false};
  std::atomic<std::int64_t> completedSteps_{0};
  std::mutex mutex_;       // guards starting and joining the thread
  std::mutex pauseMutex_;  // with wake_: the paused thread waits for resume() / stop()
  std::condition_variable wake_;
  std::thread thread_;
  std::string lastError_;  // session thread only
  std::shared_ptr<Communicator> communicator_;
  bool writesRun() const { return !communicator_ || communicator_->rank() == 0; }
};

}  // namespace folk
