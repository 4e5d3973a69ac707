#pragma once
// Commands that write "<stem>_*" files per input into one folder (`folk mask`, `folk inspect`):
// two inputs with the same file stem (a/x.png, b/x.jpg) would overwrite each other's outputs.
#include <map>
#include <string>

#include "core/data/image_file.h"

namespace folk::cli {

class OutputStems {
 public:
  // Claims `stem` for `input`; throws ImageFileError for `input` naming the input that already
  // holds it, or when the path has no file name.
  void claim(const std::string& stem, const std::string& input) {
    if (stem.empty()) throw ImageFileError(input, "the path has no file name");
    auto [it, inserted] = owners_.emplace(stem, input);
    if (!inserted)
      throw ImageFileError(input, "its outputs would be named '" + stem + "_*' like those of " + it->second +
                                      " in this call; rename one of them or run them separately");
  }

 private:
  std::map<std::string, std::string> owners_;
};

}  // namespace folk::cli
