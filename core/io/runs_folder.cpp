#include "core/io/runs_folder.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

namespace folk {
namespace {

std::string homeFolder() {
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') return home;
  if (const passwd* entry = ::getpwuid(::getuid()); entry != nullptr && entry->pw_dir != nullptr) return entry->pw_dir;
  return ".";
}

// XDG_DOCUMENTS_DIR="$HOME/Dokumente" in user-dirs.dirs (xdg-user-dirs writes it, localised); the
// value is either "$HOME/..." or an absolute path.
std::optional<std::string> documentsFromUserDirs(const std::string& home) {
  const char* configHome = std::getenv("XDG_CONFIG_HOME");
  const std::string config =
      configHome != nullptr && configHome[0] == '/' ? std::string(configHome) : home + "/.config";
  std::ifstream in(config + "/user-dirs.dirs");
  const std::string key = "XDG_DOCUMENTS_DIR=";
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(key, 0) != 0) continue;
    std::string value = line.substr(key.size());
    if (value.size() < 2 || value.front() != '"' || value.back() != '"') return std::nullopt;
    value = value.substr(1, value.size() - 2);
    if (value.rfind("$HOME", 0) == 0) value = home + value.substr(5);
    if (value.empty() || value.front() != '/' || value == home || value == home + "/") return std::nullopt;
    return value;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> runsFolderFromEnvironment() {
  const char* value = std::getenv(kRunsFolderVariable);
  if (value == nullptr || *value == '\0') return std::nullopt;
  return std::string(value);
}

std::string defaultRunsFolder() {
  if (auto fromEnvironment = runsFolderFromEnvironment()) return *fromEnvironment;
  const std::string home = homeFolder();
  return documentsFromUserDirs(home).value_or(home + "/Documents") + "/FOLK runs";
}

}  // namespace folk
