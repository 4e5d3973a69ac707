#pragma once
// The five training objectives (DESIGN.md §3 "Objectives offered"): which views the student sees and
// which loss terms are on.
#include <optional>
#include <string>
#include <vector>

namespace folk {

enum class Objective {
  Folk,        // Com/RCom-filtered student views, distillation + reconstruction
  Mfm,         // low/high-pass-filtered student views, reconstruction only (no teacher)
  MfmComRCom,  // Com/RCom-filtered student views, reconstruction only (no teacher)
  FolkFixed,   // low/high-pass-filtered student views, distillation + reconstruction
  Dino,        // unfiltered student views, distillation only
};

// How the student's input views are made from the augmented views.
enum class ViewFilter {
  None,         // the student sees the same views as the teacher
  ComRCom,      // per image Com or RCom with a sampled ratio (FOLK)
  LowHighPass,  // per image low-pass or high-pass with a fixed radius (MFM)
};

struct ObjectiveTraits {
  bool distill = false;      // EMA teacher + projection head + DINO cross-entropy
  bool reconstruct = false;  // reconstruction head + frequency loss
  ViewFilter filter = ViewFilter::None;
};

ObjectiveTraits objectiveTraits(Objective objective);

// Command-line / config names: "folk", "mfm", "mfm-comrcom", "folk-fixed", "dino".
std::string objectiveName(Objective objective);
std::optional<Objective> parseObjective(const std::string& name);
std::vector<std::string> objectiveNames();

}  // namespace folk
