#include "core/io/study_summary.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>

namespace folk {

using nlohmann::json;

MeanStd meanStd(const std::vector<double>& values) {
  MeanStd m;
  m.n = int(values.size());
  if (values.empty()) return m;
  for (double v : values) m.mean += v / double(values.size());
  if (values.size() > 1) {
    double squares = 0.0;
    for (double v : values) squares += (v - m.mean) * (v - m.mean);
    m.std = std::sqrt(squares / double(values.size() - 1));
  }
  return m;
}

namespace {

// The few-shot keys of eval.json ("1%", "10%") in increasing fraction.
std::vector<std::string> fewShotKeys(const std::vector<StudyRunEval>& runs) {
  std::set<std::pair<double, std::string>> keys;
  for (const auto& r : runs) {
    if (!r.eval.is_object() || !r.eval.contains("trained")) continue;
    const auto& few = r.eval["trained"].value("few_shot_top1", json::object());
    for (auto it = few.begin(); it != few.end(); ++it) keys.insert({std::atof(it.key().c_str()), it.key()});
  }
  std::vector<std::string> out;
  for (const auto& k : keys) out.push_back(k.second);
  return out;
}

// The metric values of one scores object of eval.json: accuracies in percent, then the rank.
// NaN where the object lacks one.
std::vector<double> metricValues(const json& scores, const std::vector<std::string>& fewKeys) {
  const double nan = std::nan("");
  auto number = [&](const json& j, const std::string& key) {
    return j.is_object() && j.contains(key) && j[key].is_number() ? j[key].get<double>() : nan;
  };
  std::vector<double> v{100.0 * number(scores, "knn_top1"), 100.0 * number(scores, "linear_top1")};
  const json few = scores.is_object() ? scores.value("few_shot_top1", json::object()) : json::object();
  for (const auto& k : fewKeys) v.push_back(100.0 * number(few, k));
  v.push_back(number(scores, "effective_rank"));
  return v;
}

StudyRow rowOf(const std::string& label, const std::vector<std::vector<double>>& perSeed, std::size_t metrics) {
  StudyRow row;
  row.label = label;
  for (std::size_t m = 0; m < metrics; ++m) {
    std::vector<double> values;
    for (const auto& v : perSeed) {
      if (m < v.size() && !std::isnan(v[m])) values.push_back(v[m]);
    }
    row.values.push_back(meanStd(values));
  }
  return row;
}

std::string protocolOf(const std::vector<StudyRunEval>& runs) {
  std::set<std::string> seen;
  for (const auto& r : runs) {
    if (!r.eval.is_object() || !r.eval.contains("trained")) continue;
    const auto p = r.eval.value("protocol", json::object());
    seen.insert(p.value("name", std::string("fast")) + ", " + p.value("split", std::string("test")) + " split, " +
                std::to_string(r.eval.value("train_samples", 0)) + " / " +
                std::to_string(r.eval.value("test_samples", 0)) + " images");
  }
  std::string out;
  for (const auto& s : seen) out += (out.empty() ? "" : "; ") + s;
  return out.empty() ? "no evaluation yet" : out + (seen.size() > 1 ? " (MIXED: not comparable)" : "");
}

std::string cell(const MeanStd& m, int decimals) {
  if (m.n == 0) return "–";
  char text[64];
  std::snprintf(text, sizeof text, "%.*f ± %.*f", decimals, m.mean, decimals, m.std);
  return text;
}

}  // namespace

StudySummary summarizeStudy(const std::vector<std::string>& objectives, const std::vector<StudyRunEval>& runs) {
  StudySummary s;
  const auto fewKeys = fewShotKeys(runs);
  s.metrics = {"k-NN", "linear"};
  for (const auto& k : fewKeys) s.metrics.push_back(k + " labels");
  s.metrics.push_back("effective rank");
  s.protocol = protocolOf(runs);

  std::map<std::string, std::map<int, std::vector<double>>> trained;  // objective -> seed -> metrics
  std::map<int, std::vector<double>> randomInit, rawPixels;           // seed -> metrics (first run that has it)
  for (const auto& r : runs) {
    if (!r.eval.is_object() || !r.eval.contains("trained")) continue;
    trained[r.objective][r.seed] = metricValues(r.eval["trained"], fewKeys);
    if (r.eval.contains("random_init") && !randomInit.count(r.seed)) {
      randomInit[r.seed] = metricValues(r.eval["random_init"], fewKeys);
    }
    if (r.eval.contains("raw_pixels") && !rawPixels.count(r.seed)) {
      rawPixels[r.seed] = metricValues(r.eval["raw_pixels"], fewKeys);
    }
  }
  auto values = [](const std::map<int, std::vector<double>>& bySeed) {
    std::vector<std::vector<double>> out;
    for (const auto& [seed, v] : bySeed) out.push_back(v);
    return out;
  };
  for (const auto& objective : objectives) s.rows.push_back(rowOf(objective, values(trained[objective]), s.metrics.size()));
  s.rows.push_back(rowOf("random-init", values(randomInit), s.metrics.size()));
  s.rows.push_back(rowOf("raw pixels", values(rawPixels), s.metrics.size()));

  if (std::count(objectives.begin(), objectives.end(), "folk") && std::count(objectives.begin(), objectives.end(), "mfm")) {
    std::vector<std::vector<double>> differences;
    for (const auto& [seed, folkScores] : trained["folk"]) {
      const auto mfm = trained["mfm"].find(seed);
      if (mfm == trained["mfm"].end()) continue;
      std::vector<double> d;
      for (std::size_t m = 0; m < folkScores.size() && m < mfm->second.size(); ++m) {
        d.push_back(folkScores[m] - mfm->second[m]);
      }
      differences.push_back(d);
    }
    s.folkMinusMfm = rowOf("folk - mfm (paired per seed)", differences, s.metrics.size());
  }
  return s;
}

json studySummaryJson(const StudySummary& s) {
  auto rowJson = [&](const StudyRow& row) {
    json values = json::object();
    for (std::size_t m = 0; m < s.metrics.size() && m < row.values.size(); ++m) {
      values[s.metrics[m]] = {{"mean", row.values[m].mean}, {"std", row.values[m].std}, {"n", row.values[m].n}};
    }
    return json{{"label", row.label}, {"values", values}};
  };
  json rows = json::array();
  for (const auto& row : s.rows) rows.push_back(rowJson(row));
  json j = {{"protocol", s.protocol},
            {"metrics", s.metrics},
            {"units", "accuracies in percent (top-1), effective rank in dimensions; mean ± sample std over seeds"},
            {"rows", rows}};
  if (s.folkMinusMfm) j["folk_minus_mfm"] = rowJson(*s.folkMinusMfm);
  return j;
}

std::string studySummaryCsv(const StudySummary& s) {
  std::string out = "row";
  for (const auto& m : s.metrics) out += "," + m + " mean," + m + " std," + m + " n";
  out += "\n";
  auto line = [&](const StudyRow& row) {
    out += row.label;
    for (const auto& v : row.values) {
      char text[96];
      std::snprintf(text, sizeof text, ",%.4f,%.4f,%d", v.mean, v.std, v.n);
      out += v.n ? text : ",,,0";
    }
    out += "\n";
  };
  for (const auto& row : s.rows) line(row);
  if (s.folkMinusMfm) line(*s.folkMinusMfm);
  return out;
}

std::string studySummaryMarkdown(const StudySummary& s) {
  int seeds = 0;
  for (const auto& row : s.rows)
    for (const auto& v : row.values) seeds = std::max(seeds, v.n);
  std::string out = "Protocol: " + s.protocol + ". Mean ± std over " + std::to_string(seeds) +
                    " seeds (top-1 %, effective rank in dimensions).\n\n| row |";
  for (const auto& m : s.metrics) out += " " + m + " |";
  out += " seeds |\n|---|";
  for (std::size_t i = 0; i < s.metrics.size(); ++i) out += "---|";
  out += "---|\n";
  auto line = [&](const StudyRow& row) {
    out += "| " + row.label + " |";
    int n = 0;
    for (std::size_t m = 0; m < row.values.size(); ++m) {
      out += " " + cell(row.values[m], 1) + " |";
      n = std::max(n, row.values[m].n);
    }
    out += " " + std::to_string(n) + " |\n";
  };
  for (const auto& row : s.rows) line(row);
  if (s.folkMinusMfm) line(*s.folkMinusMfm);
  return out;
}

}  // namespace folk
