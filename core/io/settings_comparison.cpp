#include "core/io/settings_comparison.h"

#include <algorithm>

namespace folk {

std::vector<std::size_t> differingSettings(const std::vector<std::vector<std::string>>& runSettings) {
  std::vector<const std::vector<std::string>*> readable;
  for (const auto& settings : runSettings)
    if (!settings.empty()) readable.push_back(&settings);
  std::vector<std::size_t> differing;
  if (readable.size() < 2) return differing;
  std::size_t count = 0;
  for (const auto* settings : readable) count = std::max(count, settings->size());
  for (std::size_t i = 0; i < count; ++i) {
    // Every summary holds the whole registry; should one be shorter, its missing values differ.
    auto valueOf = [i](const std::vector<std::string>* settings) -> const std::string* {
      return i < settings->size() ? &(*settings)[i] : nullptr;
    };
    const std::string* first = valueOf(readable.front());
    const bool same = std::all_of(readable.begin() + 1, readable.end(), [&](const std::vector<std::string>* s) {
      const std::string* value = valueOf(s);
      return value == first || (value && first && *value == *first);
    });
    if (!same) differing.push_back(i);
  }
  return differing;
}

}  // namespace folk
