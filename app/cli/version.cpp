#include "app/cli/version.h"

#include <fftw3.h>
#include <torch/version.h>

namespace folk::cli {

std::string versionText() {
  // fftw_version reads like "fftw-3.3.10-sse2-avx": the build flags matter for timings.
  return std::string("folk ") + FOLK_VERSION + "\nLibTorch " + TORCH_VERSION + ", FFTW " + fftw_version;
}

}  // namespace folk::cli
