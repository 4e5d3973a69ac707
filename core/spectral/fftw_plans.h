#pragma once
// Cached FFTW plans, one per (kind, height, width). FFTW's planner is not thread-safe, so plan
// creation is serialised here; executing a plan on new arrays (fftw_execute_dft_r2c & co.) is
// thread-safe, which lets several threads filter images of the same size at once.
#include <fftw3.h>

namespace folk::fftw {

// Plans are made on fftw_malloc'ed arrays (measured up to 512×512 pixels, estimated above); callers
// pass their own fftw_malloc'ed (so equally aligned) arrays to the new-array execute functions.
// Measured plans are remembered between runs (fftw_wisdom.h).
// Real H×W -> complex H×(W/2+1) in place: real rows padded to 2(W/2+1) doubles become the
// complex rows in the same array.
fftw_plan forwardDoubleInPlace(int height, int width);
fftwf_plan forwardFloat(int height, int width);     // real H×W -> complex H×(W/2+1)
fftwf_plan inverseFloat(int height, int width);     // complex H×(W/2+1) -> real H×W (unnormalised)

// The two halves of a 2-D transform, for the pruned pipeline (mask_pipeline.cpp), which transforms
// only the columns a mask touches: every row of a real H×W array to H×(W/2+1) and back, and
// `count` complex columns of length `length` stored interleaved (element r of column j at
// r·count + j), in place, so that FFTW can run several columns at once in SIMD lanes.
fftwf_plan rowsForwardFloat(int height, int width);  // real H×W -> complex H×(W/2+1), row by row; input kept
fftwf_plan rowsInverseFloat(int height, int width);  // complex H×(W/2+1) -> real H×W, row by row
fftwf_plan columnsFloat(int length, int count, int sign);

}  // namespace folk::fftw
