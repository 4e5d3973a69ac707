#pragma once
// Timing of the batched LibTorch mask path, for `folk bench masks` (issue 2, §5). Lives in core so
// the CLI can print the figure without including torch itself.
#include <vector>

#include "core/data/image.h"

namespace folk {

// Milliseconds per image of sampleFolkMasks() with the paper's sampling (p_com 0.5, rho from
// {0.005, 0.01, 0.05}, top-k): luma spectrum, Com/RCom masks and filtering of every channel, on
// the CPU, in batches of `batch` images of channels×height×width, averaged over `repeats` timed
// batches after one untimed warm-up batch.
//
// The batch is filled from `photos` when given (image b is photos[b % size], cropped at its
// top-left corner and tiled by wrapping when smaller; channel c reads min(c, C-1), so a grey
// photo feeds all three channels); with no photos it is uniform noise in [0,1) from a fixed seed.
// The time hardly depends on the content: every step (FFTs, selection, thresholds) is data-blind.
// Uses the current torch intra-op thread count (see configureComputeThreads).
// Throws std::invalid_argument for non-positive sizes, channels other than 1 or 3, batch < 1 or
// repeats < 1.
double batchedMaskMillisecondsPerImage(int height, int width, int channels, int batch, int repeats,
                                       const std::vector<Image>& photos = {});

}  // namespace folk
