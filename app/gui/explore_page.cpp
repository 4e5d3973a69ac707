#include "app/gui/explore_page.h"

#include <QActionGroup>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMimeData>
#include <QHBoxLayout>
#include <QPainter>
#include <QProgressBar>
#include <QProgressDialog>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "app/gui/error_banner.h"
#include "app/gui/explore_controls.h"
#include "app/gui/image_source.h"
#include "app/gui/path_text.h"
#include "app/gui/recent_items.h"
#include "app/gui/thumbnail_loader.h"
#include "app/gui/view_export.h"
#include "core/spectral/mask_spec.h"
#include "widgets/color_map.h"
#include "widgets/image_view.h"
#include "widgets/radial_profile_plot.h"
#include "widgets/spectrum_view.h"
#include "widgets/thumbnail_strip.h"

namespace folk::ui {
namespace {

// (name, value) rows of one panel's numbers; shared by the label and numbersText().
QList<QPair<QString, QString>> numberRows(const ExplorePanelResult& p) {
  const QLocale loc;
  QList<QPair<QString, QString>> rows;
  const double pct = p.total > 0 ? 100.0 * double(p.kept) / double(p.total) : 0.0;
  // N is shown once with the image; here only the count and share, so two panels fit side by side.
  rows << qMakePair(p.soft ? QObject::tr("Gain ≥ ½") : QObject::tr("Kept"),
                    QObject::tr("%1 (%L2 %)").arg(loc.toString(qlonglong(p.kept))).arg(pct, 0, 'f', pct < 1.0 ? 3 : 2));
  rows << qMakePair(QObject::tr("Retained energy"), QObject::tr("%L1 %").arg(100.0 * p.retainedEnergy, 0, 'f', 3));
  rows << qMakePair(QObject::tr("PSNR"), std::isinf(p.psnrDb) ? QObject::tr("∞ (identical)")
                                                                : QObject::tr("%L1 dB").arg(p.psnrDb, 0, 'f', 2));
  if (folk::usesRadius(p.spec.kind))
    rows << qMakePair(QObject::tr("Radius"), QObject::tr("%L1 bins").arg(p.spec.radius, 0, 'f', 2));
  else if (!p.edited)
    rows << qMakePair(QObject::tr("Threshold τ"), loc.toString(p.threshold, 'g', 5));
  if (folk::usesBandWidth(p.spec.kind))
    rows << qMakePair(QObject::tr("Band width"), QObject::tr("%L1 bins").arg(p.spec.bandWidth, 0, 'f', 2));
  if (folk::usesOrder(p.spec.kind)) rows << qMakePair(QObject::tr("Order"), loc.toString(p.spec.order, 'g', 3));
  if (p.edited) rows << qMakePair(QObject::tr("Drawn"), QObject::tr("pass / stop regions on top"));
  return rows;
}

ImageView* makeView(const QString& title, bool smooth, QWidget* parent) {
  auto* v = new ImageView(parent);
  v->setTitle(title);
  v->setSmoothScaling(smooth);
  v->setPlaceholderText(QObject::tr("No image"));
  return v;
}

// Zoom/pan of one view is mirrored to the others (same H×W, same region of interest).
void linkViews(const QList<ImageView*>& views) {
  for (ImageView* from : views)
    for (ImageView* to : views)
      if (from != to) QObject::connect(from, &ImageView::viewStateChanged, to, &ImageView::setViewState);
}

}  // namespace

ExplorePage::ExplorePage(QWidget* parent) : QWidget(parent) {
  settings_ = ExploreSettings::load();
  worker_ = new ExploreWorker(this);
  thumbs_ = new ThumbnailLoader(this);
  connect(worker_, &ExploreWorker::resultReady, this, &ExplorePage::onResult);
  connect(thumbs_, &ThumbnailLoader::loaded, this, &ExplorePage::onThumbnail);

  banner_ = new ErrorBanner(this);
  strip_ = new ThumbnailStrip(this);
  auto* splitter = new QSplitter(Qt::Horizontal, this);
  splitter->setObjectName(QStringLiteral("exploreSplitter"));  // its sizes are kept across restarts
  splitter->addWidget(buildSidePanel());
  splitter->addWidget(buildViews());
  splitter->setStretchFactor(0, 0);
  splitter->setStretchFactor(1, 1);
  splitter->setChildrenCollapsible(false);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 6, 6, 6);
  // The progress of opening many images, with Cancel; shown only when it takes a while.
  loadingBar_ = new QWidget(this);
  loadingBar_->setObjectName(QStringLiteral("exploreLoadingBar"));
  loadingLabel_ = new QLabel(loadingBar_);
  loadingProgressBar_ = new QProgressBar(loadingBar_);
  loadingProgressBar_->setAccessibleName(tr("Progress of opening images"));
  loadingProgressBar_->setMaximumWidth(320);
  cancelLoading_ = new QPushButton(tr("Cancel"), loadingBar_);
  cancelLoading_->setObjectName(QStringLiteral("cancelLoading"));
  cancelLoading_->setShortcut(QKeySequence(Qt::Key_Escape));
  cancelLoading_->setToolTip(tr("Stop opening images; those already in the strip stay (Esc)"));
  connect(cancelLoading_, &QPushButton::clicked, this, &ExplorePage::cancelLoading);
  auto* loadingLayout = new QHBoxLayout(loadingBar_);
  loadingLayout->setContentsMargins(0, 0, 0, 0);
  loadingLayout->addWidget(loadingLabel_);
  loadingLayout->addWidget(loadingProgressBar_, 1);
  loadingLayout->addWidget(cancelLoading_);
  loadingLayout->addStretch(1);
  loadingBar_->hide();
  loadingTimer_ = new QTimer(this);
  loadingTimer_->setInterval(250);
  connect(loadingTimer_, &QTimer::timeout, this, &ExplorePage::updateLoadingBar);

