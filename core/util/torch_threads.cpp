#include "core/util/torch_threads.h"

#include <torch/torch.h>

#include <cstdlib>
#include <string>
#include <thread>

namespace folk {

int configureComputeThreads(int threads) {
  if (threads <= 0) {
    if (const char* env = std::getenv("FOLK_THREADS")) threads = std::atoi(env);
  }
  if (threads <= 0) threads = int(std::max(1u, std::thread::hardware_concurrency()));
  // OpenBLAS reads this when its pool starts; torch's OpenMP threads already split the work, so a
  // second pool per torch thread would only oversubscribe the cores.
  setenv("OPENBLAS_NUM_THREADS", "1", /*overwrite=*/0);
  torch::set_num_threads(threads);
  return threads;
}

}  // namespace folk
