#include "core/io/study_plan.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "core/io/run_files.h"
#include "core/util/atomic_file.h"

namespace fs = std::filesystem;

namespace folk {

using nlohmann::json;

std::vector<StudyRunSpec> StudyPlan::runs() const {
  std::vector<StudyRunSpec> out;
  for (int seed : seeds)
    for (const auto& objective : objectives) out.push_back({objective, seed});
  return out;
}

json toJson(const StudyPlan& plan) {
  return {{"name", plan.name},
          {"created", plan.created},
          {"objectives", plan.objectives},
          {"seeds", plan.seeds},
          {"train_args", plan.trainArgs}};
}

StudyPlan parseStudyPlan(const std::string& text) {
  try {
    const json j = json::parse(text);
    StudyPlan plan;
    plan.name = j.at("name").get<std::string>();
    plan.created = j.value("created", std::string());
    plan.objectives = j.at("objectives").get<std::vector<std::string>>();
    plan.seeds = j.at("seeds").get<std::vector<int>>();
    plan.trainArgs = j.at("train_args").get<std::vector<std::string>>();
    if (plan.objectives.empty() || plan.seeds.empty()) throw std::runtime_error("no objectives or no seeds");
    return plan;
  } catch (const json::exception& e) {
    throw std::runtime_error(e.what());
  }
}

StudyPlan loadStudyPlan(const std::string& studyDir) {
  const auto path = (fs::path(studyDir) / StudyFiles::plan).string();
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": not found; is " + studyDir + " a study folder made by folk study?");
  try {
    return parseStudyPlan(std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()));
  } catch (const std::exception& e) {
    throw std::runtime_error(path + " is damaged (" + e.what() + "); it is the plan the study resumes from");
  }
}

void saveStudyPlan(const std::string& studyDir, const StudyPlan& plan) {
  json j = toJson(plan);
  // The runs as far as their folders exist (informative; resuming finds them by config name).
  json runs = json::array();
  for (const auto& spec : plan.runs()) {
    const auto folder = findStudyRun(studyDir, spec);
    runs.push_back({{"label", spec.label()},
                    {"objective", spec.objective},
                    {"seed", spec.seed},
                    {"folder", folder.empty() ? std::string() : fs::path(folder).filename().string()}});
  }
  j["runs"] = runs;
  writeFileAtomically((fs::path(studyDir) / StudyFiles::plan).string(), j.dump(2) + "\n");
}

std::string findStudyRun(const std::string& studyDir, const StudyRunSpec& spec) {
  std::string best;
  std::error_code ec;
  for (fs::directory_iterator it(studyDir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_directory()) continue;
    std::ifstream in(it->path() / run_files::kConfig);
    if (!in) continue;
    try {
      const json config = json::parse(in);
      if (config.value("name", std::string()) != spec.label()) continue;
    } catch (const json::exception&) {
      continue;  // a config.json being written: the next look finds it
    }
    // Folder names start with the UTC time they were made, so the largest is the newest.
    if (it->path().string() > best) best = it->path().string();
  }
  return best;
}

}  // namespace folk
