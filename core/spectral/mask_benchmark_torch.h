#pragma once
// Timing of the batched LibTorch mask path, for `folk bench masks`. Lives in core so
// the CLI can print the figure without including torch itself.
#include <string>
#include <vector>

#include "core/data/image.h"

namespace folk {

// The device `name` resolves to ("cuda" -> "cuda:0"), checked as batchedMaskMillisecondsPerImage
// checks it, so a command can refuse a bad --device before it starts timing. Throws
// std::invalid_argument like resolveDevice().
std::string resolvedTorchDeviceName(const std::string& name);

// Milliseconds per image of sampleFolkMasks() with the paper's sampling (p_com 0.5, rho from
// {0.005, 0.01, 0.05}, top-k): luma spectrum, Com/RCom masks and filtering of every channel, on
// `device` (a name resolveDevice() accepts: "cpu", "cuda", "cuda:N", "auto"), in batches of
// `batch` images of channels×height×width, averaged over `repeats` timed batches after one untimed
// warm-up batch.
//
// The batch is filled from `photos` when given (image b is photos[b % size], cropped at its
// top-left corner and tiled by wrapping when smaller; channel c reads min(c, C-1), so a grey
// photo feeds all three channels); with no photos it is uniform noise in [0,1) from a fixed seed.
// The time hardly depends on the content: every step (FFTs, selection, thresholds) is data-blind.
// The batch is made on the CPU and copied to the device once, before timing; on a GPU the timed
// loop ends with a device synchronisation, so queued kernels are counted. The per-image choices
// are drawn on the CPU either way (as in training). On the CPU it uses the current torch intra-op
// thread count (see configureComputeThreads).
// Throws std::invalid_argument for non-positive sizes, channels other than 1 or 3, batch < 1,
// repeats < 1, or a device name that is malformed or not present on this machine.
double batchedMaskMillisecondsPerImage(int height, int width, int channels, int batch, int repeats,
                                       const std::vector<Image>& photos = {}, const std::string& device = "cpu");

}  // namespace folk