  layout->addWidget(banner_);
  layout->addWidget(splitter, 1);
  layout->addWidget(loadingBar_);
  layout->addWidget(strip_);

  busyDelay_ = new QTimer(this);
  busyDelay_->setSingleShot(true);
  busyDelay_->setInterval(200);  // only long computations show the indicator (no flicker while dragging)
  connect(busyDelay_, &QTimer::timeout, this, [this] { busy_->setVisible(!upToDate()); });

  controls_->setSettings(settings_);
  applyLayout(settings_.compare);
  applyDisplaySettings();
  connect(controls_, &ExploreControls::specChanged, this, [this] {
    saveSettings();
    applyLayout(settings_.compare);
    requestUpdate();
  });
  connect(controls_, &ExploreControls::displayChanged, this, [this] {
    saveSettings();
    applyDisplaySettings();
  });
  connect(controls_, &ExploreControls::brushChanged, this, [this] {
    saveSettings();
    applyBrush();
  });
  connect(controls_, &ExploreControls::clearDrawingRequested, this, &ExplorePage::clearDrawing);
  connect(spectrum_, &SpectrumView::brushed, this, [this](double row, double column, int) { paintRegion(row, column); });
  applyBrush();
  connect(strip_, &ThumbnailStrip::currentKeyChanged, this, &ExplorePage::select);
  connect(strip_, &ThumbnailStrip::pathsDropped, this, [this](const QStringList& paths) { openPaths(paths); });
  connect(spectrum_, &SpectrumView::cursorReadout, this,
          [this](const SpectrumReadout& r) { readout_->setText(SpectrumView::formatReadout(r)); });
  connect(spectrum_, &SpectrumView::cursorLeft, this,
          [this] { readout_->setText(tr("Point at the spectrum for frequency, angle and magnitude")); });
  setAcceptDrops(true);
  strip_->setAccessibleName(tr("Open images"));
  strip_->setAccessibleDescription(tr("Thumbnails of the opened images; the selected one is shown"));
}

ExplorePage::~ExplorePage() {
  // Stop the background work while every member it reports to is still intact. A folder search
  // stops at its next file (jobs_ drops its result); one stuck on a stalled disk is not waited for.
  for (const IndexJob& job : indexing_) job.cancel->store(true);
  jobs_.cancelAll();
  delete worker_;
  worker_ = nullptr;
  delete thumbs_;
  thumbs_ = nullptr;
}

