#pragma once
// eval.json of a run: the latest evaluation in full, plus a short history of the earlier ones
// (step and top-1 figures), so periodic evaluations during training can be plotted.
#include <nlohmann/json.hpp>

#include <string>

#include "core/train/session_observer.h"

namespace folk {

nlohmann::json toJson(const ProbeScores& scores);
nlohmann::json toJson(const EvalProtocolInfo& protocol);
nlohmann::json toJson(const EvalReport& report);

// Rewrites `path` atomically with `report` as the latest result, keeping the history of the file
// already there (an unreadable old file starts a new history).
void writeEvalJson(const std::string& path, const EvalReport& report);

// "teacher k-NN 71.2 %, linear 75.0 %, 1 % labels 40.1 ± 1.2 %, 10 % labels 60.3 ± 0.4 %,
// effective rank 23.4 of 128 | random-init k-NN ..."
std::string evalSummary(const EvalReport& report);
// "full protocol, 60000 train / 10000 test images"
std::string protocolText(const EvalReport& report);

}  // namespace folk
