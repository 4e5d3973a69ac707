#pragma once
// The one way the GUI pages run work off the GUI thread (DESIGN.md §2: the GUI never blocks, not
// even on a stalled network disk). A job is a function of a JobControl, run on a shared thread
// pool; it may ask whether it was cancelled and report progress. Its result, or its error (the
// message of the exception it threw), comes back on the GUI thread, unless the job was cancelled
// first: by cancel(), by a newer job of the same key (latest wins, as the job tracker of KDAB's
// hotspot does) or by destroying the BackgroundJobs. Nothing ever waits for a job: one stuck in a
// read of a stalled disk costs a pool thread, not the window (and not closing it).
#include <QHash>
#include <QObject>
#include <QString>
#include <QTimer>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

namespace folk::ui {

// What a running job sees. Thread-safe.
class JobControl {
 public:
  bool cancelled() const { return cancelled_.load(); }
  void cancel() { cancelled_ = true; }
  // Progress in any unit (images, bytes); the page's progress callback receives it on the GUI
  // thread, coalesced (at most one delivery queued at a time).
  void setProgress(qint64 done, qint64 total);
  qint64 done() const { return done_.load(); }
  qint64 total() const { return total_.load(); }

 private:
  friend class BackgroundJobs;
  std::atomic<bool> cancelled_{false};
  std::atomic<qint64> done_{0}, total_{0};
  std::atomic<bool> progressQueued_{false};
  std::function<void()> notifyProgress_;  // set before the job starts, then only read
};

class BackgroundJobs : public QObject {
  Q_OBJECT

 public:
  using ErrorHandler = std::function<void(const QString& message)>;
  using ProgressHandler = std::function<void(qint64 done, qint64 total)>;

  explicit BackgroundJobs(QObject* parent = nullptr);
  ~BackgroundJobs() override;  // cancels every job; their results are dropped, nothing waits

  // Runs `work(JobControl&)` on the pool; later, on this object's thread, `onDone(result)` or
  // `onError(message)` if work threw. A non-empty key makes the job replace (cancel) the running
  // job of that key. Returns the job's control (e.g. to cancel just this job).
  template <class Work, class OnDone>
  std::shared_ptr<JobControl> start(const QString& key, Work work, OnDone onDone, ErrorHandler onError = {},
                                    ProgressHandler onProgress = {}) {
    using Result = std::invoke_result_t<Work&, JobControl&>;
    auto result = std::make_shared<std::optional<Result>>();
    return launch(
        key, [work = std::move(work), result](JobControl& control) mutable { result->emplace(work(control)); },
        [onDone = std::move(onDone), result]() mutable { onDone(std::move(**result)); }, std::move(onError),
        std::move(onProgress));
  }

  bool running(const QString& key) const { return keyed_.contains(key); }
  int runningCount() const { return int(running_.size()); }
  void cancel(const QString& key);
  void cancelAll();

  // Pool threads in use by jobs of every BackgroundJobs, and the pool's current limit: a job that
  // has run for a while (most likely waiting on a stalled disk, not computing) does not count
  // against the limit, so the jobs after it still start. For tests and benchmarks.
  static int poolThreadsInUse();
  static int poolThreadLimit();

 Q_SIGNALS:
  void allDone();  // the last running job finished or was cancelled

 private:
  struct Inbox;
  std::shared_ptr<JobControl> launch(const QString& key, std::function<void(JobControl&)> run,
                                     std::function<void()> deliver, ErrorHandler onError,
                                     ProgressHandler onProgress);

  std::shared_ptr<Inbox> inbox_;  // shared with the pool threads: where results may still go
  QHash<QString, std::shared_ptr<JobControl>> keyed_;
  QHash<JobControl*, std::shared_ptr<JobControl>> running_;
  QTimer rebalance_;
};

}  // namespace folk::ui
