#pragma once
// Several runs' settings side by side (Results' Settings tab): which settings of the registry
// differ between them. A run's settings are RunSummary::settings, one text per setting in
// settingsRegistry() order.
#include <cstddef>
#include <string>
#include <vector>

namespace folk {

// The indices (into settingsRegistry()) of the settings whose value is not the same in every run,
// in registry order. A run whose settings are empty (its config.json could not be read) takes no
// part; fewer than two runs that take part differ in nothing.
std::vector<std::size_t> differingSettings(const std::vector<std::vector<std::string>>& runSettings);

}  // namespace folk