QWidget* ExplorePage::buildSidePanel() {
  auto* panel = new QWidget(this);
  auto* open = new QPushButton(tr("Open images…"), panel);
  auto* folder = new QPushButton(tr("Open folder…"), panel);
  auto* exportButton = new QPushButton(tr("Export views…"), panel);
  open->setToolTip(tr("Open image files (or drop files and folders on the window)"));
  exportButton->setToolTip(tr("Write every view of the current image as a PNG into a folder"));
  connect(open, &QPushButton::clicked, this, &ExplorePage::openImagesDialog);
  connect(folder, &QPushButton::clicked, this, &ExplorePage::openFolderDialog);
  connect(exportButton, &QPushButton::clicked, this, &ExplorePage::exportDialog);
  modelButton_ = new QPushButton(tr("Model"), panel);
  modelButton_->setToolTip(tr("Show what a trained run makes of the image: its reconstruction from the filtered "
                              "image, the CLS attention, the patch features' PCA or the error spectrum"));
  auto* modelMenu = new QMenu(modelButton_);
  modelMenu->addAction(tr("Choose run folder…"), this, &ExplorePage::chooseRunDialog);
  modelMenu->addAction(tr("No run"), this, [this] { setInspectionRun(QString()); });
  modelMenu->addSeparator();
  modelViews_ = new QActionGroup(modelMenu);
  const std::pair<ModelView, QString> viewNames[] = {{ModelView::Attention, tr("Show CLS attention (mean of heads)")},
                                                     {ModelView::Pca, tr("Show patch features (PCA as RGB)")},
                                                     {ModelView::ErrorSpectrum, tr("Show the reconstruction error's spectrum")}};
  for (const auto& [view, name] : viewNames) {
    QAction* action = modelMenu->addAction(name);
    action->setCheckable(true);
    action->setChecked(view == modelView_);
    modelViews_->addAction(action);
    connect(action, &QAction::triggered, this, [this, view = view] { setModelView(view); });
    // One head's attention: filled in once a run's model says how many heads it has.
    if (view == ModelView::Attention) headsMenu_ = modelMenu->addMenu(tr("Show CLS attention of one head"));
  }
  headsMenu_->setEnabled(false);
  modelButton_->setMenu(modelMenu);
  auto* buttons = new QGridLayout;
  buttons->addWidget(open, 0, 0);
  buttons->addWidget(folder, 0, 1);
  buttons->addWidget(exportButton, 1, 0);
  buttons->addWidget(modelButton_, 1, 1);

  auto* maskBox = new QGroupBox(tr("Mask"), panel);
  controls_ = new ExploreControls(maskBox);
  (new QVBoxLayout(maskBox))->addWidget(controls_);

  auto* numbersBox = new QGroupBox(tr("Numbers"), panel);
  auto* numbersLayout = new QVBoxLayout(numbersBox);
  imageInfo_ = new QLabel(tr("No image"), numbersBox);
  imageInfo_->setWordWrap(true);
  numbersLayout->addWidget(imageInfo_);
  for (int i = 0; i < kPanels; ++i) {
    numbersHeader_[i] = new QLabel(numbersBox);
    QFont bold = numbersHeader_[i]->font();
    bold.setBold(true);
    numbersHeader_[i]->setFont(bold);
    numbers_[i] = new QLabel(numbersBox);
    numbers_[i]->setTextFormat(Qt::RichText);
    numbers_[i]->setTextInteractionFlags(Qt::TextSelectableByMouse);
    numbersLayout->addWidget(numbersHeader_[i]);
    numbersLayout->addWidget(numbers_[i]);
  }
  busy_ = new QLabel(tr("Updating…"), numbersBox);
  busy_->setForegroundRole(QPalette::PlaceholderText);
  busy_->hide();
  numbersLayout->addWidget(busy_);

  auto* cursorBox = new QGroupBox(tr("Spectrum cursor"), panel);
  readout_ = new QLabel(tr("Point at the spectrum for frequency, angle and magnitude"), cursorBox);
  readout_->setWordWrap(true);
  readout_->setMinimumHeight(readout_->fontMetrics().height() * 3);
  readout_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  (new QVBoxLayout(cursorBox))->addWidget(readout_);

  auto* layout = new QVBoxLayout(panel);
  layout->setContentsMargins(0, 0, 4, 0);
  layout->addLayout(buttons);
  layout->addWidget(maskBox);
  layout->addWidget(numbersBox);
  layout->addWidget(cursorBox);
  layout->addStretch(1);
  panel->setMinimumWidth(300);
  panel->setMaximumWidth(420);
  return panel;
}

QWidget* ExplorePage::buildViews() {
  auto* area = new QWidget(this);
  original_ = makeView(tr("Original"), true, area);
  spectrum_ = new SpectrumView(area);
  spectrum_->setPlaceholderText(tr("No image"));
  mask_ = makeView(tr("Mask"), false, area);
  for (int i = 0; i < kPanels; ++i) {
    filtered_[i] = makeView(tr("Filtered"), true, area);
    residual_[i] = makeView(tr("Residual"), true, area);
  }
  profile_ = new RadialProfilePlot(area);
  modelTop_ = makeView(tr("Reconstruction"), true, area);
  modelBottom_ = makeView(tr("Attention"), false, area);
  modelTop_->setPlaceholderText(tr("No run chosen"));
  modelBottom_->setPlaceholderText(tr("No run chosen"));
  linkViews({original_, filtered_[0], residual_[0], filtered_[1], residual_[1]});
  linkViews({spectrum_, mask_});

  // Columns: image | frequency domain | panel 0 | panel 1 (compare mode only).
  grid_ = new QGridLayout(area);
  grid_->setContentsMargins(0, 0, 0, 0);
  grid_->setSpacing(6);
  grid_->addWidget(original_, 0, 0);
  grid_->addWidget(profile_, 1, 0);
  grid_->addWidget(spectrum_, 0, 1);
  grid_->addWidget(mask_, 1, 1);
  for (int i = 0; i < kPanels; ++i) {
    grid_->addWidget(filtered_[i], 0, 2 + i);
    grid_->addWidget(residual_[i], 1, 2 + i);
  }
  // Column 4: the run's model, when one is chosen.
  grid_->addWidget(modelTop_, 0, 4);
  grid_->addWidget(modelBottom_, 1, 4);
  for (int c = 0; c < 5; ++c) grid_->setColumnStretch(c, 1);
  grid_->setRowStretch(0, 1);
  grid_->setRowStretch(1, 1);
  return area;
}

void ExplorePage::applyLayout(bool compare) {
  filtered_[1]->setVisible(compare);
  residual_[1]->setVisible(compare);
  grid_->setColumnStretch(3, compare ? 1 : 0);
  const bool model = !inspectRun_.isEmpty();
  modelTop_->setVisible(model);
  modelBottom_->setVisible(model);
  grid_->setColumnStretch(4, model ? 1 : 0);
  numbersHeader_[1]->setVisible(compare);
  numbers_[1]->setVisible(compare);
}

void ExplorePage::applyDisplaySettings() {
  spectrum_->setOverlayVisible(settings_.overlay);
  if (auto map = ColorMap::parse(settings_.colorMap)) spectrum_->setColorMap(*map);
  if (auto scale = parseSpectrumScale(settings_.spectrumScale)) spectrum_->setScale(*scale);
  updateSpectrumTitle();
}

