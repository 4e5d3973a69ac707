#pragma once
// One place that decides how LibTorch (OpenMP intra-op threads), OpenBLAS (its own pthread pool)
// and the allocator share the cores, so the pools never oversubscribe them. The choices are
// measured, not guessed: see README "Performance" and bench/compare_step.sh.
namespace folk {

// Sets torch intra-op threads to `threads` (<= 0: FOLK_THREADS env var, else the hardware
// concurrency), keeps freed tensor memory in the heap (see keepFreedMemoryInHeap) and returns the
// count used. Safe to call more than once.
int configureComputeThreads(int threads = 0);

// glibc returns every block above 128 KiB-32 MiB to the kernel on free, so each training step
// page-faults its activations in again (about 15 % of a CPU step, measured with perf). Raising the
// mmap and trim thresholds keeps them in the heap. Process-wide, idempotent.
void keepFreedMemoryInHeap();

// OpenBLAS's thread count at run time (its OPENBLAS_NUM_THREADS variable is read only when the
// library loads). Returns false when the BLAS in use is not OpenBLAS (then nothing changes).
bool setBlasThreads(int threads);
int blasThreads();  // 1 when the BLAS is not OpenBLAS

// Restores the OpenBLAS thread count on scope exit.
class BlasThreadsScope {
 public:
  explicit BlasThreadsScope(int threads);
  ~BlasThreadsScope();
  BlasThreadsScope(const BlasThreadsScope&) = delete;
  BlasThreadsScope& operator=(const BlasThreadsScope&) = delete;

 private:
  int previous_;
};

}  // namespace folk
