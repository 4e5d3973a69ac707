#include "core/util/regular_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace folk {

namespace {

std::string typeProblem(const std::string& path, mode_t mode) {
  const char* what = S_ISFIFO(mode)    ? "a named pipe (FIFO)"
                     : S_ISCHR(mode)   ? "a character device"
                     : S_ISBLK(mode)   ? "a block device"
                     : S_ISSOCK(mode)  ? "a socket"
                     : S_ISDIR(mode)   ? "a folder"
                                       : "not a regular file";
  return path + " is " + what + ", not a regular file: skipped";
}

}  // namespace

std::optional<std::string> regularFileProblem(const std::string& path, bool* exists) {
  struct stat st {};
  if (exists) *exists = false;
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT || errno == ENOTDIR) return std::nullopt;
    return path + ": cannot read: " + std::strerror(errno);
  }
  if (exists) *exists = true;
  if (!S_ISREG(st.st_mode)) return typeProblem(path, st.st_mode);
  return std::nullopt;
}

RegularFile::RegularFile(const std::string& path) : path_(path) {
  if (auto problem = regularFileProblem(path, &exists_)) {
    problem_ = *problem;
    return;
  }
  if (!exists_) return;
  // O_NONBLOCK: should a FIFO have replaced the file since the stat, open() returns at once.
  fd_ = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd_ < 0) {
    exists_ = errno != ENOENT;
    if (exists_) problem_ = path + ": cannot open: " + std::strerror(errno);
    return;
  }
  struct stat st {};
  if (::fstat(fd_, &st) != 0 || !S_ISREG(st.st_mode)) {
    problem_ = typeProblem(path, st.st_mode);
    ::close(fd_);
    fd_ = -1;
    return;
  }
  size_ = std::uint64_t(st.st_size);
  device_ = std::uint64_t(st.st_dev);
  inode_ = std::uint64_t(st.st_ino);
}

RegularFile::~RegularFile() {
  if (fd_ >= 0) ::close(fd_);
}

std::size_t RegularFile::readAt(std::uint64_t offset, char* buffer, std::size_t count) const {
  for (;;) {
    const ssize_t n = ::pread(fd_, buffer, count, off_t(offset));
    if (n >= 0) return std::size_t(n);
    if (errno != EINTR) throw std::runtime_error(path_ + ": cannot read: " + std::strerror(errno));
  }
}

std::optional<std::string> readSmallRegularFile(const std::string& path, std::size_t maxBytes, std::string* problem) {
  if (problem) problem->clear();
  RegularFile file(path);
  if (!file.isOpen()) {
    if (problem) *problem = file.problem();
    return std::nullopt;
  }
  if (file.size() > maxBytes) {
    if (problem) {
      *problem = path + " is " + std::to_string(file.size()) + " bytes, more than the " + std::to_string(maxBytes) +
                 " such a file can have: skipped (a damaged file?)";
    }
    return std::nullopt;
  }
  std::string text(std::size_t(file.size()), '\0');
  std::size_t done = 0;
  try {
    // The file may shrink or grow while it is read (an atomic rename replaces it, not this inode).
    while (done < text.size()) {
      const std::size_t n = file.readAt(done, text.data() + done, text.size() - done);
      if (n == 0) break;
      done += n;
    }
  } catch (const std::exception& e) {
    if (problem) *problem = e.what();
    return std::nullopt;
  }
  text.resize(done);
  return text;
}

}  // namespace folk
