#pragma once
// Reading files that other processes own (run folders on shared disks) without ever blocking on
// something that is not a file: a named pipe (FIFO) of the expected name would block open() and
// read() until a writer appears, a device can stream forever. The type is checked with stat()
// before opening, the file is opened non-blocking and checked again with fstat() (it may have been
// swapped in between), and every read is bounded, so a damaged file costs an error, not memory.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace folk {

// Why `path` cannot be read as a regular file ("is a named pipe (FIFO), not a regular file"), or
// std::nullopt when it is one. A missing file is not a problem here (callers decide what missing
// means): std::nullopt, and *exists is set to false.
std::optional<std::string> regularFileProblem(const std::string& path, bool* exists = nullptr);

// An open regular file (closed by the destructor). `problem` says why it is not open: empty when
// the file does not exist, else a sentence naming the file.
class RegularFile {
 public:
  explicit RegularFile(const std::string& path);
  ~RegularFile();
  RegularFile(const RegularFile&) = delete;
  RegularFile& operator=(const RegularFile&) = delete;

  bool isOpen() const { return fd_ >= 0; }
  bool exists() const { return exists_; }
  const std::string& problem() const { return problem_; }
  std::uint64_t size() const { return size_; }
  std::uint64_t device() const { return device_; }
  std::uint64_t inode() const { return inode_; }
  // Reads up to `count` bytes at `offset`; returns how many (0 at the end). Throws
  // std::runtime_error naming the file on a read error.
  std::size_t readAt(std::uint64_t offset, char* buffer, std::size_t count) const;

 private:
  std::string path_;
  int fd_ = -1;
  bool exists_ = false;
  std::string problem_;
  std::uint64_t size_ = 0, device_ = 0, inode_ = 0;
};

// The whole of a small regular file. std::nullopt when it is missing or cannot be read; then
// *problem (when given) says why, naming the file ("" for a missing file). A file larger than
// maxBytes is a problem too, read no further.
std::optional<std::string> readSmallRegularFile(const std::string& path, std::size_t maxBytes,
                                                std::string* problem = nullptr);

}  // namespace folk
