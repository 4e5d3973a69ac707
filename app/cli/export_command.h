#pragma once
// `folk export RUN --format safetensors --out FILE`: the backbone FOLK evaluates (the teacher where
// the objective has one) of the run's latest checkpoint, with timm (ViT) / torchvision (ResNet)
// names and the run's config as metadata, for PyTorch users (core/train/backbone_weights.h).
#include <CLI/CLI.hpp>

#include <iosfwd>
#include <string>

namespace folk::cli {

// 0 on success, 1 when the run cannot be exported, 2 for an unknown format.
int runExportCommand(const std::string& runDir, const std::string& format, const std::string& outPath,
                     std::ostream& out, std::ostream& err);

CLI::App* addExportCommand(CLI::App& app, int& exitCode);

}  // namespace folk::cli
