#include "app/gui/background_jobs.h"

#include <QThread>
#include <QThreadPool>
#include <algorithm>
#include <chrono>
#include <exception>
#include <list>
#include <mutex>

namespace folk::ui {

namespace {

// The pool every BackgroundJobs shares. Reads of a stalled network disk block a thread for as long
// as the disk stalls, and nothing can interrupt them; so a job that has run for over a second (most
// likely waiting, not computing) stops counting against the pool's limit and the queued jobs after
// it still get threads. Nothing is timed out: the slow job finishes when its disk answers.
class JobPool {
 public:
  static JobPool& instance() {
    // Never destroyed: QThreadPool's destructor would wait for a thread stuck on a stalled disk
    // and hang the program's exit.
    static JobPool* pool = new JobPool;
    return *pool;
  }

  void start(std::function<void()> task) {
    pool_.start([this, task = std::move(task)] {
      std::list<Clock::time_point>::iterator since;
      {
        std::lock_guard<std::mutex> lock(mutex_);
        since = started_.insert(started_.end(), Clock::now());
      }
      task();
      {
        std::lock_guard<std::mutex> lock(mutex_);
        started_.erase(since);
      }
      rebalance();
    });
    rebalance();
  }

  void rebalance() {
    int slow = 0;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      const auto now = Clock::now();
      for (const auto& since : started_) slow += now - since > kSlow ? 1 : 0;
    }
    pool_.setMaxThreadCount(base_ + slow);  // a larger limit starts queued jobs at once
  }

  int inUse() {
    std::lock_guard<std::mutex> lock(mutex_);
    return int(started_.size());
  }
  int limit() const { return pool_.maxThreadCount(); }

 private:
  using Clock = std::chrono::steady_clock;
  static constexpr std::chrono::milliseconds kSlow{1000};

  // Reading files is mostly waiting: more threads than cores pay off.
  JobPool() : base_(std::max(4, QThread::idealThreadCount())) { pool_.setMaxThreadCount(base_); }

  std::mutex mutex_;
  std::list<Clock::time_point> started_;  // one entry per running job
  QThreadPool pool_;
  const int base_;
};

}  // namespace

// Where results may still be delivered: the pool threads post to `owner` under the mutex, and the
// destructor clears it under the same mutex, so a post never reaches a destroyed object (events
// already queued for it are discarded by Qt with it).
struct BackgroundJobs::Inbox {
  std::mutex mutex;
  BackgroundJobs* owner = nullptr;

  void post(std::function<void()> call) {
    std::lock_guard<std::mutex> lock(mutex);
    if (owner) QMetaObject::invokeMethod(owner, std::move(call), Qt::QueuedConnection);
  }
};

void JobControl::setProgress(qint64 done, qint64 total) {
  done_ = done;
  total_ = total;
  if (notifyProgress_ && !progressQueued_.exchange(true)) notifyProgress_();
}

BackgroundJobs::BackgroundJobs(QObject* parent) : QObject(parent), inbox_(std::make_shared<Inbox>()) {
  inbox_->owner = this;
  rebalance_.setInterval(250);
  connect(&rebalance_, &QTimer::timeout, this, [] { JobPool::instance().rebalance(); });
}

BackgroundJobs::~BackgroundJobs() {
  {
    std::lock_guard<std::mutex> lock(inbox_->mutex);
    inbox_->owner = nullptr;
  }
  for (const auto& control : std::as_const(running_)) control->cancel();
}

int BackgroundJobs::poolThreadsInUse() { return JobPool::instance().inUse(); }
int BackgroundJobs::poolThreadLimit() { return JobPool::instance().limit(); }

void BackgroundJobs::cancel(const QString& key) {
  const auto control = keyed_.take(key);
  if (!control) return;
  control->cancel();
  running_.remove(control.get());
  if (running_.isEmpty()) {
    rebalance_.stop();
    Q_EMIT allDone();
  }
}

void BackgroundJobs::cancelAll() {
  const bool any = !running_.isEmpty();
  for (const auto& control : std::as_const(running_)) control->cancel();
  running_.clear();
  keyed_.clear();
  rebalance_.stop();
  if (any) Q_EMIT allDone();
}

std::shared_ptr<JobControl> BackgroundJobs::launch(const QString& key, std::function<void(JobControl&)> run,
                                                   std::function<void()> deliver, ErrorHandler onError,
                                                   ProgressHandler onProgress) {
  auto control = std::make_shared<JobControl>();
  running_.insert(control.get(), control);
  if (!key.isEmpty()) {
    if (const auto replaced = keyed_.take(key)) {  // latest wins
      replaced->cancel();
      running_.remove(replaced.get());
    }
    keyed_.insert(key, control);
  }
  rebalance_.start();
  if (onProgress) {
    const std::weak_ptr<JobControl> weak = control;
    control->notifyProgress_ = [inbox = inbox_, weak, onProgress] {
      inbox->post([weak, onProgress] {
        const auto c = weak.lock();
        if (!c) return;
        c->progressQueued_ = false;
        if (!c->cancelled()) onProgress(c->done(), c->total());
      });
    };
  }
  JobPool::instance().start([this, inbox = inbox_, control, key, run = std::move(run), deliver = std::move(deliver),
                             onError = std::move(onError)] {
    bool ok = false;
    QString error;
    if (!control->cancelled()) {
      try {
        run(*control);
        ok = true;
      } catch (const std::exception& e) {
        error = QString::fromStdString(e.what());
      } catch (...) {
        error = tr("the background job failed without saying why");
      }
    }
    // Runs on this object's thread, so `this` is alive there (see Inbox).
    inbox->post([this, control, key, ok, error, deliver, onError] {
      if (!running_.remove(control.get())) return;  // cancelled: the result is not wanted
      if (!key.isEmpty() && keyed_.value(key) == control) keyed_.remove(key);
      if (!control->cancelled()) {
        if (ok)
          deliver();
        else if (onError)
          onError(error);
      }
      if (running_.isEmpty()) {
        rebalance_.stop();
        Q_EMIT allDone();
      }
    });
  });
  return control;
}

}  // namespace folk::ui
