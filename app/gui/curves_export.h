#pragma once
// The Export… button of a page's curves: the picture or the data is drawn on the GUI thread (no
// file is touched there) and written to the chosen file by a background job, since the folder may be
// a network share. A failure, with the file's name, goes to the page's banner.
#include <QString>

namespace folk::ui {

class BackgroundJobs;
class ErrorBanner;
class TrainingCurves;

void exportCurves(TrainingCurves* curves, const QString& path, BackgroundJobs& jobs, ErrorBanner* errors);

}  // namespace folk::ui
