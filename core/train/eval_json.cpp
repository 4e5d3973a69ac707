#include "core/train/eval_json.h"

#include <cstdio>
#include <fstream>

#include "core/util/atomic_file.h"

namespace folk {

namespace {

std::string percentKey(double fraction) {
  char key[32];
  std::snprintf(key, sizeof key, "%g%%", fraction * 100.0);
  return key;
}

}  // namespace

nlohmann::json toJson(const ProbeScores& s) {
  nlohmann::json fewShot = nlohmann::json::object(), fewShotStd = nlohmann::json::object();
  for (std::size_t i = 0; i < s.fewShotFractions.size() && i < s.fewShotTop1.size(); ++i) {
    fewShot[percentKey(s.fewShotFractions[i])] = s.fewShotTop1[i];
    if (i < s.fewShotStd.size()) fewShotStd[percentKey(s.fewShotFractions[i])] = s.fewShotStd[i];
  }
  return {{"knn_top1", s.knnTop1},
          {"linear_top1", s.linearTop1},
          {"linear_probe",
           {{"weight_decay", s.linearWeightDecay},
            {"iterations", s.linearIterations},
            {"converged", s.linearConverged}}},
          {"few_shot_top1", fewShot},
          {"few_shot_std", fewShotStd},
          {"effective_rank", s.effectiveRank},
          {"feature_width", s.featureWidth},
          {"seconds", s.seconds}};
}

nlohmann::json toJson(const EvalProtocolInfo& p) {
  return {{"name", p.name}, {"split", p.split}, {"features", p.features}, {"few_shot_draws", p.fewShotDraws}};
}

nlohmann::json toJson(const EvalReport& r) {
  nlohmann::json j = {{"step", r.step},
                      {"backbone", r.backboneRole},
                      {"protocol", toJson(r.protocol)},
                      {"trained", toJson(r.trained)},
                      {"train_samples", r.trainSamples},
                      {"test_samples", r.testSamples},
                      {"classes", r.numClasses},
                      {"seconds", r.seconds}};
  if (r.hasRandomBaseline) j["random_init"] = toJson(r.randomInit);
  if (r.hasRawBaseline) j["raw_pixels"] = toJson(r.rawPixels);
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
                          {"protocol", report.protocol.name},
                          {"knn_top1", report.trained.knnTop1},
                          {"linear_top1", report.trained.linearTop1},
                          {"effective_rank", report.trained.effectiveRank}};
  // A resumed run may evaluate a step again: keep one entry per step and protocol (the last step
  // of a run can have a fast and a full one, from training and from `folk eval`).
  nlohmann::json kept = nlohmann::json::array();
  for (const auto& h : history) {
    const bool same = h.value("step", std::int64_t{-1}) == report.step &&
                      h.value("protocol", std::string("fast")) == report.protocol.name;
    if (!same) kept.push_back(h);
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
    const double spread = i < s.fewShotStd.size() ? s.fewShotStd[i] : 0.0;
    std::snprintf(text, sizeof text, ", %g %% labels %.1f ± %.1f %%", s.fewShotFractions[i] * 100,
                  s.fewShotTop1[i] * 100, spread * 100);
    out += text;
  }
  std::snprintf(text, sizeof text, ", effective rank %.1f of %d", s.effectiveRank, s.featureWidth);
  return out + text;
}
}  // namespace

std::string evalSummary(const EvalReport& r) {
  std::string out = r.backboneRole + " " + scoresText(r.trained);
  if (r.hasRandomBaseline) out += " | random-init " + scoresText(r.randomInit);
  if (r.hasRawBaseline) out += " | raw pixels " + scoresText(r.rawPixels);
  return out;
}

std::string protocolText(const EvalReport& r) {
  return r.protocol.name + " protocol, " + std::to_string(r.trainSamples) + " train / " +
         std::to_string(r.testSamples) + " " + r.protocol.split + " images";
}

}  // namespace folk
