// The study summary: mean ± sample std per row over seeds, baselines one per seed, and the paired
// per-seed difference FOLK - MFM, from eval.json contents.
#include <gtest/gtest.h>

#include <cmath>

#include "core/io/study_summary.h"

namespace folk {
namespace {

nlohmann::json scores(double knn, double linear, double few1, double few10, double rank) {
  return {{"knn_top1", knn},
          {"linear_top1", linear},
          {"few_shot_top1", {{"1%", few1}, {"10%", few10}}},
          {"effective_rank", rank}};
}

nlohmann::json eval(const nlohmann::json& trained, bool baselines) {
  nlohmann::json j = {{"step", 100},
                      {"protocol", {{"name", "full"}, {"split", "test"}}},
                      {"train_samples", 60000},
                      {"test_samples", 10000},
                      {"trained", trained}};
  if (baselines) {
    j["random_init"] = scores(0.5, 0.6, 0.3, 0.4, 10.0);
    j["raw_pixels"] = scores(0.8, 0.85, 0.6, 0.7, 30.0);
  }
  return j;
}

TEST(StudySummary, MeanStdIsTheSampleStatistic) {
  const auto m = meanStd({1.0, 2.0, 3.0, 4.0});
  EXPECT_DOUBLE_EQ(m.mean, 2.5);
  EXPECT_NEAR(m.std, std::sqrt(5.0 / 3.0), 1e-12);
  EXPECT_EQ(m.n, 4);
  EXPECT_DOUBLE_EQ(meanStd({7.0}).std, 0.0);
  EXPECT_EQ(meanStd({}).n, 0);
}

TEST(StudySummary, RowsBaselinesAndPairedDifference) {
  std::vector<StudyRunEval> runs{
      {"folk", 0, eval(scores(0.70, 0.75, 0.50, 0.65, 20.0), true)},
      {"mfm", 0, eval(scores(0.68, 0.76, 0.48, 0.66, 18.0), false)},
      {"folk", 1, eval(scores(0.72, 0.77, 0.52, 0.67, 22.0), true)},
      {"mfm", 1, eval(scores(0.69, 0.74, 0.50, 0.64, 19.0), false)},
      {"dino", 0, nlohmann::json()},  // not evaluated yet
  };
  const auto s = summarizeStudy({"folk", "mfm", "dino"}, runs);
  ASSERT_EQ(s.metrics, (std::vector<std::string>{"k-NN", "linear", "1% labels", "10% labels", "effective rank"}));
  ASSERT_EQ(s.rows.size(), 5u);  // folk, mfm, dino, random-init, raw pixels
  EXPECT_EQ(s.rows[0].label, "folk");
  EXPECT_NEAR(s.rows[0].values[0].mean, 71.0, 1e-9);
  EXPECT_NEAR(s.rows[0].values[0].std, std::sqrt(2.0), 1e-9);
  EXPECT_EQ(s.rows[2].values[0].n, 0);
  EXPECT_EQ(s.rows[3].label, "random-init");
  EXPECT_EQ(s.rows[3].values[0].n, 2);  // one per seed
  EXPECT_NEAR(s.rows[4].values[4].mean, 30.0, 1e-12);
  ASSERT_TRUE(s.folkMinusMfm);
  // k-NN differences 2 and 3 points; linear -1 and +3.
  EXPECT_NEAR(s.folkMinusMfm->values[0].mean, 2.5, 1e-9);
  EXPECT_NEAR(s.folkMinusMfm->values[0].std, std::sqrt(0.5), 1e-9);
  EXPECT_NEAR(s.folkMinusMfm->values[1].mean, 1.0, 1e-9);
  EXPECT_EQ(s.protocol, "full, test split, 60000 / 10000 images");
  const auto md = studySummaryMarkdown(s);
  EXPECT_NE(md.find("| folk | 71.0 ± 1.4 | 76.0 ± 1.4 | 51.0 ± 1.4 | 66.0 ± 1.4 | 21.0 ± 1.4 | 2 |"), std::string::npos)
      << md;
  EXPECT_NE(md.find("| dino | – | – | – | – | – | 0 |"), std::string::npos) << md;
  const auto csv = studySummaryCsv(s);
  EXPECT_NE(csv.find("folk,71.0000,1.4142,2,"), std::string::npos) << csv;
  EXPECT_EQ(studySummaryJson(s)["folk_minus_mfm"]["values"]["k-NN"]["n"], 2);
}

TEST(StudySummary, MixedProtocolsAreFlagged) {
  auto fast = eval(scores(0.7, 0.7, 0.5, 0.6, 20.0), false);
  fast["protocol"]["name"] = "fast";
  const auto s = summarizeStudy({"folk"}, {{"folk", 0, eval(scores(0.7, 0.7, 0.5, 0.6, 20.0), false)}, {"folk", 1, fast}});
  EXPECT_NE(s.protocol.find("MIXED"), std::string::npos) << s.protocol;
  EXPECT_FALSE(s.folkMinusMfm);
}

}  // namespace
}  // namespace folk
