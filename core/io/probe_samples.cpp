#include "core/io/probe_samples.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <set>

#include "core/util/translatable.h"

namespace folk {

const char* probePictureName(ProbePicture picture) {
  switch (picture) {
    case ProbePicture::Unfiltered: return "unfiltered";
    case ProbePicture::Mask: return "mask";
    case ProbePicture::Filtered: return "filtered";
    case ProbePicture::Reconstruction: return "reconstruction";
  }
  return "unfiltered";
}

const char* probePictureLabel(ProbePicture picture) {
  switch (picture) {
    case ProbePicture::Unfiltered: return FOLK_TRANSLATE_NOOP("ProbePicture", "View");
    case ProbePicture::Mask: return FOLK_TRANSLATE_NOOP("ProbePicture", "Mask");
    case ProbePicture::Filtered: return FOLK_TRANSLATE_NOOP("ProbePicture", "Filtered view");
    case ProbePicture::Reconstruction: return FOLK_TRANSLATE_NOOP("ProbePicture", "Reconstruction");
  }
  return "";
}

std::string probeSampleFileName(std::int64_t step, ProbePicture picture) {
  char name[96];
  std::snprintf(name, sizeof name, "step-%08lld-%s.png", static_cast<long long>(step), probePictureName(picture));
  return name;
}

std::optional<std::pair<std::int64_t, ProbePicture>> parseProbeSampleFileName(const std::string& name) {
  const std::string prefix = "step-", suffix = ".png";
  if (name.size() <= prefix.size() + suffix.size() || name.compare(0, prefix.size(), prefix) != 0 ||
      name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
    return std::nullopt;
  const std::size_t dash = name.find('-', prefix.size());
  if (dash == std::string::npos) return std::nullopt;
  const std::string digits = name.substr(prefix.size(), dash - prefix.size());
  if (digits.size() < 8 || digits.size() > 18 || !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  const std::string pictureName = name.substr(dash + 1, name.size() - suffix.size() - dash - 1);
  for (ProbePicture picture : kProbePictures)
    if (pictureName == probePictureName(picture)) return std::make_pair(std::stoll(digits), picture);
  return std::nullopt;
}

std::vector<std::int64_t> listProbeSampleSteps(const std::string& samplesDir) {
  namespace fs = std::filesystem;
  std::set<std::int64_t> steps;
  std::error_code error;
  fs::directory_iterator it(samplesDir, error);
  for (; !error && it != fs::directory_iterator(); it.increment(error)) {
    const auto parsed = parseProbeSampleFileName(it->path().filename().string());
    if (!parsed) continue;
    std::error_code typeError;
    // The entry's type (from the listing where the file system gives it, else a stat): no file is opened.
    if (!it->is_regular_file(typeError) || typeError) continue;
    steps.insert(parsed->first);
  }
  return {steps.begin(), steps.end()};
}

}  // namespace folk
