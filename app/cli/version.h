#pragma once
// The text `folk --version` prints: the folk version and the versions of the libraries that
// compute its numbers (useful in bug reports and next to benchmark figures).
#include <string>

namespace folk::cli {

// "folk 0.1.0" on the first line, then "LibTorch ..., FFTW ..." on the second.
std::string versionText();

}  // namespace folk::cli
