#include "core/spectral/fftw_wisdom.h"

#include <fftw3.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <utility>

#include "core/util/atomic_file.h"

namespace folk::fftw {
namespace {

std::string hostName() {
  char name[256] = {};
  if (gethostname(name, sizeof(name) - 1) != 0 || name[0] == '\0') return "localhost";
  std::string safe(name);
  for (char& c : safe) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
    if (!plain) c = '_';
  }
  return safe;
}

std::string filePath(const std::string& folder, const char* precision) {
  return (std::filesystem::path(folder) / ("fftw-wisdom-" + hostName() + "-" + precision)).string();
}

// What each wisdom file holds now, as this process last read or wrote it, so unchanged wisdom is
// not rewritten; emptied when a file was found but refused, so the next export replaces it.
std::string& known(const std::string& path) {
  static auto& contents = *new std::map<std::string, std::string>();
  return contents[path];
}

bool readText(const std::string& path, std::string& text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

// fftw_export_wisdom_to_string's result is malloc'ed; the caller frees it.
std::string exported(char* (*exportToString)()) {
  const std::unique_ptr<char, decltype(&std::free)> text(exportToString(), &std::free);
  return text ? std::string(text.get()) : std::string();
}

}  // namespace

std::string wisdomFolder() {
  if (const char* own = std::getenv("FOLK_FFTW_WISDOM")) return own;
  if (const char* cache = std::getenv("XDG_CACHE_HOME"); cache && cache[0] == '/')
    return (std::filesystem::path(cache) / "folk").string();
  if (const char* home = std::getenv("HOME"); home && home[0] != '\0')
    return (std::filesystem::path(home) / ".cache" / "folk").string();
  return "";
}

bool importWisdom(const std::string& folder) {
  if (folder.empty()) return false;
  bool any = false;
  const std::pair<std::string, int (*)(const char*)> files[] = {
      {filePath(folder, "double"), fftw_import_wisdom_from_string},
      {filePath(folder, "float"), fftwf_import_wisdom_from_string}};
  for (const auto& [path, importFromString] : files) {
    std::string text;
    if (!readText(path, text)) continue;
    const bool accepted = importFromString(text.c_str()) == 1;
    known(path) = accepted ? text : std::string();
    any = any || accepted;
  }
  return any;
}

bool exportWisdom(const std::string& folder) {
  if (folder.empty()) return false;
  try {
    std::filesystem::create_directories(folder);
    const std::pair<std::string, std::string> wisdom[] = {
        {filePath(folder, "double"), exported(fftw_export_wisdom_to_string)},
        {filePath(folder, "float"), exported(fftwf_export_wisdom_to_string)}};
    for (const auto& [path, text] : wisdom) {
      if (text.empty() || text == known(path)) continue;
      writeFileAtomically(path, text);
      known(path) = text;
    }
    return true;
  } catch (const std::exception&) {  // FileWriteError, filesystem_error: a read-only or full disk
    return false;
  }
}

}  // namespace folk::fftw