void ExplorePage::updateSpectrumTitle() {
  // Says what the picture is: its scale, and the window when the spectrum shown is of the tapered image.
  const QString title = tr("Spectrum · %1", "the scale of its colours, e.g. decibels").arg(spectrumScaleLabel(spectrum_->scale()));
  spectrum_->setTitle(shownHannWindow_ ? tr("%1 · Hann window", "a spectrum's title").arg(title) : title);
}

void ExplorePage::applyBrush() {
  const bool on = controls_->brush() != ExploreControls::Brush::Off;
  spectrum_->setBrushRadius(on ? controls_->brushRadius() : 0.0);
}

void ExplorePage::paintRegion(double row, double column) {
  if (!shown_ || !shown_->error.isEmpty() || shown_->height <= 0 || shown_->width <= 0) return;
  const ExploreControls::Brush brush = controls_->brush();
  const folk::MaskEdit edit = brush == ExploreControls::Brush::Pass   ? folk::MaskEdit::Pass
                              : brush == ExploreControls::Brush::Stop ? folk::MaskEdit::Stop
                                                                      : folk::MaskEdit::None;
  if (brush == ExploreControls::Brush::Off) return;
  auto next = edits_ && edits_->height == shown_->height && edits_->width == shown_->width
                  ? std::make_shared<folk::MaskEdits>(*edits_)
                  : std::make_shared<folk::MaskEdits>(shown_->height, shown_->width);
  if (folk::paintDisc(*next, row, column, controls_->brushRadius(), edit) == 0) return;
  const std::int64_t forced = std::count_if(next->value.begin(), next->value.end(),
                                            [](folk::MaskEdit e) { return e != folk::MaskEdit::None; });
  edits_ = forced > 0 ? std::shared_ptr<const folk::MaskEdits>(std::move(next)) : nullptr;
  controls_->setDrawnCount(forced);
  requestUpdate();
}

void ExplorePage::clearDrawing() {
  if (!edits_) return;
  edits_.reset();
  controls_->setDrawnCount(0);
  requestUpdate();
}

void ExplorePage::saveSettings() {
  settings_ = controls_->settings(settings_);
  settings_.save();
}

void ExplorePage::openSamples() {
  const QStringList keys = sampleImageKeys();
  selectQueue_ = keys;
  for (const QString& key : keys)
    if (!strip_->contains(key)) loadThumbnail(key);
  if (strip_->contains(keys.first())) {
    selectQueue_.clear();
    strip_->selectKey(keys.first());
  }
}

void ExplorePage::openPaths(const QStringList& paths, bool selectFirst) {
  for (const QString& path : paths) addRecentItem(QLatin1String(kRecentImages), path);  // File → Open Recent
  // Even telling a file from a folder touches the disk, which may be a stalled network share, and
  // searching a big folder tree takes a while: all of it runs off the GUI thread.
  IndexJob job;
  job.cancel = std::make_shared<std::atomic<bool>>(false);
  job.found = std::make_shared<std::atomic<int>>(0);
  if (!loading()) {
    loadingCancelled_ = false;
    loadingSince_.start();
  }
  const auto cancel = job.cancel;
  const auto found = job.found;
  jobs_.start(
      QString(), [paths, cancel, found](JobControl&) { return expandImagePaths(paths, 5000, cancel.get(), found.get()); },
      [this, selectFirst, cancel](ExpandedPaths expanded) {
        if (cancel->load()) expanded.cancelled = true;  // cancelled after the search ended: open nothing
        indexing_.erase(std::remove_if(indexing_.begin(), indexing_.end(),
                                       [&](const IndexJob& j) { return j.cancel == cancel; }),
                        indexing_.end());
        if (expanded.cancelled)
          Q_EMIT statusMessage(tr("Opening cancelled"), 5000);
        else
          openExpanded(expanded, selectFirst);
        updateLoadingBar();
      });
  indexing_.append(job);
  Q_EMIT statusMessage(tr("Opening %1 …").arg(QDir::toNativeSeparators(paths.join(QStringLiteral(", ")))), 3000);
  updateLoadingBar();
}

void ExplorePage::loadThumbnail(const QString& key) {
  if (!loading()) {
    loadingCancelled_ = false;
    loadingSince_.start();
  }
  if (thumbsPending_ == 0) thumbsDone_ = thumbsTotal_ = 0;  // a new burst
  ++thumbsPending_;
  ++thumbsTotal_;
  thumbs_->load(key);
  updateLoadingBar();
}

void ExplorePage::cancelLoading() {
  if (!loading()) return;
  loadingCancelled_ = true;
  for (const IndexJob& job : indexing_) job.cancel->store(true);
  const int dropped = thumbs_->cancelPending();
  thumbsPending_ = std::max(0, thumbsPending_ - dropped);
  thumbsTotal_ = std::max(thumbsDone_, thumbsTotal_ - dropped);
  if (dropped > 0)
    Q_EMIT statusMessage(tr("Opening cancelled: %n image(s) not opened", nullptr, dropped), 8000);
  updateLoadingBar();
}

