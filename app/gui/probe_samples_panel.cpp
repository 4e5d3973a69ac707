#include "app/gui/probe_samples_panel.h"

#include <QCoreApplication>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QVBoxLayout>
#include <algorithm>

#include "core/io/run_files.h"
#include "core/util/regular_file.h"
#include "widgets/image_view.h"

namespace folk::ui {

namespace {
const QString kListJob = QStringLiteral("list");
const QString kLoadJob = QStringLiteral("load");

using Pictures = std::array<QImage, kProbePictureCount>;
constexpr std::size_t kMaxSampleBytes = std::size_t(64) << 20;  // a 224 px RGB probe image is ~150 kB
}  // namespace

ProbeSamplesPanel::ProbeSamplesPanel(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  auto* top = new QHBoxLayout;
  status_ = new QLabel(this);
  slider_ = new QSlider(Qt::Horizontal, this);
  slider_->setAccessibleName(tr("Step of the probe samples"));
  slider_->setToolTip(tr("The step whose saved probe samples are shown"));
  slider_->setPageStep(1);
  slider_->setEnabled(false);
  top->addWidget(status_);
  top->addWidget(slider_, 1);
  layout->addLayout(top);
  auto* pictures = new QHBoxLayout;
  for (ProbePicture picture : kProbePictures) {
    auto* view = new ImageView(this);
    view->setTitle(QCoreApplication::translate("ProbePicture", probePictureLabel(picture)));
    view->setMinimumSize(120, 120);
    views_[std::size_t(picture)] = view;
    pictures->addWidget(view);
  }
  layout->addLayout(pictures, 1);
  connect(slider_, &QSlider::valueChanged, this, [this](int index) {
    if (index >= 0 && index < int(steps_.size())) load(steps_[std::size_t(index)]);
  });
  setRun(QString());
}

void ProbeSamplesPanel::setRun(const QString& runPath) {
  if (runPath == run_ && !runPath.isEmpty()) return;
  run_ = runPath;
  steps_.clear();
  shownStep_ = requestedStep_ = -1;
  jobs_.cancelAll();
  {
    const QSignalBlocker blocker(slider_);
    slider_->setRange(0, 0);
    slider_->setEnabled(false);
  }
  const QString hint = run_.isEmpty() ? tr("select one run") : tr("loading…");
  for (ImageView* view : views_) {
    view->setImage(QImage());
    view->setPlaceholderText(hint);
  }
  status_->setText(run_.isEmpty() ? tr("Select one run to see its probe samples") : tr("Reading the samples…"));
  refresh();
}

void ProbeSamplesPanel::refresh() {
  if (run_.isEmpty() || jobs_.running(kListJob)) return;
  const QString runPath = run_;
  const std::string samplesDir = QDir(runPath).filePath(QLatin1String(run_files::kSamples)).toStdString();
  jobs_.start(
      kListJob, [samplesDir](JobControl&) { return listProbeSampleSteps(samplesDir); },
      [this, runPath](std::vector<std::int64_t> steps) { listed(runPath, std::move(steps)); });
}

void ProbeSamplesPanel::listed(const QString& runPath, std::vector<std::int64_t> steps) {
  if (runPath != run_) return;  // another run was selected meanwhile
  if (steps.empty()) {
    steps_.clear();
    shownStep_ = requestedStep_ = -1;
    const QSignalBlocker blocker(slider_);
    slider_->setRange(0, 0);
    slider_->setEnabled(false);
    for (ImageView* view : views_) {
      view->setImage(QImage());
      view->setPlaceholderText(tr("no samples saved"));
    }
    status_->setText(tr("This run saved no probe samples"));
    return;
  }
  if (steps == steps_) return;
  // While the newest step is shown (or none yet), a new newest step is shown when it arrives.
  const bool followNewest = steps_.empty() || slider_->value() == int(steps_.size()) - 1;
  const std::int64_t keep = requestedStep_;
  steps_ = std::move(steps);
  int index = int(steps_.size()) - 1;
  if (!followNewest) {
    const auto it = std::find(steps_.begin(), steps_.end(), keep);
    if (it != steps_.end()) index = int(it - steps_.begin());
  }
  {
    const QSignalBlocker blocker(slider_);
    slider_->setRange(0, int(steps_.size()) - 1);
    slider_->setValue(index);
    slider_->setEnabled(steps_.size() > 1);
  }
  if (steps_[std::size_t(index)] != requestedStep_) load(steps_[std::size_t(index)]);
}

void ProbeSamplesPanel::showStep(std::int64_t step) {
  const auto it = std::find(steps_.begin(), steps_.end(), step);
  if (it != steps_.end()) slider_->setValue(int(it - steps_.begin()));
}

void ProbeSamplesPanel::load(std::int64_t step) {
  requestedStep_ = step;
  status_->setText(tr("Step %L1 (%2 of %3)").arg(step).arg(slider_->value() + 1).arg(steps_.size()));
  const QDir samples(QDir(run_).filePath(QLatin1String(run_files::kSamples)));
  std::array<QString, kProbePictureCount> paths;
  for (ProbePicture picture : kProbePictures)
    paths[std::size_t(picture)] = samples.filePath(QString::fromStdString(probeSampleFileName(step, picture)));
  // Latest wins: dragging the slider fast reads only the step it rests on.
  jobs_.start(
      kLoadJob,
      [paths](JobControl& control) {
        Pictures pictures;
        for (std::size_t i = 0; i < paths.size() && !control.cancelled(); ++i) {
          // A sample is a small PNG the engine wrote: anything but a regular file of a sane size
          // (a named pipe of its name would block a plain open) is left unread.
          const auto bytes = readSmallRegularFile(paths[i].toStdString(), kMaxSampleBytes);
          if (!bytes) continue;
          pictures[i] = QImage::fromData(QByteArray::fromRawData(bytes->data(), qsizetype(bytes->size())), "PNG");
        }
        return pictures;
      },
      [this, step](Pictures pictures) {
        for (ProbePicture picture : kProbePictures) {
          ImageView* view = views_[std::size_t(picture)];
          const QImage& image = pictures[std::size_t(picture)];
          view->setImage(image);
          if (image.isNull())
            view->setPlaceholderText(picture == ProbePicture::Reconstruction ? tr("none (no reconstruction head)")
                                                                             : tr("not saved at this step"));
        }
        shownStep_ = step;
        Q_EMIT stepShown(step);
      });
}

bool ProbeSamplesPanel::upToDate() const { return jobs_.runningCount() == 0; }

QString ProbeSamplesPanel::statusText() const { return status_->text(); }

}  // namespace folk::ui
