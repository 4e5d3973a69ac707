#pragma once
// A yardstick for `folk bench masks`: the transforms the three-step definition of the pipeline
// needs, run by FFTW alone (one double-precision real-to-complex transform of the luma, then a
// single-precision forward and inverse transform per channel), timed in the same process as the
// pipeline and interleaved with it run by run. This shared 2-core machine runs anywhere between
// about 1× and 1.7× slower from one minute (or process) to the next, so only figures measured side
// by side compare.
#include <fftw3.h>

#include <vector>

#include "core/spectral/fftw_buffer.h"

namespace folk {

class FftwReferenceWork {
 public:
  // Plans (cached per size) and buffers for one image size. Throws std::invalid_argument for
  // non-positive sizes or channels other than 1 or 3.
  FftwReferenceWork(int height, int width, int channels);
  // One image's worth of transforms, on fresh copies of fixed inputs (the plans destroy their inputs;
  // the copies are a small part of the time).
  void runOnce();

 private:
  int channels_;
  std::size_t n_, halfN_;
  fftw::Buffer<fftw_complex> lumaHalf_;
  fftw::Buffer<float> real_;
  fftw::Buffer<fftwf_complex> spectrum_;
  fftw_plan luma_;
  fftwf_plan forward_, inverse_;
  std::vector<double> lumaSource_;
  std::vector<float> channelSource_;
};

}  // namespace folk
