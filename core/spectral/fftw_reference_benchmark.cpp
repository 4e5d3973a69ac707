#include "core/spectral/fftw_reference_benchmark.h"

#include <algorithm>
#include <stdexcept>

#include "core/spectral/fftw_plans.h"

namespace folk {

FftwReferenceWork::FftwReferenceWork(int height, int width, int channels) : channels_(channels) {
  if (height < 1 || width < 1 || (channels != 1 && channels != 3))
    throw std::invalid_argument("FftwReferenceWork: sizes must be positive, channels 1 or 3");
  n_ = std::size_t(height) * width;
  halfN_ = std::size_t(height) * (std::size_t(width) / 2 + 1);
  lumaHalf_ = fftw::allocate<fftw_complex>(halfN_);
  real_ = fftw::allocate<float>(n_);
  spectrum_ = fftw::allocate<fftwf_complex>(halfN_);
  luma_ = fftw::forwardDoubleInPlace(height, width);
  forward_ = fftw::forwardFloat(height, width);
  inverse_ = fftw::inverseFloat(height, width);
  lumaSource_.resize(2 * halfN_);
  for (std::size_t i = 0; i < lumaSource_.size(); ++i) lumaSource_[i] = double(i % 251) / 251.0;
  channelSource_.resize(n_);
  for (std::size_t i = 0; i < n_; ++i) channelSource_[i] = float(i % 239) / 239.0f;
  for (int i = 0; i < 3; ++i) runOnce();  // warm-up
}

void FftwReferenceWork::runOnce() {
  double* lumaIn = &lumaHalf_[0][0];
  std::copy(lumaSource_.begin(), lumaSource_.end(), lumaIn);
  fftw_execute_dft_r2c(luma_, lumaIn, lumaHalf_.get());
  for (int c = 0; c < channels_; ++c) {
    std::copy(channelSource_.begin(), channelSource_.end(), real_.get());
    fftwf_execute_dft_r2c(forward_, real_.get(), spectrum_.get());
    fftwf_execute_dft_c2r(inverse_, spectrum_.get(), real_.get());
  }
}

}  // namespace folk
