#include "core/util/torch_threads.h"

#include <dlfcn.h>
#include <malloc.h>
#include <torch/torch.h>

#include <algorithm>
#include <cstdlib>
#include <mutex>
#include <thread>

namespace folk {

namespace {
// Looked up at run time: libtorch reaches OpenBLAS through the libblas.so.3 alternative, and a
// reference BLAS has no such functions.
using SetThreads = void (*)(int);
using GetThreads = int (*)();
SetThreads openblasSetThreads() {
  static const auto f = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"));
  return f;
}
GetThreads openblasGetThreads() {
  static const auto f = reinterpret_cast<GetThreads>(dlsym(RTLD_DEFAULT, "openblas_get_num_threads"));
  return f;
}
}  // namespace

void keepFreedMemoryInHeap() {
  static std::once_flag once;
  std::call_once(once, [] {
    // 32 MiB is glibc's largest mmap threshold; the trim threshold keeps freed heap top in place.
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 1024 * 1024 * 1024);
  });
}

bool setBlasThreads(int threads) {
  if (auto f = openblasSetThreads()) {
    f(std::max(1, threads));
    return true;
  }
  return false;
}

int blasThreads() {
  if (auto f = openblasGetThreads()) return f();
  return 1;
}

BlasThreadsScope::BlasThreadsScope(int threads) : previous_(blasThreads()) {
  if (previous_ != threads) setBlasThreads(threads);
}

BlasThreadsScope::~BlasThreadsScope() {
  if (blasThreads() != previous_) setBlasThreads(previous_);
}

int configureComputeThreads(int threads) {
  if (threads <= 0) {
    if (const char* env = std::getenv("FOLK_THREADS")) threads = std::atoi(env);
  }
  if (threads <= 0) threads = int(std::max(1u, std::thread::hardware_concurrency()));
  keepFreedMemoryInHeap();
  torch::set_num_threads(threads);
  return threads;
}

}  // namespace folk
