#pragma once
// Runs the real `folk` binary (FOLK_CLI_PATH) the way a user would, capturing exit code, stdout and
// stderr, and gives each test its own temporary folder.
#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace folk::cli::test {

struct CliResult {
  int exitCode = -1;
  std::string out;
  std::string err;
};

// Arguments are passed as given (no shell), stdout and stderr are captured separately.
CliResult runFolk(const std::vector<std::string>& args);

class TempDir;

// A started program (looked up on PATH) whose stdout / stderr go to files; `extraEnv` entries
// ("NAME=value") are added to this process's environment, replacing any of the same name. The destructor kills a child still running.
class ChildProcess {
 public:
  ChildProcess(const std::string& program, const std::vector<std::string>& args,
               const std::vector<std::string>& extraEnv = {});
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;
  pid_t pid() const { return pid_; }
  CliResult wait();
  // The result once the child has ended, std::nullopt when it is still running after `timeout`.
  std::optional<CliResult> waitFor(std::chrono::milliseconds timeout);
  void kill(int signal);
  std::string stderrSoFar() const;

 private:
  CliResult collect(int status);
  std::unique_ptr<TempDir> capture_;
  pid_t pid_ = -1;
  bool done_ = false;
};

// Whether `program` is an executable on PATH.
bool onPath(const std::string& program);

// A fresh folder under the system temp dir, removed (with its contents) on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// Sets (or unsets, with std::nullopt) an environment variable of this process for one scope; the
// programs it starts inherit it.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::optional<std::string>& value);
  ~ScopedEnv();
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

std::string samplePhoto(const std::string& name);  // FOLK_SAMPLE_DIR/name
// `folk train` of a tiny model for 3 steps on 256 Fashion-MNIST images, evaluated on a few hundred,
// named `name`; no --runs-dir (callers add one, or test the default folder).
std::vector<std::string> tinyTrainArgs(const std::string& name);
std::vector<std::string> lines(const std::string& text);

}  // namespace folk::cli::test
