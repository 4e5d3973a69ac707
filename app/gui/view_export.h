#pragma once
// Writing the Explore views to PNG files: names that say what each file shows, and atomic writes
// (QSaveFile) so an interrupted export never leaves a truncated PNG behind.
#include <QImage>
#include <QString>

#include "core/spectral/mask_spec.h"

namespace folk::ui {

// "com_rho0.05", "rcom_rho0.001", "lowpass_r36.6", with "_relative" for the relative mode.
QString specTag(const folk::MaskSpec& spec);

// Short human label: "Com ρ=0.05", "Low-pass r=36.6".
QString specLabel(const folk::MaskSpec& spec);

// Returns an empty string on success, else a sentence naming the file and the problem.
QString savePngAtomically(const QImage& image, const QString& path);

}  // namespace folk::ui
