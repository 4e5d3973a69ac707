#pragma once
// The one place that decides where run folders go when nobody names a folder: `folk train`,
// `folk runs` and the workbench's Train and Results workspaces all ask here, so a run started in a
// terminal shows up in the workbench and the other way round.
#include <optional>
#include <string>

namespace folk {

// The environment variable that overrides the default runs folder for the CLI and the GUI.
inline constexpr const char* kRunsFolderVariable = "FOLK_RUNS_DIR";

// $FOLK_RUNS_DIR when it is set and not empty.
std::optional<std::string> runsFolderFromEnvironment();

// $FOLK_RUNS_DIR, else "FOLK runs" in the user's documents folder: XDG_DOCUMENTS_DIR of
// $XDG_CONFIG_HOME/user-dirs.dirs (~/.config when unset), as Qt and the desktop read it, else
// ~/Documents.
std::string defaultRunsFolder();

}  // namespace folk
