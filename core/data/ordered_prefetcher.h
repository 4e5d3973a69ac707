#pragma once
// Worker threads that build items (batches) ahead of the consumer, at most `capacity` ahead, and
// hand them out strictly in position order: item p is the same whichever thread built it, so a run
// is reproducible with any number of workers. Builder exceptions are delivered to the consumer by
// next() at the position where they happened. The destructor stops and joins the workers even if
// the consumer stopped early; work in flight is abandoned at the builder's next cancellation check.
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace folk {

// Thrown by a builder that noticed its work is no longer wanted (seek or shutdown).
struct PrefetchCancelled {};

// Lets a long-running builder check whether it should give up.
class PrefetchCancel {
 public:
  PrefetchCancel(const std::atomic<std::uint64_t>& generation, std::uint64_t mine, const std::atomic<bool>& stopping)
      : generation_(generation), mine_(mine), stopping_(stopping) {}
  bool cancelled() const { return stopping_.load() || generation_.load() != mine_; }
  void throwIfCancelled() const {
    if (cancelled()) throw PrefetchCancelled{};
  }

 private:
  const std::atomic<std::uint64_t>& generation_;
  std::uint64_t mine_;
  const std::atomic<bool>& stopping_;
};

template <class T>
class OrderedPrefetcher {
 public:
  using Builder = std::function<T(std::int64_t position, const PrefetchCancel& cancel)>;

  // Positions start..end-1 (end < 0: unbounded). workers = 0 builds synchronously in next().
  OrderedPrefetcher(Builder builder, int workers, int capacity, std::int64_t start = 0, std::int64_t end = -1)
      : builder_(std::move(builder)),
        capacity_(std::max(capacity, std::max(workers, 1))),
        nextClaim_(start),
        nextDeliver_(start),
        end_(end) {
    for (int w = 0; w < workers; ++w) threads_.emplace_back([this] { workerLoop(); });
  }

  ~OrderedPrefetcher() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    workCv_.notify_all();
    readyCv_.notify_all();
    for (auto& t : threads_) t.join();
  }

  OrderedPrefetcher(const OrderedPrefetcher&) = delete;
  OrderedPrefetcher& operator=(const OrderedPrefetcher&) = delete;

  // Restarts at `position` (e.g. resuming a run); work for old positions is discarded.
  void seek(std::int64_t position, std::int64_t end) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      ++generation_;
      ready_.clear();
      nextClaim_ = nextDeliver_ = position;
      end_ = end;
    }
    workCv_.notify_all();
  }

  // The next item in position order; std::nullopt after the end. Rethrows a builder's exception.
  std::optional<T> next() {
    if (threads_.empty()) return nextSynchronous();
    std::unique_lock<std::mutex> lock(mutex_);
    if (end_ >= 0 && nextDeliver_ >= end_) return std::nullopt;
    readyCv_.wait(lock, [&] { return stopping_ || ready_.count(nextDeliver_) != 0; });
    if (stopping_) return std::nullopt;
    auto node = ready_.extract(nextDeliver_);
    ++nextDeliver_;
    lock.unlock();
    workCv_.notify_all();  // a slot in the window opened
    if (node.mapped().error) std::rethrow_exception(node.mapped().error);
    return std::move(node.mapped().value);
  }

  std::int64_t position() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return nextDeliver_;
  }

 private:
  struct Slot {
    std::optional<T> value;
    std::exception_ptr error;
  };

  std::optional<T> nextSynchronous() {
    std::int64_t position;
    std::uint64_t generation;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (end_ >= 0 && nextDeliver_ >= end_) return std::nullopt;
      position = nextDeliver_++;
      generation = generation_;
    }
    return builder_(position, PrefetchCancel(generation_, generation, stopping_));
  }

  void workerLoop() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      workCv_.wait(lock, [&] {
        return stopping_ || (nextClaim_ < nextDeliver_ + capacity_ && (end_ < 0 || nextClaim_ < end_));
      });
      if (stopping_) return;
      const std::int64_t position = nextClaim_++;
      const std::uint64_t generation = generation_;
      lock.unlock();
      Slot slot;
      bool cancelled = false;
      try {
        slot.value.emplace(builder_(position, PrefetchCancel(generation_, generation, stopping_)));
      } catch (const PrefetchCancelled&) {
        cancelled = true;
      } catch (...) {
        slot.error = std::current_exception();
      }
      lock.lock();
      if (cancelled || stopping_ || generation != generation_) continue;  // nobody wants it any more
      ready_.emplace(position, std::move(slot));
      readyCv_.notify_all();
    }
  }

  Builder builder_;
  const std::int64_t capacity_;
  mutable std::mutex mutex_;
  std::condition_variable workCv_, readyCv_;
  std::atomic<bool> stopping_{false};
  std::atomic<std::uint64_t> generation_{0};
  std::int64_t nextClaim_, nextDeliver_, end_;
  std::map<std::int64_t, Slot> ready_;
  std::vector<std::thread> threads_;
};

}  // namespace folk
