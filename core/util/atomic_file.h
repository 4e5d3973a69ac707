#pragma once
// Crash-safe file writes: data goes to "<path>.tmp-<pid>-<n>", is flushed and fsync'ed, then renamed
// over `path`. A crash leaves either the old file or the new one, never half of one (DESIGN.md §5).
#include <cstddef>
#include <stdexcept>
#include <string>

namespace folk {

class FileWriteError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Throws FileWriteError naming the file and the system error (disk full, permission, ...).
void writeFileAtomically(const std::string& path, const void* data, std::size_t size);
void writeFileAtomically(const std::string& path, const std::string& contents);

// A temporary name next to `path` for writers that produce the file themselves (e.g. OpenCV).
std::string temporarySiblingPath(const std::string& path);
// fsyncs `tmpPath` and renames it to `path`; removes tmpPath and throws on failure.
void commitTemporaryFile(const std::string& tmpPath, const std::string& path);

}  // namespace folk
