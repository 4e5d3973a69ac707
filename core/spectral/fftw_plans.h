#pragma once
// Cached FFTW plans, one per (kind, height, width). FFTW's planner is not thread-safe, so plan
// creation is serialised here; executing a plan on new arrays (fftw_execute_dft_r2c & co.) is
// thread-safe, which lets several threads filter images of the same size at once.
#include <fftw3.h>

namespace folk::fftw {

// Plans are created with FFTW_ESTIMATE | FFTW_UNALIGNED semantics on arrays of the right size;
// callers pass their own arrays to the new-array execute functions.
fftw_plan forwardDouble(int height, int width);     // real H×W -> complex H×(W/2+1)
fftwf_plan forwardFloat(int height, int width);     // real H×W -> complex H×(W/2+1)
fftwf_plan inverseFloat(int height, int width);     // complex H×(W/2+1) -> real H×W (unnormalised)

}  // namespace folk::fftw
