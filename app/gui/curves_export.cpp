#include "app/gui/curves_export.h"

#include <stdexcept>

#include "app/gui/background_jobs.h"
#include "app/gui/error_banner.h"
#include "widgets/training_curves.h"

namespace folk::ui {

void exportCurves(TrainingCurves* curves, const QString& path, BackgroundJobs& jobs, ErrorBanner* errors) {
  QString error;
  const auto bytes = curves->exportBytes(path, &error);
  if (!bytes) {
    errors->addError(error);
    return;
  }
  jobs.start(
      QStringLiteral("exportCurves:") + path,
      [path, data = *bytes](JobControl&) {
        QString why;
        if (!TrainingCurves::writeBytes(path, data, &why)) throw std::runtime_error(why.toStdString());
        return true;
      },
      [](bool) {}, [errors](const QString& message) { errors->addError(message); });
}

}  // namespace folk::ui
