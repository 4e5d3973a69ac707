#pragma once
// Writing the Explore views to PNG files: names that say what each file shows, and atomic writes
// (QSaveFile) so an interrupted export never leaves a truncated PNG behind.
#include <QImage>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

#include "core/spectral/mask_spec.h"

namespace folk::ui {

// "com_rho0.05", "rcom_rho0.001", "lowpass_r36.6", with "_relative" for the relative mode.
QString specTag(const folk::MaskSpec& spec);

// Short human label: "Com ρ=0.05", "Low-pass r=36.6".
QString specLabel(const folk::MaskSpec& spec);

// Returns an empty string on success, else a sentence naming the file and the problem.
QString savePngAtomically(const QImage& image, const QString& path);

// One file of an export: its name inside the chosen folder and the picture.
struct ViewExportFile {
  QString name;
  QImage image;
};

struct ViewExportResult {
  QStringList written;  // full paths, in order
  bool cancelled = false;
};

// Creates `folder` and writes the files into it, each atomically. Before each file `proceed` gets
// (files written, files in all); returning false stops the export (cancelled). Touches the disk:
// run it in a background job (the folder may be a network share). Throws std::runtime_error with a
// sentence naming the folder or the file at the first failure.
ViewExportResult writeViewExport(const QString& folder, const QList<ViewExportFile>& files,
                                 const std::function<bool(int done, int total)>& proceed);

}  // namespace folk::ui
