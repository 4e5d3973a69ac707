#include "core/method/objective.h"

#include "core/method/distillation_term.h"
#include "core/method/loss_term.h"
#include "core/method/reconstruction_term.h"

namespace folk {

namespace {
constexpr Objective kAll[] = {Objective::Folk, Objective::Mfm, Objective::MfmComRCom, Objective::FolkFixed,
                              Objective::Dino};
}

ObjectiveTraits objectiveTraits(Objective objective) {
  switch (objective) {
    case Objective::Folk: return {true, true, ViewFilter::ComRCom};
    case Objective::Mfm: return {false, true, ViewFilter::LowHighPass};
    case Objective::MfmComRCom: return {false, true, ViewFilter::ComRCom};
    case Objective::FolkFixed: return {true, true, ViewFilter::LowHighPass};
    case Objective::Dino: return {true, false, ViewFilter::None};
  }
  return {};
}

std::vector<std::unique_ptr<LossTerm>> makeLossTerms(const ObjectiveTraits& traits, const ModelConfig& model,
                                                     const MethodConfig& method, const Backbone& student,
                                                     torch::Device device) {
  std::vector<std::unique_ptr<LossTerm>> terms;
  if (traits.distill) terms.push_back(std::make_unique<DistillationTerm>(model, method, student, device));
  if (traits.reconstruct) terms.push_back(std::make_unique<ReconstructionTerm>(model, method, student, device));
  return terms;
}

std::string objectiveName(Objective objective) {
  switch (objective) {
    case Objective::Folk: return "folk";
    case Objective::Mfm: return "mfm";
    case Objective::MfmComRCom: return "mfm-comrcom";
    case Objective::FolkFixed: return "folk-fixed";
    case Objective::Dino: return "dino";
  }
  return "unknown";
}

std::optional<Objective> parseObjective(const std::string& name) {
  for (auto o : kAll) {
    if (objectiveName(o) == name) return o;
  }
  return std::nullopt;
}

std::vector<std::string> objectiveNames() {
  std::vector<std::string> names;
  for (auto o : kAll) names.push_back(objectiveName(o));
  return names;
}

}  // namespace folk
