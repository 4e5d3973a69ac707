#pragma once
// Results' Samples tab: the probe image of one run as the run saved it (view, mask, filtered view,
// reconstruction), at any saved step, chosen with a slider. The samples folder is listed and the
// pictures are read by background jobs (the run may lie on a network share); a run that is still
// training gains steps as they are saved, and the slider follows the newest while it is at the end.
#include <QImage>
#include <QString>
#include <QWidget>
#include <array>
#include <cstdint>
#include <vector>

#include "app/gui/background_jobs.h"
#include "core/io/probe_samples.h"

class QLabel;
class QSlider;

namespace folk::ui {

class ImageView;

class ProbeSamplesPanel : public QWidget {
  Q_OBJECT

 public:
  explicit ProbeSamplesPanel(QWidget* parent = nullptr);

  // The run folder whose samples to show; empty shows none (with a hint to select one run).
  void setRun(const QString& runPath);
  QString run() const { return run_; }
  // Lists the run's samples folder again (new steps of a run that trains).
  void refresh();

  const std::vector<std::int64_t>& steps() const { return steps_; }
  std::int64_t shownStep() const { return shownStep_; }  // -1 while none is shown
  void showStep(std::int64_t step);                      // a saved step; others are ignored
  bool upToDate() const;  // no listing or reading outstanding
  QSlider* slider() const { return slider_; }
  ImageView* view(ProbePicture picture) const { return views_[std::size_t(picture)]; }
  QString statusText() const;

 Q_SIGNALS:
  void stepShown(qint64 step);

 private:
  void listed(const QString& runPath, std::vector<std::int64_t> steps);
  void load(std::int64_t step);

  QString run_;
  std::vector<std::int64_t> steps_;
  std::int64_t shownStep_ = -1;
  std::int64_t requestedStep_ = -1;
  QSlider* slider_;
  QLabel* status_;
  std::array<ImageView*, kProbePictureCount> views_{};
  BackgroundJobs jobs_;
};

}  // namespace folk::ui
