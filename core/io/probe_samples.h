#pragma once
// The probe image's pictures that a run saves in samples/ every sample_interval_steps (DESIGN.md
// §5, docs/run-folder.md): one PNG per picture and step, e.g. "step-00000200-mask.png". The session
// writes them with these names and the Results workspace reads them back for its step slider.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace folk {

enum class ProbePicture { Unfiltered, Mask, Filtered, Reconstruction };
inline constexpr std::size_t kProbePictureCount = static_cast<std::size_t>(ProbePicture::Reconstruction) + 1;
inline constexpr std::array<ProbePicture, kProbePictureCount> kProbePictures = {
    ProbePicture::Unfiltered, ProbePicture::Mask, ProbePicture::Filtered, ProbePicture::Reconstruction};

// "unfiltered", "mask", "filtered", "reconstruction".
const char* probePictureName(ProbePicture picture);
// "View", "Mask", "Filtered view", "Reconstruction": English, translated by the app in the context
// "ProbePicture" (FOLK_TRANSLATE_NOOP).
const char* probePictureLabel(ProbePicture picture);
// "step-00000200-mask.png" (eight digits at least).
std::string probeSampleFileName(std::int64_t step, ProbePicture picture);
// The step and picture a file name stands for; nullopt for any other name.
std::optional<std::pair<std::int64_t, ProbePicture>> parseProbeSampleFileName(const std::string& name);

// The steps with at least one picture in `samplesDir`, ascending. Lists the folder without opening
// any file; entries that are not regular files (a named pipe of a sample's name) are left out.
// Empty when the folder is missing or cannot be listed.
std::vector<std::int64_t> listProbeSampleSteps(const std::string& samplesDir);

}  // namespace folk
