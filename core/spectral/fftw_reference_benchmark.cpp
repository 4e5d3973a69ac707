#include "core/spectral/fftw_reference_benchmark.h"

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <vector>

#include "core/spectral/fftw_buffer.h"
#include "core/spectral/fftw_plans.h"

namespace folk {

double fftwReferenceMilliseconds(int height, int width, int channels, int repeats) {
  if (height < 1 || width < 1 || (channels != 1 && channels != 3) || repeats < 1)
    throw std::invalid_argument("fftwReferenceMilliseconds: sizes must be positive, channels 1 or 3, repeats >= 1");
  const std::size_t n = std::size_t(height) * width, nh = std::size_t(height) * (std::size_t(width) / 2 + 1);
  auto lumaHalf = fftw::allocate<fftw_complex>(nh);
  auto real = fftw::allocate<float>(n);
  auto spectrum = fftw::allocate<fftwf_complex>(nh);
  const fftw_plan luma = fftw::forwardDoubleInPlace(height, width);
  const fftwf_plan forward = fftw::forwardFloat(height, width);
  const fftwf_plan inverse = fftw::inverseFloat(height, width);
  // Fresh inputs for every run (the plans destroy their inputs), copied from these.
  std::vector<double> lumaSource(2 * nh);
  for (std::size_t i = 0; i < lumaSource.size(); ++i) lumaSource[i] = double(i % 251) / 251.0;
  std::vector<float> channelSource(n);
  for (std::size_t i = 0; i < n; ++i) channelSource[i] = float(i % 239) / 239.0f;
  auto once = [&] {
    double* lumaIn = &lumaHalf[0][0];
    std::copy(lumaSource.begin(), lumaSource.end(), lumaIn);
    fftw_execute_dft_r2c(luma, lumaIn, lumaHalf.get());
    for (int c = 0; c < channels; ++c) {
      std::copy(channelSource.begin(), channelSource.end(), real.get());
      fftwf_execute_dft_r2c(forward, real.get(), spectrum.get());
      fftwf_execute_dft_c2r(inverse, spectrum.get(), real.get());
    }
  };
  for (int i = 0; i < 3; ++i) once();
  std::vector<double> ms;
  for (int i = 0; i < repeats; ++i) {
    // The input copies are timed too: one memcpy per array, a small part.
    const auto start = std::chrono::steady_clock::now();
    once();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(ms.begin(), ms.end());
  return ms[ms.size() / 2];
}

}  // namespace folk
