#include "core/spectral/fftw_plans.h"

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

#include "core/spectral/fftw_buffer.h"
#include "core/spectral/fftw_wisdom.h"

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

// The wisdom folder, its wisdom imported on first use: under the planner lock, before the process's
// first plan (fftw_wisdom.h).
const std::string& wisdomFolderImported() {
  static const std::string folder = [] {
    std::string f = wisdomFolder();
    importWisdom(f);
    return f;
  }();
  return folder;
}

// The plan cached for `key`, made by `make` the first time, under the planner lock. Each caller
// owns one cache (one per kind of transform); `make` plans on arrays it frees again. Each new plan
// exports what FFTW knows then, so the next process finds it measured.
template <typename Key, typename Plan, typename Make>
Plan cachedPlan(std::map<Key, Plan>& cache, const Key& key, Make make) {
  std::lock_guard<std::mutex> lock(plannerMutex());
  Plan& plan = cache[key];
  if (!plan) {
    const std::string& folder = wisdomFolderImported();
    plan = make();
    exportWisdom(folder);
  }
  return plan;
}

std::size_t halfSize(int height, int width) { return std::size_t(height) * (std::size_t(width) / 2 + 1); }

}  // namespace

fftw_plan forwardDoubleInPlace(int height, int width) {
  static auto& cache = *new std::map<Size, fftw_plan>();
  return cachedPlan(cache, {height, width}, [&] {
    const auto data = allocate<fftw_complex>(halfSize(height, width));
    return fftw_plan_dft_r2c_2d(height, width, reinterpret_cast<double*>(data.get()), data.get(), planFlags(height, width));
  });
}

fftwf_plan forwardFloat(int height, int width) {
  static auto& cache = *new std::map<Size, fftwf_plan>();
  return cachedPlan(cache, {height, width}, [&] {
    const auto in = allocate<float>(std::size_t(height) * width);
    const auto out = allocate<fftwf_complex>(halfSize(height, width));
    return fftwf_plan_dft_r2c_2d(height, width, in.get(), out.get(), planFlags(height, width));
  });
}

fftwf_plan inverseFloat(int height, int width) {
  static auto& cache = *new std::map<Size, fftwf_plan>();
  return cachedPlan(cache, {height, width}, [&] {
    const auto in = allocate<fftwf_complex>(halfSize(height, width));
    const auto out = allocate<float>(std::size_t(height) * width);
    return fftwf_plan_dft_c2r_2d(height, width, in.get(), out.get(), planFlags(height, width));
  });
}

fftwf_plan rowsForwardFloat(int height, int width) {
  static auto& cache = *new std::map<Size, fftwf_plan>();
  return cachedPlan(cache, {height, width}, [&] {
    const int hw = width / 2 + 1;
    const auto in = allocate<float>(std::size_t(height) * width);
    const auto out = allocate<fftwf_complex>(halfSize(height, width));
    // Unlike the other plans, this one leaves its input intact, so it can read an image plane directly.
    const unsigned flags = (planFlags(height, width) & ~unsigned(FFTW_DESTROY_INPUT)) | FFTW_PRESERVE_INPUT;
    return fftwf_plan_many_dft_r2c(1, &width, height, in.get(), nullptr, 1, width, out.get(), nullptr, 1, hw, flags);
  });
}

fftwf_plan rowsInverseFloat(int height, int width) {
  static auto& cache = *new std::map<Size, fftwf_plan>();
  return cachedPlan(cache, {height, width}, [&] {
    const int hw = width / 2 + 1;
    const auto in = allocate<fftwf_complex>(halfSize(height, width));
    const auto out = allocate<float>(std::size_t(height) * width);
    return fftwf_plan_many_dft_c2r(1, &width, height, in.get(), nullptr, 1, hw, out.get(), nullptr, 1, width,
                                   planFlags(height, width));
  });
}

fftwf_plan columnsFloat(int length, int count, int sign) {
  static auto& cache = *new std::map<std::pair<Size, int>, fftwf_plan>();
  return cachedPlan(cache, {{length, count}, sign}, [&] {
    const auto data = allocate<fftwf_complex>(std::size_t(length) * count);
    return fftwf_plan_many_dft(1, &length, count, data.get(), nullptr, count, 1, data.get(), nullptr, count, 1, sign,
                               planFlags(length, count));
  });
}

}  // namespace folk::fftw
