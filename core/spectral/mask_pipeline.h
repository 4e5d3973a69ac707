#pragma once
// The whole CPU mask pipeline for one image in one call: luma spectrum, mask, filtered channels.
// Same results as computeLumaSpectrum + computeMask + applyMask (masks and spectrum bit for bit,
// filtered images within float rounding), several times faster, because it
//  - ranks the luma spectrum on its real-to-complex half (each stored coefficient stands for itself
//    and its conjugate partner) with a weighted selection (weighted_select.h) on the magnitudes
//    instead of an nth_element over all N keys: keys are monotone in the magnitudes, so only the
//    magnitudes next to the threshold need their exact key;
//  - filters with whichever of the mask and its complement keeps fewer coefficients
//    (x - filter(x, 1 - M) = filter(x, M) by linearity; FOLK's Com masks keep 0.5-5 %);
//  - transforms only the columns of the half spectrum that this sparse side touches: a 2-D FFT is
//    rows then columns, and a column without a kept coefficient contributes nothing;
//  - runs those columns eight at a time through FFTW, interleaved, so they share SIMD lanes;
//  - derives the last channel's spectrum from the luma spectrum it already has
//    (F(B) = (F(y) - 0.299 F(R) - 0.587 F(G)) / 0.114), and a grey image's from the luma spectrum
//    itself, so an RGB image needs two forward channel transforms, not three.
// Buffers are per thread and per size, so concurrent calls from several threads are safe. The soft
// filters weight every coefficient, so they take the plain path of those three functions.
#include "core/data/image.h"
#include "core/spectral/mask.h"
#include "core/spectral/spectral_filter.h"
#include "core/spectral/spectrum.h"

namespace folk {

struct MaskPipelineResult {
  LumaSpectrum spectrum;  // as computeLumaSpectrum(image)
  Mask mask;              // as computeMask(spec, spectrum)
  FilterOutput output;    // as applyMask(image, mask)
};

// Throws std::invalid_argument for an empty image, a channel count other than 1 or 3, or a bad spec.
MaskPipelineResult runMaskPipeline(const Image& image, const MaskSpec& spec);

// The same into `result`, reusing its arrays when the size matches: for streams of images, where
// allocating and zero-filling ~2 MB of outputs per 224×224 image would be a noticeable share of the
// work. On an exception `result` is left in an unspecified but valid state.
void runMaskPipeline(const Image& image, const MaskSpec& spec, MaskPipelineResult& result);

}  // namespace folk