void ExplorePage::updateLoadingBar() {
  if (!loading()) {
    loadingTimer_->stop();
    loadingBar_->hide();
    if (wasLoading_) {
      wasLoading_ = false;
      Q_EMIT loadingFinished(loadingCancelled_);
    }
    return;
  }
  wasLoading_ = true;
  if (!loadingTimer_->isActive()) loadingTimer_->start();
  if (!indexing_.isEmpty()) {
    int found = 0;
    for (const IndexJob& job : indexing_) found += job.found->load();
    loadingLabel_->setText(tr("Looking for images: %n found", nullptr, found));
    loadingProgressBar_->setRange(0, 0);  // busy: the total is not known yet
    Q_EMIT loadingProgress(0, 0);
  } else {
    loadingLabel_->setText(tr("Opening images: %1 of %2").arg(thumbsDone_).arg(thumbsTotal_));
    loadingProgressBar_->setRange(0, std::max(1, thumbsTotal_));
    loadingProgressBar_->setValue(thumbsDone_);
    Q_EMIT loadingProgress(thumbsDone_, thumbsTotal_);
  }
  // Quick work (a few images) finishes before the bar would flicker into view.
  if (!loadingBar_->isVisible() && loadingSince_.isValid() && loadingSince_.elapsed() >= 400) loadingBar_->show();
}

void ExplorePage::openExpanded(const ExpandedPaths& expanded, bool selectFirst) {
  for (const QString& problem : expanded.problems) reportError(problem);
  if (expanded.truncated)
    Q_EMIT statusMessage(tr("Only the first %n image(s) were opened", nullptr, int(expanded.files.size())), 8000);
  if (expanded.files.isEmpty()) return;
  selectQueue_ = selectFirst ? expanded.files : QStringList();
  for (const QString& file : expanded.files) {
    if (strip_->contains(file)) {
      // Already open: reopening it means "show it again", and reload in case it changed on disk.
      worker_->forget(file);
      if (selectQueue_.contains(file) && selectQueue_.first() == file) {
        selectQueue_.clear();
        strip_->selectKey(file);
        if (file == currentKey_) {
          shownImageKey_.clear();
          requestUpdate();
        }
      }
      continue;
    }
    loadThumbnail(file);
  }
  Q_EMIT statusMessage(tr("Opening %n image(s)…", nullptr, int(expanded.files.size())), 3000);
}

void ExplorePage::onThumbnail(const ThumbnailResult& r) {
  if (thumbsPending_ > 0) {
    --thumbsPending_;
    ++thumbsDone_;
  }
  struct UpdateAtEnd {  // the progress (and loadingFinished) once the strip shows this image
    ExplorePage* page;
    ~UpdateAtEnd() { page->updateLoadingBar(); }
  } updateAtEnd{this};
  if (!r.error.isEmpty()) {
    selectQueue_.removeAll(r.key);
    reportError(r.error);
    return;
  }
  strip_->addThumbnail(r.key, displayNameForKey(r.key), r.thumbnail,
                       QStringLiteral("%1\n%2").arg(isResourceKey(r.key) ? tr("Sample photo %1").arg(displayNameForKey(r.key)) : r.key, r.info));
  if (selectQueue_.contains(r.key)) {
    selectQueue_.clear();
    strip_->selectKey(r.key);
  }
}

void ExplorePage::reportError(const QString& message) {
  banner_->addError(message);
  Q_EMIT statusMessage(message, 10000);
}

void ExplorePage::select(const QString& key) {
  if (key == currentKey_) return;
  currentKey_ = key;
  Q_EMIT currentImageChanged(displayNameForKey(key));
  requestUpdate();
}

void ExplorePage::selectNext(int delta) {
  const int n = strip_->count();
  if (n == 0) return;
  const int row = strip_->currentRow();
  strip_->setCurrentRow(((row < 0 ? 0 : row + delta) % n + n) % n);
}

void ExplorePage::requestUpdate() {
  if (currentKey_.isEmpty()) return;
  ExploreRequest request;
  request.key = currentKey_;
  request.specs = controls_->specs();
  request.hannWindow = settings_.hannWindow;
  request.edits = edits_;
  request.run = inspectRun_;
  request.wantImage = shownImageKey_ != currentKey_ || shownHannWindow_ != settings_.hannWindow;
  requested_ = worker_->submit(std::move(request));
  if (!busyDelay_->isActive()) busyDelay_->start();
}

bool ExplorePage::upToDate() const { return shown_ && shown_->generation == worker_->latestGeneration(); }

