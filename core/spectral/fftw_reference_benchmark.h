#pragma once
// A yardstick for `folk bench masks`: how long FFTW itself takes for the transforms the three-step
// definition of the pipeline needs (one double-precision real-to-complex transform of the luma,
// then a single-precision forward and inverse transform per channel), measured in the same process
// as the pipeline. This shared 2-core machine runs anywhere between about 1× and 1.7× slower from
// one minute (or process) to the next, so only figures measured side by side compare.
namespace folk {

// Median milliseconds over `repeats` runs, after warm-up runs that also create the plans.
// Throws std::invalid_argument for non-positive sizes, channels other than 1 or 3, or repeats < 1.
double fftwReferenceMilliseconds(int height, int width, int channels, int repeats);

}  // namespace folk
