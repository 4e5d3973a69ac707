#pragma once
// Real photographs for benchmarks: FFT timings depend on image content only a little, but masks
// and tie handling do, so benchmarks run on a photo rather than on noise whenever one is found.
#include <cstdint>
#include <optional>
#include <string>

#include "core/data/image.h"

namespace folk::cli {

// Looks for `name` (e.g. "astronaut.png") in, in order: $FOLK_SAMPLE_DIR; "samples" next to the
// running binary or one folder up (the build tree: build/<x>/app/folk -> build/<x>/samples);
// ../share/folk-workbench/samples relative to the binary (an installed tree); python3-skimage's
// data folder, where the sample photos come from. Returns nullopt when none has it.
std::optional<std::string> findSamplePhoto(const std::string& name);

// The centre height×width window of `photo`; where the photo is smaller than that, the window
// extends by mirroring the photo at its borders (no new content is invented).
Image centreCropOrMirror(const Image& photo, int height, int width);

// Uniform noise in [0,1], the same for the same seed: the documented fallback when no photo is found.
Image fixedRandomImage(int channels, int height, int width, std::uint32_t seed);

}  // namespace folk::cli
