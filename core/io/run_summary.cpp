#include "core/io/run_summary.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/io/metrics_log.h"
#include "core/io/run_directory.h"
#include "core/io/train_config.h"
#include "core/util/atomic_file.h"

namespace folk {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::optional<json> readJson(const fs::path& path, std::string* error) {
  std::ifstream in(path);
  if (!in) return std::nullopt;
  try {
    return json::parse(in);
  } catch (const json::exception& e) {
    if (error) *error = path.filename().string() + " is not valid JSON: " + e.what();
    return std::nullopt;
  }
}

RunScores scoresFrom(const json& j) {
  RunScores s;
  s.knnTop1 = j.value("knn_top1", 0.0);
  s.linearTop1 = j.value("linear_top1", 0.0);
  if (j.contains("few_shot_top1") && j["few_shot_top1"].is_object()) {
    for (auto it = j["few_shot_top1"].begin(); it != j["few_shot_top1"].end(); ++it) {
      // keys are "1%", "10%"
      s.fewShotFractions.push_back(std::atof(it.key().c_str()) / 100.0);
      s.fewShotTop1.push_back(it->get<double>());
    }
  }
  return s;
}

// "20261127T031205Z-name" -> "2026-11-27 03:12:05 UTC"
std::string createdFromFolder(const std::string& folder) {
  if (folder.size() < 16 || folder[8] != 'T' || folder[15] != 'Z') return {};
  return folder.substr(0, 4) + "-" + folder.substr(4, 2) + "-" + folder.substr(6, 2) + " " + folder.substr(9, 2) +
         ":" + folder.substr(11, 2) + ":" + folder.substr(13, 2) + " UTC";
}

double ageSeconds(const fs::path& path) {
  std::error_code ec;
  const auto written = fs::last_write_time(path, ec);
  if (ec) return 0.0;
  return std::chrono::duration<double>(fs::file_time_type::clock::now() - written).count();
}

// The step of the last complete line of metrics.jsonl, reading only the file's tail: the Results
// workspace re-reads every run every few seconds, and long runs have 10^5-10^6 lines. A cut last
// line (a writer killed mid-line) is skipped. 0 when there is no complete line.
std::int64_t lastLoggedStep(const fs::path& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return 0;
  const std::streamoff size = in.tellg();
  const std::streamoff tail = std::min<std::streamoff>(size, 64 * 1024);
  std::string text(static_cast<size_t>(tail), '\0');
  in.seekg(size - tail);
  in.read(text.data(), tail);
  std::vector<std::string> lines;
  size_t from = 0;
  for (size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', from)) {
    lines.push_back(text.substr(from, nl - from));  // complete lines only: a cut last line has no '\n'
    from = nl + 1;
  }
  // When the tail starts inside the file, its first line is only the end of a line.
  const size_t first = tail < size && !lines.empty() ? 1 : 0;
  for (size_t i = lines.size(); i > first; --i) {
    try {
      const auto row = json::parse(lines[i - 1]);
      if (row.contains("step")) return row["step"].get<std::int64_t>();
    } catch (const json::exception&) {
      // a damaged line: look at the one before
    }
  }
  return 0;
}

std::string percent(double x) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", x * 100.0);
  return text;
}

std::string fewShotCell(const RunScores& s, double fraction) {
  for (size_t i = 0; i < s.fewShotFractions.size(); ++i) {
    if (std::abs(s.fewShotFractions[i] - fraction) < 1e-9) return percent(s.fewShotTop1[i]);
  }
  return {};
}

std::vector<double> fewShotColumns(const std::vector<RunSummary>& runs) {
  std::vector<double> fractions;
  for (const auto& r : runs) {
    for (double f : r.final.fewShotFractions) {
      if (std::none_of(fractions.begin(), fractions.end(), [&](double g) { return std::abs(f - g) < 1e-9; }))
        fractions.push_back(f);
    }
  }
  std::sort(fractions.begin(), fractions.end());
  return fractions;
}

std::vector<std::vector<std::string>> tableRows(const std::vector<RunSummary>& runs, std::vector<std::string>& header) {
  const auto fractions = fewShotColumns(runs);
  header = {"run", "objective", "model", "steps", "k-NN %", "best k-NN %", "linear %"};
  char name[64];
  for (double f : fractions) {
    std::snprintf(name, sizeof name, "%g %% labels %%", f * 100.0);
    header.push_back(name);
  }
  header.insert(header.end(), {"random-init k-NN %", "random-init linear %"});
  for (double f : fractions) {
    std::snprintf(name, sizeof name, "random-init %g %% labels %%", f * 100.0);
    header.push_back(name);
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& r : runs) {
    if (!r.hasEval) continue;
    std::vector<std::string> row{r.folder, r.objective, r.model, std::to_string(r.evalStep), percent(r.final.knnTop1),
                                 percent(r.bestKnnTop1), percent(r.final.linearTop1)};
    for (double f : fractions) row.push_back(fewShotCell(r.final, f));
    if (r.randomInit) {
      row.push_back(percent(r.randomInit->knnTop1));
      row.push_back(percent(r.randomInit->linearTop1));
      for (double f : fractions) row.push_back(fewShotCell(*r.randomInit, f));
    } else {
      row.insert(row.end(), 2 + fractions.size(), std::string());
    }
    rows.push_back(row);
  }
  return rows;
}

