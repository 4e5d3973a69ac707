#include "core/io/run_groups.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>

#include "core/io/settings_registry.h"

namespace fs = std::filesystem;

namespace folk {

namespace {

// A folder path without trailing separators, so a run's parent compares equal to its study.
std::string folderKey(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

// The study summary's input for a run: its evaluation counts once the run has finished (until
// then eval.json holds a point of its live curve), as `folk study` summarises.
StudyRunEval studyRunEval(const RunSummary& run, const std::string& label, int seed) {
  return {label, seed, run.status == "finished" ? evaluationJson(run) : nlohmann::json()};
}

// Where a metric name of the study summary goes among the columns: k-NN, linear, the few-shot
// fractions in increasing order, the effective rank.
std::pair<int, double> metricOrder(const std::string& name) {
  if (name == "k-NN") return {0, 0.0};
  if (name == "linear") return {1, 0.0};
  if (name == "effective rank") return {3, 0.0};
  return {2, std::atof(name.c_str())};
}

// Adds `summary`'s metric names to `metrics`, kept in metricOrder.
void addMetrics(std::vector<std::string>& metrics, const StudySummary& summary) {
  for (const auto& m : summary.metrics) {
    if (std::find(metrics.begin(), metrics.end(), m) == metrics.end()) metrics.push_back(m);
  }
  std::sort(metrics.begin(), metrics.end(),
            [](const std::string& a, const std::string& b) { return metricOrder(a) < metricOrder(b); });
}

// The row's values in the order of `metrics` (a metric the summary lacks: n = 0).
std::vector<MeanStd> valuesIn(const std::vector<std::string>& metrics, const StudySummary& summary, const StudyRow& row) {
  std::vector<MeanStd> values(metrics.size());
  for (std::size_t m = 0; m < summary.metrics.size() && m < row.values.size(); ++m) {
    const auto at = std::find(metrics.begin(), metrics.end(), summary.metrics[m]);
    if (at != metrics.end()) values[std::size_t(at - metrics.begin())] = row.values[m];
  }
  return values;
}

// The groups gathered with the summaries their rows come from; their values are placed once the
// metrics of every summary are known.
struct Pending {
  RunGroup group;
  const StudySummary* summary = nullptr;
  const StudyRow* row = nullptr;
};

RunGroups finish(std::vector<Pending>& pending, const std::vector<StudySummary>& summaries) {
  RunGroups out;
  for (const auto& s : summaries) addMetrics(out.metrics, s);
  for (auto& p : pending) {
    p.group.values = valuesIn(out.metrics, *p.summary, *p.row);
    p.group.protocol = p.summary->protocol;
    out.groups.push_back(std::move(p.group));
  }
  return out;
}

bool isNumber(const std::string& text) {
  if (text.empty()) return false;
  char* end = nullptr;
  std::strtod(text.c_str(), &end);
  return end == text.c_str() + text.size();
}

}  // namespace

const StudyFolder* studyOfRun(const std::string& runPath, const std::vector<StudyFolder>& studies) {
  const std::string parent = folderKey(fs::path(runPath).parent_path().string());
  for (const auto& study : studies) {
    if (folderKey(study.path) == parent) return &study;
  }
  return nullptr;
}

std::string studyName(const StudyFolder& study) {
  return study.plan.name.empty() ? fs::path(folderKey(study.path)).filename().string() : study.plan.name;
}

RunGroups groupStudyRuns(const std::vector<RunSummary>& runs, const std::vector<StudyFolder>& studies) {
  std::vector<StudySummary> summaries;
  summaries.reserve(studies.size());  // the pending groups point into it
  std::vector<Pending> pending;
  std::vector<const StudyFolder*> studyOfEach;
  for (const auto& run : runs) studyOfEach.push_back(studyOfRun(run.path, studies));
  for (const auto& study : studies) {
    std::vector<const RunSummary*> members;  // newest first, as listed
    for (std::size_t i = 0; i < runs.size(); ++i) {
      if (studyOfEach[i] == &study) members.push_back(&runs[i]);
    }
    std::vector<std::string> objectives = study.plan.objectives;
    for (const auto* run : members) {
      if (!run->objective.empty() && std::find(objectives.begin(), objectives.end(), run->objective) == objectives.end())
        objectives.push_back(run->objective);
    }
    if (objectives.empty()) continue;  // neither a readable plan nor a readable run
    // Oldest first: of two runs with the same objective and seed the newer counts, as findStudyRun
    // picks it.
    std::vector<StudyRunEval> evals;
    for (auto it = members.rbegin(); it != members.rend(); ++it) {
      evals.push_back(studyRunEval(**it, (*it)->objective, int((*it)->seed)));
    }
    summaries.push_back(summarizeStudy(objectives, evals));
    const StudySummary& summary = summaries.back();
    RunGroup base;
    base.study = study.path;
    base.studyName = studyName(study);
    auto add = [&](RunGroup::Kind kind, const StudyRow& row, std::vector<std::string> memberRuns) {
      RunGroup g = base;
      g.kind = kind;
      g.label = row.label;
      g.id = study.path + "|" + row.label;
      g.runs = std::move(memberRuns);
      pending.push_back({std::move(g), &summary, &row});
    };
    for (std::size_t i = 0; i < objectives.size() && i < summary.rows.size(); ++i) {
      std::vector<std::string> paths;
      for (const auto* run : members)
        if (run->objective == objectives[i]) paths.push_back(run->path);
      add(RunGroup::Kind::Objective, summary.rows[i], std::move(paths));
    }
    // The baseline rows follow the objectives' (summarizeStudy); shown where a run measured them.
    for (std::size_t i = objectives.size(); i < summary.rows.size(); ++i) {
      const bool randomInit = summary.rows[i].label == "random-init";
      std::vector<std::string> paths;
      for (const auto* run : members)
        if (randomInit ? run->randomInit.has_value() : run->rawPixels.has_value()) paths.push_back(run->path);
      if (!paths.empty()) add(RunGroup::Kind::Baseline, summary.rows[i], std::move(paths));
    }
    if (summary.folkMinusMfm) add(RunGroup::Kind::Difference, *summary.folkMinusMfm, {});
  }
  return finish(pending, summaries);
}

RunGroups groupRunsBySetting(const std::vector<RunSummary>& runs, const std::string& key) {
  const Setting* setting = findSetting(key);
  if (!setting) return {};
  const auto index = std::size_t(setting - settingsRegistry().data());  // RunSummary::settings' order
  std::map<std::string, std::vector<const RunSummary*>> byValue;
  for (const auto& run : runs) {
    if (index < run.settings.size()) byValue[run.settings[index]].push_back(&run);
  }
  std::vector<std::string> values;
  bool numbers = true;
  for (const auto& entry : byValue) {
    values.push_back(entry.first);
    numbers = numbers && isNumber(entry.first);
  }
  if (numbers) {
    std::sort(values.begin(), values.end(),
              [](const std::string& a, const std::string& b) { return std::strtod(a.c_str(), nullptr) < std::strtod(b.c_str(), nullptr); });
  }
  // One summary per value, each run its own "seed": runs of a group are not paired, and two runs
  // with the same seed are two runs.
  std::vector<StudySummary> summaries;
  summaries.reserve(values.size());
  std::vector<Pending> pending;
  for (const auto& value : values) {
    const auto& members = byValue[value];
    std::vector<StudyRunEval> evals;
    RunGroup g;
    g.kind = RunGroup::Kind::Setting;
    g.label = value;
    g.id = key + "=" + value;
    for (const auto* run : members) {
      evals.push_back(studyRunEval(*run, value, int(evals.size())));
      g.runs.push_back(run->path);
    }
    summaries.push_back(summarizeStudy({value}, evals));
    pending.push_back({std::move(g), &summaries.back(), &summaries.back().rows.front()});
  }
  return finish(pending, summaries);
}

CurveBand curveBand(const std::vector<StepCurve>& curves) {
  std::vector<double> steps;
  for (const auto& c : curves)
    for (const auto& point : c) steps.push_back(point.first);
  std::sort(steps.begin(), steps.end());
  steps.erase(std::unique(steps.begin(), steps.end()), steps.end());
  CurveBand band;
  std::vector<std::size_t> next(curves.size(), 0);  // each curve's first point not yet passed
  std::vector<double> values;
  for (const double step : steps) {
    values.clear();
    for (std::size_t c = 0; c < curves.size(); ++c) {
      const auto& curve = curves[c];
      while (next[c] < curve.size() && curve[next[c]].first < step) ++next[c];
      if (next[c] < curve.size() && curve[next[c]].first == step && !std::isnan(curve[next[c]].second))
        values.push_back(curve[next[c]].second);
    }
    if (values.empty()) continue;
    const auto [lowest, highest] = std::minmax_element(values.begin(), values.end());
    band.steps.push_back(step);
    band.mean.push_back(meanStd(values).mean);
    band.lower.push_back(*lowest);
    band.upper.push_back(*highest);
  }
  return band;
}

}  // namespace folk
