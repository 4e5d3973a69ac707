#pragma once
// RAII owners for fftw_malloc'ed (SIMD-aligned) arrays: cached plans must run on aligned arrays.
#include <fftw3.h>

#include <cstddef>
#include <memory>

namespace folk::fftw {

struct FftwDeleter {
  void operator()(void* p) const { fftw_free(p); }
};

template <typename T>
using Buffer = std::unique_ptr<T[], FftwDeleter>;

template <typename T>
Buffer<T> allocate(std::size_t count) {
  // fftw_malloc and fftwf_malloc share one aligned allocator, so fftw_free releases both.
  T* p = static_cast<T*>(fftw_malloc(sizeof(T) * (count == 0 ? 1 : count)));
  if (!p) throw std::bad_alloc();
  return Buffer<T>(p);
}

}  // namespace folk::fftw
