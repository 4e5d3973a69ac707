#pragma once
// What `folk mask` writes and prints for one analysed image: the five files and the summary
// (a human line or a JSON object).
#include <nlohmann/json.hpp>

#include <string>

#include "core/spectral/color_map.h"
#include "core/spectral/mask_analysis.h"

namespace folk::cli {

struct MaskOutputPaths {
  std::string maskPng;       // <stem>_mask.png: white = kept frequency (grey: a soft mask's gain), centred
  std::string spectrumPng;   // <stem>_spectrum.png: log(1 + |F(y)|), colour-mapped
  std::string filteredPng;   // <stem>_filtered.png
  std::string maskNpy;       // <stem>_mask.npy: uint8 H×W, 1 = kept; float32 gains for a soft mask
  std::string filteredNpy;   // <stem>_filtered.npy: float32 C×H×W in [0,1]
};

MaskOutputPaths maskOutputPaths(const std::string& outDir, const std::string& stem);

// Writes all five files (each atomically). Throws folk::ImageFileError / FileWriteError naming the
// file that could not be written.
void writeMaskOutputs(const MaskAnalysis& analysis, const MaskOutputPaths& paths, ColorMap colorMap);

// "astronaut.png 512x512 rgb  com rho=0.05 top: kept 13108/262144 (5.00%), retained energy 97.31%,
//  PSNR 28.41 dB"; a soft mask counts the coefficients it passes at least half of ("gain >= 0.5 on").
// `maskFile` names the mask when it was given whole (MaskSource::Given).
std::string summaryLine(const std::string& input, const MaskAnalysis& analysis, const std::string& maskFile = {});

// The same numbers as JSON, plus the spec (or "mask_file") and the output paths. PSNR is null when
// infinite.
nlohmann::json summaryJson(const std::string& input, const MaskAnalysis& analysis, const MaskOutputPaths& paths,
                           const std::string& maskFile = {});

}  // namespace folk::cli
