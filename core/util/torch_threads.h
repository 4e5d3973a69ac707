#pragma once
// One place that decides how many threads LibTorch (OpenMP intra-op) and OpenBLAS may use, so the
// two pools never oversubscribe the cores.
namespace folk {

// Sets torch intra-op threads to `threads` (<= 0: FOLK_THREADS env var, else the hardware
// concurrency) and pins OpenBLAS to one thread per caller when the OPENBLAS_NUM_THREADS variable
// is not set (torch parallelises above BLAS). Safe to call more than once; returns the count used.
int configureComputeThreads(int threads = 0);

}  // namespace folk
