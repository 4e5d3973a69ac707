#include "app/cli/study_command.h"

#include <fcntl.h>
#include <limits.h>
#include <sys/file.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <thread>

#include "app/cli/runs_command.h"
#include "core/io/run_files.h"
#include "core/io/run_directory.h"
#include "core/io/run_summary.h"
#include "core/io/study_plan.h"
#include "core/io/study_summary.h"
#include "core/io/train_config.h"
#include "core/method/objective.h"
#include "core/util/atomic_file.h"

namespace fs = std::filesystem;

namespace folk::cli {

namespace {

volatile std::sig_atomic_t studyInterrupted = 0;
void onStudyInterrupt(int) { studyInterrupted = 1; }

using Clock = std::chrono::steady_clock;

std::string selfExecutable() {
  char path[PATH_MAX];
  const ssize_t n = ::readlink("/proc/self/exe", path, sizeof path - 1);
  if (n <= 0) throw std::runtime_error(std::string("cannot find this executable (/proc/self/exe): ") + std::strerror(errno));
  path[n] = '\0';
  return path;
}

// Starts `exe args` with stdout and stderr appended to `logPath`, in its own process group (a
// Ctrl-C at the terminal reaches the study, which stops its runs once, with checkpoints). The run
// gets SIGINT, i.e. stops at a step boundary with a checkpoint, when the study process dies, even
// by SIGKILL; it inherits the study's lock, so a resumed study waits until it has stopped.
pid_t spawnRun(const std::string& exe, const std::vector<std::string>& args, const std::string& logPath) {
  const int logFd = ::open(logPath.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (logFd < 0) throw std::runtime_error(logPath + ": cannot open the run's log: " + std::strerror(errno));
  std::vector<std::string> storage{exe};
  storage.insert(storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : storage) argv.push_back(a.data());
  argv.push_back(nullptr);
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(logFd);
    throw std::runtime_error(std::string("cannot start a training process: ") + std::strerror(errno));
  }
  if (pid == 0) {
    // Only async-signal-safe calls from here to exec.
    ::setpgid(0, 0);
    ::prctl(PR_SET_PDEATHSIG, SIGINT);
    if (::getppid() != parent) ::_exit(127);  // the study died before prctl
    ::dup2(logFd, STDOUT_FILENO);
    ::dup2(logFd, STDERR_FILENO);
    const int devNull = ::open("/dev/null", O_RDONLY);
    if (devNull >= 0) ::dup2(devNull, STDIN_FILENO);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(logFd);
  return pid;
}

// Holds <study>/study.lock for this process and its runs (the descriptor is inherited on purpose).
// Waits, with a message, while the runs of a killed study process are still stopping.
int lockStudy(const std::string& studyDir, std::ostream& out) {
  const auto path = (fs::path(studyDir) / StudyFiles::lock).string();
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT, 0644);
  if (fd < 0) throw std::runtime_error(path + ": cannot open: " + std::strerror(errno));
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    out << "waiting for " << studyDir
        << " to be free: another folk study, or the runs of one that was killed (they are writing their "
           "checkpoints), still use it"
        << std::endl;
    if (::flock(fd, LOCK_EX) != 0) throw std::runtime_error(path + ": cannot lock: " + std::strerror(errno));
  }
  return fd;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// Every objective's config (default or --config, the --set values, --data, --steps), validated
// before anything is created: a typo fails here, not in the tenth run.
void validatePlanConfigs(const StudyCommandOptions& o) {
  for (const auto& objective : o.objectives) {
    if (!parseObjective(objective)) {
      throw ConfigError("unknown objective '" + objective + "' (use " + joined(objectiveNames()) + ")");
    }
    TrainConfig config = o.configFile.empty() ? defaultConfig() : loadConfig(o.configFile);
    applyOverride(config, "evaluation.protocol=" + o.protocol);
    for (const auto& s : o.sets) applyOverride(config, s);
    if (!o.data.empty()) applyOverride(config, "data.path=" + o.data);  // checked like --set data.path
    if (o.steps >= 0) config.optimisation.steps = o.steps;
    config.objective.name = objective;
    validate(config);
  }
}

StudyPlan newPlan(const StudyCommandOptions& o) {
  StudyPlan plan;
  plan.name = o.name;
  plan.created = utcTimestamp();
  plan.objectives = o.objectives;
  for (int s = 0; s < o.seeds; ++s) plan.seeds.push_back(s);
  auto& a = plan.trainArgs;
  if (!o.configFile.empty()) a.insert(a.end(), {"--config", fs::absolute(o.configFile).lexically_normal().string()});
  if (!o.data.empty()) a.insert(a.end(), {"--data", fs::absolute(o.data).lexically_normal().string()});
  if (o.steps >= 0) a.insert(a.end(), {"--steps", std::to_string(o.steps)});
  a.insert(a.end(), {"--set", "evaluation.protocol=" + o.protocol});
  for (const auto& s : o.sets) a.insert(a.end(), {"--set", s});
  return plan;
}

std::vector<std::string> trainArguments(const StudyPlan& plan, const StudyRunSpec& spec, const std::string& studyDir,
                                        const std::string& existingRun, int threads) {
  if (!existingRun.empty()) return {"train", "--resume", existingRun, "--threads", std::to_string(threads)};
  // The first objective's runs also score the baselines (random-init backbone, raw pixels) per
  // seed under the same protocol; the other runs would only repeat them.
  const bool baselines = spec.objective == plan.objectives.front();
  std::vector<std::string> args{"train"};
  args.insert(args.end(), plan.trainArgs.begin(), plan.trainArgs.end());
  args.insert(args.end(), {"--objective", spec.objective, "--set", "seed=" + std::to_string(spec.seed), "--set",
                           std::string("evaluation.random_baseline=") + (baselines ? "true" : "false"), "--set",
                           std::string("evaluation.raw_baseline=") + (baselines ? "true" : "false"), "--name",
                           spec.label(), "--runs-dir", studyDir, "--threads", std::to_string(threads)});
  return args;
}

bool finished(const std::string& runFolder) {
  return !runFolder.empty() && summarizeRun(runFolder).status == "finished";
}

struct RunningRun {
  StudyRunSpec spec;
  pid_t pid = -1;
  bool resumed = false;
};

void writeSummary(const std::string& studyDir, const StudyPlan& plan, std::ostream& out) {
  std::vector<StudyRunEval> evals;
  for (const auto& spec : plan.runs()) {
    const auto folder = findStudyRun(studyDir, spec);
    if (!finished(folder)) continue;  // an unfinished run's eval.json is a live-curve point
    std::ifstream in(fs::path(folder) / run_files::kEval);
    if (!in) continue;
    try {
      evals.push_back({spec.objective, spec.seed, nlohmann::json::parse(in)});
    } catch (const nlohmann::json::exception&) {
    }
  }
  const auto summary = summarizeStudy(plan.objectives, evals);
  const fs::path dir(studyDir);
  writeFileAtomically((dir / StudyFiles::summaryJson).string(), studySummaryJson(summary).dump(2) + "\n");
  writeFileAtomically((dir / StudyFiles::summaryCsv).string(), studySummaryCsv(summary));
  const auto markdown = studySummaryMarkdown(summary);
  writeFileAtomically((dir / StudyFiles::summaryMarkdown).string(), markdown);
  out << "\n" << markdown << "\nwritten: " << (dir / StudyFiles::summaryMarkdown).string() << ", "
      << StudyFiles::summaryCsv << ", " << StudyFiles::summaryJson << std::endl;
}

}  // namespace

int runStudyCommand(const StudyCommandOptions& options, std::ostream& out, std::ostream& err) {
  std::string studyDir;
  StudyPlan plan;
  int jobs = 0;
  int lockFd = -1;
  std::string exe;
  try {
    const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
    const int threads = std::max(1, options.threads);
    jobs = options.jobs > 0 ? options.jobs : std::max(1, cores / threads);
    if (jobs * threads > cores) {
      const int fitting = std::max(1, cores / threads);
      out << "note: " << jobs << " jobs x " << threads << " threads exceed the " << cores << " cores; running "
          << fitting << " at a time" << std::endl;
      jobs = fitting;
    }
    exe = selfExecutable();
    if (!options.resume.empty()) {
      studyDir = fs::absolute(options.resume).lexically_normal().string();
      plan = loadStudyPlan(studyDir);
    } else {
      if (options.seeds < 1) throw ConfigError("--seeds must be at least 1");
      if (options.objectives.empty()) throw ConfigError("--objectives must name at least one objective");
      validatePlanConfigs(options);
      plan = newPlan(options);
      const std::string runsFolder = runsFolderOrDefault(options.runsDir);
      fs::create_directories(runsFolder);
      studyDir = fs::absolute(fs::path(runsFolder) / (plan.created + "-study-" + plan.name)).lexically_normal().string();
      if (!fs::create_directory(studyDir)) throw std::runtime_error(studyDir + " exists already");
      saveStudyPlan(studyDir, plan);
    }
    fs::create_directories(fs::path(studyDir) / StudyFiles::logs);
    lockFd = lockStudy(studyDir, out);
  } catch (const std::exception& e) {
    err << "folk study: " << e.what() << "\n";
    return 2;
  }
  out << "study: " << studyDir << std::endl;

  const int threads = std::max(1, options.threads);
  const auto specs = plan.runs();
  std::deque<StudyRunSpec> pending;
  int done = 0;
  for (const auto& spec : specs) {
    if (finished(findStudyRun(studyDir, spec))) {
      ++done;
      out << "kept " << spec.label() << " (finished before)" << std::endl;
    } else {
      pending.push_back(spec);
    }
  }
  out << specs.size() << " runs (" << joined(plan.objectives) << " x " << plan.seeds.size() << " seeds), " << done
      << " finished, " << jobs << " at a time with " << threads << " thread" << (threads > 1 ? "s" : "") << " each"
      << std::endl;

  studyInterrupted = 0;
  auto previousInt = std::signal(SIGINT, onStudyInterrupt);
  auto previousTerm = std::signal(SIGTERM, onStudyInterrupt);
  std::vector<RunningRun> running;
  std::vector<std::string> failed;
  bool forwarded = false;
  auto lastProgress = Clock::now();
  while ((!pending.empty() && !studyInterrupted) || !running.empty()) {
    if (studyInterrupted && !forwarded) {
      forwarded = true;
      out << "interrupted: stopping the running runs at their next step (with checkpoints)" << std::endl;
      for (const auto& r : running) ::kill(r.pid, SIGINT);
    }
    while (!studyInterrupted && int(running.size()) < jobs && !pending.empty()) {
      const auto spec = pending.front();
      pending.pop_front();
      const auto existing = findStudyRun(studyDir, spec);
      const auto log = (fs::path(studyDir) / StudyFiles::logs / (spec.label() + ".log")).string();
      try {
        const pid_t pid = spawnRun(exe, trainArguments(plan, spec, studyDir, existing, threads), log);
        running.push_back({spec, pid, !existing.empty()});
        out << (existing.empty() ? "started " : "resumed ") << spec.label() << " (log: " << log << ")" << std::endl;
      } catch (const std::exception& e) {
        err << "folk study: " << spec.label() << ": " << e.what() << "\n";
        failed.push_back(spec.label());
      }
    }
    for (auto it = running.begin(); it != running.end();) {
      int status = 0;
      const pid_t result = ::waitpid(it->pid, &status, WNOHANG);
      if (result == 0 || (result < 0 && errno == EINTR)) {
        ++it;
        continue;
      }
      const auto folder = findStudyRun(studyDir, it->spec);
      if (finished(folder)) {
        ++done;
        out << "finished " << it->spec.label() << " (" << done << " of " << specs.size() << ")" << std::endl;
      } else if (studyInterrupted) {
        out << "stopped " << it->spec.label() << " (resumable)" << std::endl;
      } else {
        const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        err << "folk study: " << it->spec.label() << " did not finish (exit status " << code << "); see "
            << (fs::path(studyDir) / StudyFiles::logs / (it->spec.label() + ".log")).string() << "\n";
        failed.push_back(it->spec.label());
      }
      it = running.erase(it);
      try {
        saveStudyPlan(studyDir, plan);  // records the run folders found so far
      } catch (const std::exception& e) {
        err << "folk study: " << e.what() << "\n";
      }
    }
    if (!running.empty() && Clock::now() - lastProgress > std::chrono::duration<double>(options.progressSeconds)) {
      lastProgress = Clock::now();
      out << "progress: " << done << " of " << specs.size() << " finished; running";
      for (const auto& r : running) {
        const auto folder = findStudyRun(studyDir, r.spec);
        const auto s = folder.empty() ? RunSummary() : summarizeRun(folder);
        out << " " << r.spec.label() << " step " << s.steps;
        if (s.plannedSteps > 0) out << "/" << s.plannedSteps;
      }
      out << std::endl;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  std::signal(SIGINT, previousInt);
  std::signal(SIGTERM, previousTerm);
  try {
    writeSummary(studyDir, plan, out);
  } catch (const std::exception& e) {
    err << "folk study: could not write the summary: " << e.what() << "\n";
    failed.push_back("summary");
  }
  ::close(lockFd);
  if (studyInterrupted) {
    out << "resume with: folk study --resume " << studyDir << std::endl;
    return 130;
  }
  if (!failed.empty()) {
    err << "folk study: not finished: " << joined(failed) << " (folk study --resume " << studyDir
        << " tries them again)\n";
    return 1;
  }
  return 0;
}

CLI::App* addStudyCommand(CLI::App& app, int& exitCode) {
  auto o = std::make_shared<StudyCommandOptions>();
  CLI::App* study = app.add_subcommand(
      "study", "Train every objective over several seeds and write the learning table (mean ± std per row)");
  study->add_option("--resume", o->resume, "Continue the study in this folder (finished runs are kept)");
  auto* seeds = study->add_option("--seeds", o->seeds, "Seeds per objective (0, 1, ...)")
                    ->check(CLI::PositiveNumber)
                    ->capture_default_str();
  auto* steps = study->add_option("--steps", o->steps, "Training steps of every run (default: the config's)")
                    ->check(CLI::NonNegativeNumber);
  auto* objectives =
      study->add_option("--objectives", o->objectives, "Objectives, comma-separated")->delimiter(',')->capture_default_str();
  auto* sets = study->add_option("--set", o->sets, "Config override for every run, key.path=value (repeatable)");
  auto* config = study->add_option("--config", o->configFile, "JSON config every run starts from");
  auto* data = study->add_option("--data", o->data, "Dataset folder of every run");
  auto* protocol = study->add_option("--protocol", o->protocol, "Protocol of the runs' final evaluation: fast or full")
                       ->check(CLI::IsMember({"fast", "full"}))
                       ->capture_default_str();
  auto* name = study->add_option("--name", o->name, "Study name (the folder is <UTC time>-study-<name>)")
                   ->capture_default_str();
  auto* runsDir = addRunsDirOption(*study, o->runsDir);
  study->add_option("--jobs", o->jobs, "Runs at a time (default: cores / threads; never more than that)")
      ->check(CLI::NonNegativeNumber);
  study->add_option("--threads", o->threads, "Torch threads per run")->check(CLI::PositiveNumber)->capture_default_str();
  study->add_option("--progress-seconds", o->progressSeconds, "A progress line at least this often")
      ->check(CLI::PositiveNumber);
  study->callback([o, &exitCode, seeds, steps, objectives, sets, config, data, protocol, name, runsDir] {
    if (!o->resume.empty()) {
      for (const CLI::Option* opt : {seeds, steps, objectives, sets, config, data, protocol, name, runsDir}) {
        if (opt->count() > 0) {
          std::cerr << "folk study: --resume continues the study's own plan (study.json); " << opt->get_name()
                    << " cannot be combined with it\n";
          exitCode = 2;
          return;
        }
      }
    }
    exitCode = runStudyCommand(*o, std::cout, std::cerr);
  });
  return study;
}

}  // namespace folk::cli
