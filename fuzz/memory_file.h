#pragma once
// The fuzz input as a file: the parsers under test read paths (open, pread, gzopen, ifstream), so
// each input is written to an anonymous in-memory file (memfd) and passed as /proc/self/fd/N.
// Nothing touches the disk, and the file disappears when the object does.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

namespace folk::fuzz {

class MemoryFile {
 public:
  MemoryFile(const std::uint8_t* data, std::size_t size) {
    fd_ = memfd_create("folk-fuzz-input", 0);
    if (fd_ < 0) std::abort();  // the harness, not the code under test, is broken
    std::size_t written = 0;
    while (written < size) {
      const ssize_t n = ::write(fd_, data + written, size - written);
      if (n <= 0) std::abort();
      written += std::size_t(n);
    }
    path_ = "/proc/self/fd/" + std::to_string(fd_);
  }
  ~MemoryFile() { ::close(fd_); }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;

  const std::string& path() const { return path_; }

 private:
  int fd_ = -1;
  std::string path_;
};

}  // namespace folk::fuzz