std::string csvCell(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

bool isRunFolder(const std::string& path) {
  std::error_code ec;
  return fs::is_regular_file(fs::path(path) / "config.json", ec);
}

RunSummary summarizeRun(const std::string& path) {
  RunSummary s;
  const fs::path root(path);
  s.path = path;
  s.folder = root.filename().string();
  s.created = createdFromFolder(s.folder);
  try {
    const TrainConfig config = loadConfig((root / "config.json").string());
    s.name = config.name;
    s.objective = config.objective.name;
    s.model = config.model.name;
    s.dataset = config.data.path;
    s.plannedSteps = config.optimisation.steps;
  } catch (const std::exception& e) {
    s.status = "unreadable";
    s.statusDetail = e.what();
    return s;
  }
  const fs::path metricsPath = root / "metrics.jsonl";
  s.steps = lastLoggedStep(metricsPath);
  if (s.steps == 0) {
    try {
      if (auto index = readCheckpointIndex(RunDirectory::open(path))) s.steps = index->step;
    } catch (const std::exception&) {
    }
  }
  std::string error;
  const fs::path statePath = root / "state.json";
  s.lastUpdateAgeSeconds = std::min(fs::exists(metricsPath) ? ageSeconds(metricsPath) : 1e30,
                                    fs::exists(statePath) ? ageSeconds(statePath) : 1e30);
  if (auto state = readJson(statePath, &error)) {
    s.status = state->value("state", std::string("unknown"));
    if (state->contains("detail")) s.statusDetail = state->value("detail", std::string());
    if ((s.status == "running" || s.status == "paused" || s.status == "stopping") &&
        s.lastUpdateAgeSeconds > kStaleRunSeconds) {
      s.status = "interrupted";
    }
  } else {
    // Runs written before state.json existed, or a process killed before its first state.
    s.status = s.steps > 0 ? "interrupted" : "new";
    if (!error.empty()) s.statusDetail = error;
  }
  error.clear();
  if (auto eval = readJson(root / "eval.json", &error)) {
    s.hasEval = eval->contains("trained");
    if (s.hasEval) {
      s.evalStep = eval->value("step", std::int64_t{0});
      s.final = scoresFrom((*eval)["trained"]);
      if (eval->contains("protocol") && (*eval)["protocol"].is_object()) {
        s.evalProtocol = (*eval)["protocol"].value("name", s.evalProtocol);
        s.evalSplit = (*eval)["protocol"].value("split", s.evalSplit);
      }
      s.evalTrainSamples = eval->value("train_samples", std::int64_t{0});
      s.evalTestSamples = eval->value("test_samples", std::int64_t{0});
      if (eval->contains("random_init")) s.randomInit = scoresFrom((*eval)["random_init"]);
      s.bestKnnTop1 = s.final.knnTop1;
      s.bestLinearTop1 = s.final.linearTop1;
      if (eval->contains("history") && (*eval)["history"].is_array()) {
        for (const auto& h : (*eval)["history"]) {
          // Best of the evaluations comparable to the latest one (same protocol).
          if (h.value("protocol", std::string("fast")) != s.evalProtocol) continue;
          s.bestKnnTop1 = std::max(s.bestKnnTop1, h.value("knn_top1", 0.0));
          s.bestLinearTop1 = std::max(s.bestLinearTop1, h.value("linear_top1", 0.0));
        }
      }
    }
  } else if (!error.empty() && s.statusDetail.empty()) {
    s.statusDetail = error;
  }
  return s;
}

std::vector<RunSummary> scanRuns(const std::string& runsDir) {
  std::vector<RunSummary> runs;
  std::error_code ec;
  for (fs::directory_iterator it(runsDir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code typeError;
    if (!it->is_directory(typeError) || !isRunFolder(it->path().string())) continue;
    runs.push_back(summarizeRun(it->path().string()));
  }
  std::sort(runs.begin(), runs.end(), [](const RunSummary& a, const RunSummary& b) { return a.folder > b.folder; });
  return runs;
}

std::string learningTableCsv(const std::vector<RunSummary>& runs) {
  std::vector<std::string> header;
  const auto rows = tableRows(runs, header);
  std::ostringstream out;
  for (size_t i = 0; i < header.size(); ++i) out << (i ? "," : "") << csvCell(header[i]);
  out << "\n";
  for (const auto& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) out << (i ? "," : "") << csvCell(row[i]);
    out << "\n";
  }
  return out.str();
}

std::string learningTableMarkdown(const std::vector<RunSummary>& runs) {
  std::vector<std::string> header;
  const auto rows = tableRows(runs, header);
  auto cell = [](std::string s) {
    std::string out;
    for (char c : s) out += c == '|' ? std::string("\\|") : std::string(1, c);
    return out;
  };
  std::ostringstream out;
  out << "|";
  for (const auto& h : header) out << " " << cell(h) << " |";
  out << "\n|";
  for (size_t i = 0; i < header.size(); ++i) out << (i < 3 ? " --- |" : " ---: |");
  out << "\n";
  for (const auto& row : rows) {
    out << "|";
    for (const auto& c : row) out << " " << cell(c) << " |";
    out << "\n";
  }
  return out.str();
}

void writeRunState(const std::string& runPath, const std::string& state, std::int64_t step,
                   const std::string& detail) {
  json j = {{"state", state}, {"step", step}, {"updated", utcTimestamp()}};
  if (!detail.empty()) j["detail"] = detail;
  writeFileAtomically((fs::path(runPath) / "state.json").string(), j.dump(2) + "\n");
}

}  // namespace folk