void ExplorePage::onResult(ExploreResultPtr r) {
  if (!r || r->generation != worker_->latestGeneration()) return;  // a newer request is on its way
  busyDelay_->stop();
  busy_->hide();
  shown_ = r;
  if (!r->error.isEmpty()) {
    reportError(r->error);
    shownImageKey_.clear();
    for (ImageView* v : {original_, static_cast<ImageView*>(spectrum_), mask_, filtered_[0], filtered_[1], residual_[0], residual_[1]})
      v->clear();
    spectrum_->setLogSpectrum({}, 0, 0);
    profile_->clearProfile();
    imageInfo_->setText(r->error);
    Q_EMIT resultShown();
    return;
  }
  if (r->hasImage) {
    original_->setImage(r->original);
    spectrum_->setLogSpectrum(r->logSpectrum, r->height, r->width);
    profile_->setProfile(r->profileRadius, r->profilePower);
    shownImageKey_ = r->key;
    shownHannWindow_ = r->hannWindow;
    updateSpectrumTitle();
    controls_->setDefaultRadiusHint(folk::defaultRadius(r->height, r->width));
    if (edits_ && (edits_->height != r->height || edits_->width != r->width)) {
      Q_EMIT statusMessage(tr("The drawn regions were for a %1×%2 spectrum; this image is %3×%4, so they are "
                              "cleared")
                               .arg(edits_->width)
                               .arg(edits_->height)
                               .arg(r->width)
                               .arg(r->height),
                           8000);
      edits_.reset();
      controls_->setDrawnCount(0);
    }
  }
  for (int i = 0; i < kPanels; ++i) {
    if (i >= int(r->panels.size())) {
      filtered_[i]->clear();
      residual_[i]->clear();
      continue;
    }
    const ExplorePanelResult& p = r->panels[i];
    const QString label = p.edited ? tr("%1 + drawn", "a filter's label with hand-drawn regions").arg(specLabel(p.spec))
                                   : specLabel(p.spec);
    if (i == 0) {
      mask_->setImage(p.maskImage);
      mask_->setTitle(p.soft ? tr("Mask — %1 (white = kept, grey = gain)").arg(label)
                             : tr("Mask — %1 (white = kept)").arg(label));
      spectrum_->setMask(p.gain, r->height, r->width);
    }
    filtered_[i]->setImage(p.filtered);
    filtered_[i]->setTitle(tr("Filtered — %1").arg(label));
    residual_[i]->setImage(p.residual);
    residual_[i]->setTitle(tr("Residual — %1 (removed + 0.5)").arg(label));
  }
  showNumbers(*r);
  showProfileCut(*r);
  showModel(*r);
  Q_EMIT resultShown();
}

void ExplorePage::setInspectionRun(const QString& runFolder) {
  if (runFolder == inspectRun_) return;
  inspectRun_ = runFolder;
  modelErrorReported_.clear();
  const QString name = modelButton_->fontMetrics().elidedText(fileNameOf(runFolder), Qt::ElideMiddle, 130);
  modelButton_->setText(runFolder.isEmpty() ? tr("Model") : tr("Model: %1").arg(name));
  modelButton_->setToolTip(runFolder.isEmpty() ? tr("Show what a trained run makes of the image")
                                               : tr("The run shown beside the filters: %1").arg(runFolder));
  modelTop_->clear();
  modelBottom_->clear();
  applyLayout(settings_.compare);
  requestUpdate();
}

void ExplorePage::setModelView(ModelView view, int head) {
  modelView_ = view;
  attentionHead_ = view == ModelView::Attention ? head : -1;
  if (shown_) showModel(*shown_);
}

void ExplorePage::chooseRunDialog() {
  const QString start = inspectRun_.isEmpty() ? runsDir_ : parentOf(inspectRun_);
  const QString folder = QFileDialog::getExistingDirectory(this, tr("Choose a run folder"), start);
  if (!folder.isEmpty()) setInspectionRun(folder);
}

void ExplorePage::showModel(const ExploreResult& r) {
  if (inspectRun_.isEmpty() || !r.model || r.model->run != inspectRun_) return;
  const ExploreModelResult& m = *r.model;
  if (!m.error.isEmpty()) {
    modelTop_->clear();
    modelBottom_->clear();
    modelTop_->setPlaceholderText(m.error);
    if (m.error != modelErrorReported_) reportError(m.error);  // once, not at every change of the filter
    modelErrorReported_ = m.error;
    return;
  }
  const QString who = tr("step %1", "a run's checkpoint").arg(m.step);
  if (headsMenu_->actions().size() != m.attentionHeads.size()) {
    headsMenu_->clear();
    for (int head = 0; head < m.attentionHeads.size(); ++head) {
      QAction* action = headsMenu_->addAction(tr("Head %1").arg(head + 1));
      action->setCheckable(true);
      modelViews_->addAction(action);
      connect(action, &QAction::triggered, this, [this, head] { setModelView(ModelView::Attention, head); });
    }
    headsMenu_->setEnabled(!m.attentionHeads.isEmpty());
    if (attentionHead_ >= m.attentionHeads.size()) attentionHead_ = -1;
  }
  modelBottom_->setOverlay(QImage());
  modelBottom_->setOverlayVisible(false);
  if (m.reconstruction.isNull()) {
    modelTop_->clear();
    modelTop_->setPlaceholderText(tr("%1 has no reconstruction head").arg(m.modelName));
  } else {
    modelTop_->setImage(m.reconstruction);
    modelTop_->setTitle(tr("Reconstruction · %1 · PSNR %L2 dB")
                            .arg(who)
                            .arg(m.reconstructionMse > 0.0 ? 10.0 * std::log10(1.0 / m.reconstructionMse) : 99.0, 0, 'f', 1));
  }
  switch (modelView_) {
    case ModelView::Attention:
      if (m.attentionMean.isNull()) {
        modelBottom_->clear();
        modelBottom_->setPlaceholderText(tr("%1 is not a ViT: no attention").arg(m.modelName));
      } else {
        const bool one = attentionHead_ >= 0 && attentionHead_ < m.attentionHeads.size();
        modelBottom_->setImage(m.input);
        modelBottom_->setOverlay(one ? m.attentionHeads[attentionHead_] : m.attentionMean);
        modelBottom_->setOverlayVisible(true);
        modelBottom_->setTitle(one ? tr("CLS attention · head %1 of %2 · %3").arg(attentionHead_ + 1).arg(m.attentionHeads.size()).arg(m.featuresRole)
                                   : tr("CLS attention · mean of %n head(s) · %1", "", int(m.attentionHeads.size())).arg(m.featuresRole));
      }
      break;
    case ModelView::Pca:
      modelBottom_->setImage(m.pca);
      modelBottom_->setTitle(tr("Patch PCA · %1 · %L2 / %L3 / %L4 %")
                                 .arg(m.featuresRole)
                                 .arg(100.0 * m.pcaVariance[0], 0, 'f', 1)
                                 .arg(100.0 * m.pcaVariance[1], 0, 'f', 1)
                                 .arg(100.0 * m.pcaVariance[2], 0, 'f', 1));
      break;
    case ModelView::ErrorSpectrum:
      if (m.errorSpectrum.isNull()) {
        modelBottom_->clear();
        modelBottom_->setPlaceholderText(tr("%1 has no reconstruction head").arg(m.modelName));
      } else {
        modelBottom_->setImage(m.errorSpectrum);
        modelBottom_->setTitle(tr("Reconstruction error · log(1 + |F|)"));
      }
      break;
  }
}

