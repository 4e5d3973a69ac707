#include "core/train/eval_json.h"

#include <cstdio>
#include <fstream>

#include "core/util/atomic_file.h"

namespace folk {

nlohmann::json toJson(const ProbeScores& s) {
  nlohmann::json fewShot = nlohmann::json::object();
  for (std::size_t i = 0; i < s.fewShotFractions.size() && i < s.fewShotTop1.size(); ++i) {
    char key[32];
    std::snprintf(key, sizeof key, "%g%%", s.fewShotFractions[i] * 100.0);
    fewShot[key] = s.fewShotTop1[i];
  }
  return {{"knn_top1", s.knnTop1}, {"linear_top1", s.linearTop1}, {"few_shot_top1", fewShot}};
}

nlohmann::json toJson(const EvalReport& r) {
  nlohmann::json j = {{"step", r.step},
                      {"backbone", r.backboneRole},
                      {"trained", toJson(r.trained)},
                      {"train_samples", r.trainSamples},
                      {"test_samples", r.testSamples},
                      {"classes", r.numClasses},
                      {"seconds", r.seconds}};
  if (r.hasRandomBaseline) j["random_init"] = toJson(r.randomInit);
  return j;
}

void writeEvalJson(const std::string& path, const EvalReport& report) {
  nlohmann::json history = nlohmann::json::array();
  std::ifstream in(path);
  if (in) {
    try {
      const auto old = nlohmann::json::parse(in);
      if (old.contains("history") && old["history"].is_array()) history = old["history"];
    } catch (const nlohmann::json::exception&) {
      // A damaged eval.json only loses its history; the new result is still written.
    }
  }
  nlohmann::json entry = {{"step", report.step},
                          {"knn_top1", report.trained.knnTop1},
                          {"linear_top1", report.trained.linearTop1}};
  // A resumed run may evaluate a step again: keep one entry per step.
  nlohmann::json kept = nlohmann::json::array();
  for (const auto& h : history) {
    if (h.value("step", std::int64_t{-1}) != report.step) kept.push_back(h);
  }
  kept.push_back(entry);
  auto j = toJson(report);
  j["history"] = kept;
  writeFileAtomically(path, j.dump(2) + "\n");
}

namespace {
std::string scoresText(const ProbeScores& s) {
  char text[160];
  std::snprintf(text, sizeof text, "k-NN %.1f %%, linear %.1f %%", s.knnTop1 * 100, s.linearTop1 * 100);
  std::string out = text;
  for (std::size_t i = 0; i < s.fewShotTop1.size(); ++i) {
    std::snprintf(text, sizeof text, ", %g %% labels %.1f %%", s.fewShotFractions[i] * 100, s.fewShotTop1[i] * 100);
    out += text;
  }
  return out;
}
}  // namespace

std::string evalSummary(const EvalReport& r) {
  std::string out = r.backboneRole + " " + scoresText(r.trained);
  if (r.hasRandomBaseline) out += " | random-init " + scoresText(r.randomInit);
  return out;
}

}  // namespace folk
