#include "core/util/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace folk {
namespace {

std::string systemError(const std::string& what, const std::string& path) {
  return what + " '" + path + "': " + std::strerror(errno);
}

}  // namespace

std::string temporarySiblingPath(const std::string& path) {
  static std::atomic<unsigned> counter{0};
  return path + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
}

void commitTemporaryFile(const std::string& tmpPath, const std::string& path) {
  int fd = ::open(tmpPath.c_str(), O_RDONLY);
  if (fd < 0) {
    std::string msg = systemError("cannot reopen temporary file", tmpPath);
    ::unlink(tmpPath.c_str());
    throw FileWriteError(msg);
  }
  if (::fsync(fd) != 0) {
    std::string msg = systemError("cannot flush", tmpPath);
    ::close(fd);
    ::unlink(tmpPath.c_str());
    throw FileWriteError(msg);
  }
  ::close(fd);
  if (std::rename(tmpPath.c_str(), path.c_str()) != 0) {
    std::string msg = systemError("cannot rename temporary file to", path);
    ::unlink(tmpPath.c_str());
    throw FileWriteError(msg);
  }
}

void writeFileAtomically(const std::string& path, const void* data, std::size_t size) {
  const std::string tmp = temporarySiblingPath(path);
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw FileWriteError(systemError("cannot create", tmp));
  const char* bytes = static_cast<const char*>(data);
  std::size_t written = 0;
  while (written < size) {
    ssize_t n = ::write(fd, bytes + written, size - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      std::string msg = systemError("cannot write", path);
      ::close(fd);
      ::unlink(tmp.c_str());
      throw FileWriteError(msg);
    }
    written += std::size_t(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    std::string msg = systemError("cannot flush", path);
    ::unlink(tmp.c_str());
    throw FileWriteError(msg);
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::string msg = systemError("cannot rename temporary file to", path);
    ::unlink(tmp.c_str());
    throw FileWriteError(msg);
  }
}

void writeFileAtomically(const std::string& path, const std::string& contents) {
  writeFileAtomically(path, contents.data(), contents.size());
}

}  // namespace folk