void ExplorePage::showNumbers(const ExploreResult& r) {
  const QLocale loc;
  QString timing = tr("mask + filter %L1 ms").arg(r.analysisMs, 0, 'f', 1);
  if (!r.cachedImage) timing = tr("decode + spectrum %L1 ms, ").arg(r.prepareMs, 0, 'f', 1) + timing;
  imageInfo_->setText(tr("<b>%1</b> — %2×%3 %4<br>N = %5 coefficients<br>%6")
                          .arg(displayNameForKey(r.key).toHtmlEscaped())
                          .arg(r.width)
                          .arg(r.height)
                          .arg(r.channels == 1 ? tr("grey") : tr("RGB"))
                          .arg(loc.toString(qlonglong(std::int64_t(r.width) * r.height)))
                          .arg(timing));
  for (int i = 0; i < kPanels; ++i) {
    if (i >= int(r.panels.size())) {
      numbers_[i]->clear();
      numbersHeader_[i]->clear();
      continue;
    }
    numbersHeader_[i]->setText(specLabel(r.panels[i].spec));
    QString html = QStringLiteral("<table cellspacing='0' cellpadding='1'>");
    for (const auto& row : numberRows(r.panels[i]))
      html += QStringLiteral("<tr><td>%1&nbsp;&nbsp;</td><td align='right'>%2</td></tr>")
                  .arg(row.first.toHtmlEscaped(), row.second.toHtmlEscaped());
    numbers_[i]->setText(html + QStringLiteral("</table>"));
  }
}

void ExplorePage::showProfileCut(const ExploreResult& r) {
  if (r.panels.empty()) {
    profile_->clearCut();
    return;
  }
  const folk::MaskSpec& spec = r.panels[0].spec;
  if (folk::usesRadius(spec.kind))
    profile_->setRadiusCut(spec.radius);
  else if (r.panels[0].edited)
    profile_->clearCut();  // drawn regions: no single magnitude divides kept from removed
  else
    profile_->setLevelCut(r.panels[0].threshold * r.panels[0].threshold);
}

QString ExplorePage::numbersText(int panel) const {
  if (!shown_ || panel < 0 || panel >= int(shown_->panels.size())) return {};
  QStringList lines;
  for (const auto& row : numberRows(shown_->panels[panel])) lines << row.first + QStringLiteral(": ") + row.second;
  return lines.join(QLatin1Char('\n'));
}

QString ExplorePage::errorText() const { return banner_->text(); }
QStringList ExplorePage::errors() const { return banner_->errors(); }
QString ExplorePage::readoutText() const { return readout_->text(); }

