#include "cli_runner.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <thread>
#include <fstream>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace folk::cli::test {
namespace {

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

CliResult runFolk(const std::vector<std::string>& args) { return ChildProcess(FOLK_CLI_PATH, args).wait(); }

ChildProcess::ChildProcess(const std::string& program, const std::vector<std::string>& args,
                           const std::vector<std::string>& extraEnv)
    : capture_(std::make_unique<TempDir>()) {
  // Output goes to files rather than pipes: no deadlock however much a command prints.
  const std::string outPath = *capture_ / "stdout", errPath = *capture_ / "stderr";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);

  std::vector<std::string> argvStrings{program};
  argvStrings.insert(argvStrings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argvStrings) argv.push_back(a.data());
  argv.push_back(nullptr);
  // An extra entry replaces an inherited one of the same name (getenv would find the first).
  std::vector<std::string> envStrings;
  for (char** e = environ; *e; ++e) {
    const std::string entry(*e);
    const std::string name = entry.substr(0, entry.find('=') + 1);
    const bool replaced = std::any_of(extraEnv.begin(), extraEnv.end(),
                                      [&](const std::string& extra) { return extra.rfind(name, 0) == 0; });
    if (!replaced) envStrings.push_back(entry);
  }
  envStrings.insert(envStrings.end(), extraEnv.begin(), extraEnv.end());
  std::vector<char*> envp;
  for (auto& e : envStrings) envp.push_back(e.data());
  envp.push_back(nullptr);

  const int spawnError = posix_spawnp(&pid_, program.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (spawnError != 0) throw std::runtime_error("cannot start " + program);
}

ChildProcess::~ChildProcess() {
  if (!done_ && pid_ > 0) {
    ::kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
  }
}

CliResult ChildProcess::collect(int status) {
  done_ = true;
  CliResult result;
  result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = slurp(*capture_ / "stdout");
  result.err = slurp(*capture_ / "stderr");
  return result;
}

CliResult ChildProcess::wait() {
  int status = 0;
  while (waitpid(pid_, &status, 0) < 0) {
  }
  return collect(status);
}

std::optional<CliResult> ChildProcess::waitFor(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) return collect(status);
    if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

void ChildProcess::kill(int signal) {
  if (!done_) ::kill(pid_, signal);
}

std::string ChildProcess::stderrSoFar() const { return slurp(*capture_ / "stderr"); }

bool onPath(const std::string& program) {
  const char* path = std::getenv("PATH");
  if (!path) return false;
  std::istringstream dirs(path);
  for (std::string dir; std::getline(dirs, dir, ':');) {
    if (!dir.empty() && ::access((std::filesystem::path(dir) / program).c_str(), X_OK) == 0) return true;
  }
  return false;
}

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "folk-cli-test-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot create a temporary folder");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

ScopedEnv::ScopedEnv(const char* name, const std::optional<std::string>& value) : name_(name) {
  if (const char* old = std::getenv(name)) old_ = old;
  if (value)
    ::setenv(name, value->c_str(), 1);
  else
    ::unsetenv(name);
}

ScopedEnv::~ScopedEnv() {
  if (old_)
    ::setenv(name_, old_->c_str(), 1);
  else
    ::unsetenv(name_);
}

std::string samplePhoto(const std::string& name) { return std::string(FOLK_SAMPLE_DIR) + "/" + name; }

std::vector<std::string> tinyTrainArgs(const std::string& name) {
  return {"train",           "--data",         "/usr/share/datasets/fashion-mnist",
          "--steps",         "3",              "--threads",
          "1",               "--name",         name,
          "--device",        "cpu",            "--set",
          "data.train_subset=256",
          "--set",           "optimisation.batch_size=32",
          "--set",           "model.vit_dim=32",
          "--set",           "model.vit_depth=1",
          "--set",           "model.vit_heads=2",
          "--set",           "model.patch_size=7",
          "--set",           "model.prototypes=64",
          "--set",           "model.head_hidden=64",
          "--set",           "model.head_bottleneck=32",
          "--set",           "evaluation.train_samples=200",
          "--set",           "evaluation.test_samples=100",
          "--set",           "evaluation.linear_epochs=10",
          "--set",           "log_interval_steps=1",
          "--set",           "sample_interval_steps=3"};
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(line);
  return out;
}

}  // namespace folk::cli::test
