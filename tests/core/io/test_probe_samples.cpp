// Probe sample file names: written and parsed back, other names refused, and the listing of a
// samples folder (steps ascending, a named pipe of a sample's name and foreign files left out).
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "core/io/probe_samples.h"

namespace fs = std::filesystem;

namespace {

TEST(ProbeSamples, FileNamesRoundTripAndOtherNamesAreRefused) {
  EXPECT_EQ(folk::probeSampleFileName(200, folk::ProbePicture::Mask), "step-00000200-mask.png");
  EXPECT_EQ(folk::probeSampleFileName(123456789, folk::ProbePicture::Reconstruction), "step-123456789-reconstruction.png");
  for (folk::ProbePicture picture : folk::kProbePictures) {
    for (std::int64_t step : {std::int64_t(0), std::int64_t(50), std::int64_t(123456789)}) {
      const auto parsed = folk::parseProbeSampleFileName(folk::probeSampleFileName(step, picture));
      ASSERT_TRUE(parsed.has_value());
      EXPECT_EQ(parsed->first, step);
      EXPECT_EQ(parsed->second, picture);
    }
    EXPECT_STRNE(folk::probePictureLabel(picture), "");
  }
  for (const char* name : {"step-00000200-mask.jpg", "step-200-mask.png", "step-0000020x-mask.png", "step-00000200-noise.png",
                           "step-00000200.pt", "latest.json", "step--mask.png", "step-00000200-.png", ""})
    EXPECT_FALSE(folk::parseProbeSampleFileName(name).has_value()) << name;
}

TEST(ProbeSamples, ListingGivesTheSavedStepsAscendingAndSkipsWhatIsNotASample) {
  const fs::path dir = fs::temp_directory_path() / ("folk-probe-samples-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  EXPECT_TRUE(folk::listProbeSampleSteps(dir.string()).empty());  // missing folder
  fs::create_directories(dir);
  auto touch = [&](const std::string& name) { std::ofstream(dir / name) << "png"; };
  touch(folk::probeSampleFileName(100, folk::ProbePicture::Unfiltered));
  touch(folk::probeSampleFileName(100, folk::ProbePicture::Mask));
  touch(folk::probeSampleFileName(0, folk::ProbePicture::Filtered));
  touch(folk::probeSampleFileName(1000, folk::ProbePicture::Reconstruction));
  touch("notes.txt");
  fs::create_directories(dir / folk::probeSampleFileName(5, folk::ProbePicture::Mask));  // a folder, not a sample
  ASSERT_EQ(::mkfifo((dir / folk::probeSampleFileName(7, folk::ProbePicture::Mask)).c_str(), 0600), 0);
  EXPECT_EQ(folk::listProbeSampleSteps(dir.string()), (std::vector<std::int64_t>{0, 100, 1000}));
  fs::remove_all(dir);
}

}  // namespace
