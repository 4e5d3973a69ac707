#include "core/io/run_summary.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <sstream>

#include "core/io/metrics_log.h"
#include "core/io/run_directory.h"
#include "core/io/run_files.h"
#include "core/io/settings_registry.h"
#include "core/io/train_config.h"
#include "core/util/atomic_file.h"
#include "core/util/regular_file.h"

namespace folk {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// The JSON files of a run are a few kilobytes (eval.json with a long history: a few hundred).
constexpr std::size_t kMaxRunJsonBytes = std::size_t(16) << 20;

// A missing file gives std::nullopt and no error; one that is not a regular file, or too large,
// is added to `skipped`.
std::optional<json> readJson(const fs::path& path, std::string* error, std::vector<std::string>& skipped) {
  std::string problem;
  const auto text = readSmallRegularFile(path.string(), kMaxRunJsonBytes, &problem);
  if (!text) {
    if (!problem.empty()) skipped.push_back(problem);
    return std::nullopt;
  }
  try {
    return json::parse(*text);
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
  if (j.contains("effective_rank") && j["effective_rank"].is_number()) s.effectiveRank = j["effective_rank"].get<double>();
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

// The last complete line of metrics.jsonl, reading only the file's tail: the Results workspace
// re-reads every run every few seconds, and long runs have 10^5-10^6 lines. A cut last line (a
// writer killed mid-line) is skipped. nullopt when there is no complete line; a file that cannot
// be read (a named pipe, a device) is named in `skipped`.
std::optional<MetricsRow> lastLoggedRow(const fs::path& path, std::vector<std::string>& skipped) {
  const RegularFile file(path.string());
  if (!file.isOpen()) {
    if (!file.problem().empty()) skipped.push_back(file.problem());
    return std::nullopt;
  }
  const std::uint64_t size = file.size();
  const std::uint64_t tail = std::min<std::uint64_t>(size, 64 * 1024);
  std::string text(static_cast<size_t>(tail), '\0');
  try {
    text.resize(file.readAt(size - tail, text.data(), text.size()));
  } catch (const std::exception& e) {
    skipped.push_back(e.what());
    return std::nullopt;
  }
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
      return parseMetricsLine(lines[i - 1]);
    } catch (const std::runtime_error&) {
      // a damaged line: look at the one before
    }
  }
  return std::nullopt;
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
  return fs::is_regular_file(fs::path(path) / run_files::kConfig, ec);
}

RunSummary summarizeRun(const std::string& path) {
  RunSummary s;
  const fs::path root(path);
  s.path = path;
  s.folder = root.filename().string();
  s.created = createdFromFolder(s.folder);
  try {
    const std::string configPath = (root / run_files::kConfig).string();
    if (auto problem = regularFileProblem(configPath)) {
      s.skipped.push_back(*problem);
      throw ConfigError(*problem);
    }
    const TrainConfig config = loadConfig(configPath);
    s.name = config.name;
    s.objective = config.objective.name;
    s.model = config.model.name;
    s.dataset = config.data.path;
    s.plannedSteps = config.optimisation.steps;
    s.prototypes = config.model.prototypes;
    s.seed = config.seed;
    for (const auto& setting : settingsRegistry()) s.settings.push_back(settingValueText(setting.get(config)));
  } catch (const std::exception& e) {
    s.status = "unreadable";
    s.statusDetail = e.what();
    return s;
  }
  const fs::path metricsPath = root / run_files::kMetricsJsonl;
  if (const auto last = lastLoggedRow(metricsPath, s.skipped)) {
    s.steps = last->step;
    s.lastMetrics = last->values;
  }
  const std::string checkpointIndex = (root / run_files::kCheckpoints / run_files::kCheckpointIndex).string();
  if (auto problem = regularFileProblem(checkpointIndex)) {
    s.skipped.push_back(*problem);
  } else if (s.steps == 0) {
    try {
      if (auto index = readCheckpointIndex(RunDirectory::open(path))) s.steps = index->step;
    } catch (const std::exception&) {
    }
  }
  std::string error;
  const fs::path statePath = root / run_files::kState;
  s.lastUpdateAgeSeconds = std::min(fs::exists(metricsPath) ? ageSeconds(metricsPath) : 1e30,
                                    fs::exists(statePath) ? ageSeconds(statePath) : 1e30);
  if (auto state = readJson(statePath, &error, s.skipped)) {
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
  if (auto eval = readJson(root / run_files::kEval, &error, s.skipped)) {
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
      if (eval->contains("raw_pixels")) s.rawPixels = scoresFrom((*eval)["raw_pixels"]);
      s.bestKnnTop1 = s.final.knnTop1;
      s.bestLinearTop1 = s.final.linearTop1;
      if (eval->contains("history") && (*eval)["history"].is_array()) {
        for (const auto& h : (*eval)["history"]) {
          const auto protocol = h.value("protocol", std::string("fast"));
          // The accuracy curve is the fast protocol's (every evaluation during training); a full
          // evaluation's figures are not comparable to it.
          if (protocol == "fast") s.knnHistory.emplace_back(h.value("step", std::int64_t{0}), h.value("knn_top1", 0.0));
          // Best of the evaluations comparable to the latest one (same protocol).
          if (protocol != s.evalProtocol) continue;
          s.bestKnnTop1 = std::max(s.bestKnnTop1, h.value("knn_top1", 0.0));
          s.bestLinearTop1 = std::max(s.bestLinearTop1, h.value("linear_top1", 0.0));
        }
      }
    }
  } else if (!error.empty() && s.statusDetail.empty()) {
    s.statusDetail = error;
  }
  if (s.statusDetail.empty() && !s.skipped.empty()) s.statusDetail = s.skipped.front();
  return s;
}

namespace {

// The run folders directly inside `dir`, appended to `out`; the study folders among its entries
// to `studies` when given.
void listFolder(const fs::path& dir, std::vector<fs::path>& out, std::vector<fs::path>* studies) {
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code typeError;
    if (!it->is_directory(typeError)) continue;
    // Any entry of that name counts, whatever its type: summarizeRun says what is wrong with it.
    if (fs::exists(fs::symlink_status(it->path() / run_files::kConfig, typeError))) {
      out.push_back(it->path());
    } else if (studies && fs::exists(fs::symlink_status(it->path() / StudyFiles::plan, typeError))) {
      studies->push_back(it->path());
    }
  }
}

StudyFolder readStudyFolder(const fs::path& dir) {
  StudyFolder study;
  study.path = dir.string();
  std::string problem;
  const auto path = (dir / StudyFiles::plan).string();
  // study.json is a few hundred bytes per run.
  const auto text = readSmallRegularFile(path, std::size_t(4) << 20, &problem);
  if (!text) {
    study.problem = problem.empty() ? path + ": not found" : problem;
    return study;
  }
  try {
    study.plan = parseStudyPlan(*text);
  } catch (const std::exception& e) {
    study.problem = path + " is damaged (" + e.what() + ")";
  }
  return study;
}

}  // namespace

