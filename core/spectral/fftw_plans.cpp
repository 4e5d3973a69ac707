#include "core/spectral/fftw_plans.h"

#include <cstdint>
#include <map>
#include <mutex>
#include <utility>

namespace folk::fftw {
namespace {

// FFTW's planner is not thread-safe (its execute functions are): every plan is created under
// this one lock, once per size, and kept for the life of the process. The caches are allocated
// once and never destroyed, so no thread still running at exit can find its plan destroyed; a
// static pointer keeps them reachable (leak checkers do not count them as lost).
std::mutex& plannerMutex() {
  static std::mutex m;
  return m;
}

using Size = std::pair<int, int>;

// Plans are made on fftw_malloc'ed arrays, so callers must execute them on fftw_malloc'ed
// (SIMD-aligned) arrays too. FFTW_MEASURE plans run several times faster than FFTW_ESTIMATE ones
// (measured: 224x224 RGB mask pipeline 6.9 ms -> see README) and cost a fraction of a second once
// per size; above 512x512 pixels measuring would take seconds for the large, odd sizes a user
// opens in Explore, so those get estimated plans.
unsigned planFlags(int height, int width) {
  const bool small = std::int64_t(height) * width <= 512 * 512;
  return (small ? FFTW_MEASURE : FFTW_ESTIMATE) | FFTW_DESTROY_INPUT;
}

}  // namespace

fftw_plan forwardDoubleInPlace(int height, int width) {
  static auto& cache = *new std::map<Size, fftw_plan>();
  std::lock_guard<std::mutex> lock(plannerMutex());
  auto& plan = cache[{height, width}];
  if (!plan) {
    fftw_complex* data = fftw_alloc_complex(std::size_t(height) * (width / 2 + 1));
    plan = fftw_plan_dft_r2c_2d(height, width, reinterpret_cast<double*>(data), data, planFlags(height, width));
    fftw_free(data);
  }
  return plan;
}

fftwf_plan forwardFloat(int height, int width) {
  static auto& cache = *new std::map<Size, fftwf_plan>();
  std::lock_guard<std::mutex> lock(plannerMutex());
  auto& plan = cache[{height, width}];
  if (!plan) {
    float* in = fftwf_alloc_real(std::size_t(height) * width);
    fftwf_complex* out = fftwf_alloc_complex(std::size_t(height) * (width / 2 + 1));
    plan = fftwf_plan_dft_r2c_2d(height, width, in, out, planFlags(height, width));
    fftwf_free(in);
    fftwf_free(out);
  }
  return plan;
}

fftwf_plan inverseFloat(int height, int width) {
  static auto& cache = *new std::map<Size, fftwf_plan>();
  std::lock_guard<std::mutex> lock(plannerMutex());
  auto& plan = cache[{height, width}];
  if (!plan) {
    fftwf_complex* in = fftwf_alloc_complex(std::size_t(height) * (width / 2 + 1));
    float* out = fftwf_alloc_real(std::size_t(height) * width);
    plan = fftwf_plan_dft_c2r_2d(height, width, in, out, planFlags(height, width));
    fftwf_free(in);
    fftwf_free(out);
  }
  return plan;
}

fftwf_plan rowsForwardFloat(int height, int width) {
  static auto& cache = *new std::map<Size, fftwf_plan>();
  std::lock_guard<std::mutex> lock(plannerMutex());
  auto& plan = cache[{height, width}];
  if (!plan) {
    const int hw = width / 2 + 1;
    float* in = fftwf_alloc_real(std::size_t(height) * width);
    fftwf_complex* out = fftwf_alloc_complex(std::size_t(height) * hw);
    plan = fftwf_plan_many_dft_r2c(1, &width, height, in, nullptr, 1, width, out, nullptr, 1, hw,
                                   planFlags(height, width));
    fftwf_free(in);
    fftwf_free(out);
  }
  return plan;
}

fftwf_plan rowsInverseFloat(int height, int width) {
  static auto& cache = *new std::map<Size, fftwf_plan>();
  std::lock_guard<std::mutex> lock(plannerMutex());
  auto& plan = cache[{height, width}];
  if (!plan) {
    const int hw = width / 2 + 1;
    fftwf_complex* in = fftwf_alloc_complex(std::size_t(height) * hw);
    float* out = fftwf_alloc_real(std::size_t(height) * width);
    plan = fftwf_plan_many_dft_c2r(1, &width, height, in, nullptr, 1, hw, out, nullptr, 1, width,
                                   planFlags(height, width));
    fftwf_free(in);
    fftwf_free(out);
  }
  return plan;
}

fftwf_plan columnFloat(int length, int sign) {
  static auto& cache = *new std::map<Size, fftwf_plan>();
  std::lock_guard<std::mutex> lock(plannerMutex());
  auto& plan = cache[{length, sign}];
  if (!plan) {
    fftwf_complex* data = fftwf_alloc_complex(std::size_t(length));
    plan = fftwf_plan_dft_1d(length, data, data, sign, planFlags(length, 1));
    fftwf_free(data);
  }
  return plan;
}

}  // namespace folk::fftw