QList<ViewExportFile> ExplorePage::viewExportFiles(QString* error) const {
  if (!shown_ || !shown_->error.isEmpty() || shown_->panels.empty()) {
    if (error) *error = tr("There is no image to export");
    return {};
  }
  const QString stem = QFileInfo(shown_->key).completeBaseName();
  QList<ViewExportFile> files;
  files.append({stem + QStringLiteral("_original.png"), original_->image()});
  files.append({stem + QStringLiteral("_spectrum.png"), spectrum_->image()});
  for (int i = 0; i < int(shown_->panels.size()); ++i) {
    const ExplorePanelResult& p = shown_->panels[i];
    const QString tag = stem + QLatin1Char('_') + specTag(p.spec) + (p.edited ? QStringLiteral("_drawn") : QString());
    files.append({tag + QStringLiteral("_mask.png"), p.maskImage});
    files.append({tag + QStringLiteral("_filtered.png"), p.filtered});
    files.append({tag + QStringLiteral("_residual.png"), p.residual});
    if (i == 0 && !spectrum_->overlay().isNull()) {
      QImage composed = spectrum_->image().convertToFormat(QImage::Format_ARGB32_Premultiplied);
      QPainter painter(&composed);
      painter.drawImage(0, 0, spectrum_->overlay());
      painter.end();
      files.append({tag + QStringLiteral("_spectrum_overlay.png"), composed.convertToFormat(QImage::Format_RGB32)});
    }
  }
  if (shown_->model && shown_->model->error.isEmpty()) {
    const ExploreModelResult& m = *shown_->model;
    const QString tag = stem + QStringLiteral("_model_") + specTag(shown_->panels[0].spec);
    if (!m.reconstruction.isNull()) files.append({tag + QStringLiteral("_reconstruction.png"), m.reconstruction});
    if (!m.errorSpectrum.isNull()) files.append({tag + QStringLiteral("_error_spectrum.png"), m.errorSpectrum});
    if (!m.attentionMean.isNull()) files.append({stem + QStringLiteral("_model_attention_mean.png"), m.attentionMean});
    files.append({stem + QStringLiteral("_model_pca.png"), m.pca});
  }
  files.append({stem + QStringLiteral("_profile.png"),
                profile_->toPixmap(std::max(640, profile_->width()), std::max(400, profile_->height())).toImage()});
  return files;
}

bool ExplorePage::exporting() const { return jobs_.running(QStringLiteral("exportViews")); }

void ExplorePage::exportViews(const QString& folder) {
  QString error;
  const QList<ViewExportFile> files = viewExportFiles(&error);
  if (files.isEmpty()) {
    reportError(error);
    return;
  }
  if (exportStop_) exportStop_->store(true);  // a newer export replaces a running one
  const auto stop = std::make_shared<std::atomic<bool>>(false);
  exportStop_ = stop;
  if (!exportProgress_) {
    exportProgress_ = new QProgressDialog(tr("Exporting views…"), tr("Cancel"), 0, 1, this);
    exportProgress_->setAutoReset(false);  // reset() (and so hide) when the job's answer arrives
    exportProgress_->reset();              // not shown until an export runs for a moment
  }
  QObject::disconnect(exportProgress_, &QProgressDialog::canceled, nullptr, nullptr);
  connect(exportProgress_, &QProgressDialog::canceled, this, [stop] { stop->store(true); });
  exportProgress_->setMinimumDuration(500);
  exportProgress_->setRange(0, int(files.size()));
  exportProgress_->setValue(0);
  jobs_.start(
      QStringLiteral("exportViews"),
      [folder, files, stop](JobControl& control) {
        return writeViewExport(folder, files, [&](int done, int total) {
          control.setProgress(done, total);
          return !stop->load() && !control.cancelled();
        });
      },
      [this, folder](ViewExportResult result) {
        exportProgress_->reset();
        if (result.cancelled)
          Q_EMIT statusMessage(tr("Export cancelled after %n file(s)", nullptr, int(result.written.size())), 8000);
        else
          Q_EMIT statusMessage(tr("Exported %n PNG file(s) to %1", nullptr, int(result.written.size()))
                                   .arg(QDir::toNativeSeparators(folder)),
                               8000);
        Q_EMIT viewsExported(result.written, result.cancelled);
      },
      [this](const QString& message) {
        exportProgress_->reset();
        reportError(message);
      },
      [this](qint64 done, qint64 total) {
        if (exportProgress_->wasCanceled()) return;
        exportProgress_->setMaximum(int(total));
        exportProgress_->setValue(int(done));
      });
}

void ExplorePage::openImagesDialog() {
  QStringList patterns;
  for (const QString& s : imageFileSuffixes()) patterns << QStringLiteral("*.") + s;
  const QStringList files = QFileDialog::getOpenFileNames(
      this, tr("Open images"), settings_.lastFolder,
      tr("Images (%1);;All files (*)").arg(patterns.join(QLatin1Char(' '))));
  if (files.isEmpty()) return;
  settings_.lastFolder = QFileInfo(files.first()).absolutePath();
  saveSettings();
  openPaths(files);
}

void ExplorePage::openFolderDialog() {
  const QString folder = QFileDialog::getExistingDirectory(this, tr("Open a folder of images"), settings_.lastFolder);
  if (folder.isEmpty()) return;
  settings_.lastFolder = folder;
  saveSettings();
  openPaths({folder});
}

void ExplorePage::exportDialog() {
  if (!shown_ || shown_->panels.empty()) {
    Q_EMIT statusMessage(tr("Open an image first: there is nothing to export"), 5000);
    return;
  }
  const QString folder = QFileDialog::getExistingDirectory(this, tr("Export views as PNG into"),
                                                           lastDirectory(QStringLiteral("exportViews"), settings_.lastFolder));
  if (folder.isEmpty()) return;
  rememberDirectory(QStringLiteral("exportViews"), folder);
  exportViews(folder);
}

void ExplorePage::dragEnterEvent(QDragEnterEvent* event) {
  if (!localPathsFromMime(event->mimeData()).isEmpty()) event->acceptProposedAction();
}

void ExplorePage::dropEvent(QDropEvent* event) {
  const QStringList paths = localPathsFromMime(event->mimeData());
  if (paths.isEmpty()) return;
  event->acceptProposedAction();
  openPaths(paths);
}

}  // namespace folk::ui