RunsFolderListing listRunsFolder(const std::string& runsDir) {
  std::vector<fs::path> folders, studies;
  listFolder(runsDir, folders, &studies);
  for (const auto& study : studies) listFolder(study, folders, nullptr);
  std::error_code ec;
  if (fs::exists(fs::symlink_status(fs::path(runsDir) / StudyFiles::plan, ec))) studies.insert(studies.begin(), runsDir);
  std::sort(folders.begin(), folders.end(),
            [](const fs::path& a, const fs::path& b) { return a.filename().string() > b.filename().string(); });
  RunsFolderListing listing;
  for (const auto& f : folders) listing.runs.push_back(f.string());
  std::sort(studies.begin(), studies.end());
  for (const auto& s : studies) listing.studies.push_back(readStudyFolder(s));
  return listing;
}

std::vector<std::string> listRunFolders(const std::string& runsDir) { return listRunsFolder(runsDir).runs; }

std::vector<RunSummary> scanRuns(const std::string& runsDir) {
  std::vector<RunSummary> runs;
  for (const auto& path : listRunFolders(runsDir)) runs.push_back(summarizeRun(path));
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

namespace {

json scoresJson(const RunScores& s) {
  json fewShot = json::object();
  for (size_t i = 0; i < s.fewShotFractions.size() && i < s.fewShotTop1.size(); ++i) {
    char key[32];
    std::snprintf(key, sizeof key, "%g%%", s.fewShotFractions[i] * 100.0);
    fewShot[key] = s.fewShotTop1[i];
  }
  json j = {{"knn_top1", s.knnTop1}, {"linear_top1", s.linearTop1}, {"few_shot_top1", fewShot}};
  if (std::isfinite(s.effectiveRank)) j["effective_rank"] = s.effectiveRank;
  return j;
}

std::string stepsCell(const RunSummary& r) {
  return r.plannedSteps > 0 ? std::to_string(r.steps) + "/" + std::to_string(r.plannedSteps) : std::to_string(r.steps);
}

}  // namespace

json evaluationJson(const RunSummary& r) {
  if (!r.hasEval) return json();
  json j = {{"step", r.evalStep},
            {"protocol", {{"name", r.evalProtocol}, {"split", r.evalSplit}}},
            {"train_samples", r.evalTrainSamples},
            {"test_samples", r.evalTestSamples},
            {"trained", scoresJson(r.final)}};
  if (r.randomInit) j["random_init"] = scoresJson(*r.randomInit);
  if (r.rawPixels) j["raw_pixels"] = scoresJson(*r.rawPixels);
  return j;
}

std::string runsListText(const std::vector<RunSummary>& runs) {
  std::vector<std::vector<std::string>> rows = {
      {"run", "status", "steps", "objective", "model", "k-NN %", "best k-NN %", "linear %", "1 % labels %",
       "10 % labels %", "random-init k-NN %"}};
  for (const auto& r : runs) {
    const bool eval = r.hasEval;
    rows.push_back({r.folder, r.status, stepsCell(r), r.objective, r.model, eval ? percent(r.final.knnTop1) : "",
                    eval ? percent(r.bestKnnTop1) : "", eval ? percent(r.final.linearTop1) : "",
                    eval ? fewShotCell(r.final, 0.01) : "", eval ? fewShotCell(r.final, 0.1) : "",
                    r.randomInit ? percent(r.randomInit->knnTop1) : ""});
  }
  std::vector<size_t> width(rows.front().size(), 0);
  for (const auto& row : rows)
    for (size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], row[i].size());
  std::ostringstream out;
  for (const auto& row : rows) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      // Names left-aligned, numbers right-aligned, as in the Results table.
      const std::string pad(width[i] - row[i].size(), ' ');
      line += (i ? "  " : "") + (i < 2 || i == 3 || i == 4 ? row[i] + pad : pad + row[i]);
    }
    out << line.substr(0, line.find_last_not_of(' ') + 1) << "\n";
  }
  return out.str();
}

std::string runsListJson(const std::vector<RunSummary>& runs) {
  json list = json::array();
  for (const auto& r : runs) {
    json j = {{"path", r.path},         {"folder", r.folder},       {"name", r.name},
              {"created", r.created},   {"objective", r.objective}, {"model", r.model},
              {"dataset", r.dataset},   {"status", r.status},       {"status_detail", r.statusDetail},
              {"steps", r.steps},       {"planned_steps", r.plannedSteps}};
    if (r.hasEval) {
      j["eval_step"] = r.evalStep;
      j["trained"] = scoresJson(r.final);
      j["best_knn_top1"] = r.bestKnnTop1;
      j["best_linear_top1"] = r.bestLinearTop1;
    }
    if (r.randomInit) j["random_init"] = scoresJson(*r.randomInit);
    list.push_back(j);
  }
  return list.dump(2) + "\n";
}

void writeRunState(const std::string& runPath, const std::string& state, std::int64_t step,
                   const std::string& detail) {
  json j = {{"state", state}, {"step", step}, {"updated", utcTimestamp()}};
  if (!detail.empty()) j["detail"] = detail;
  writeFileAtomically((fs::path(runPath) / run_files::kState).string(), j.dump(2) + "\n");
}

}  // namespace folk
