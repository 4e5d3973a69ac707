#pragma once
// The Explore workspace: open images (dialogs, drag & drop, thumbnail strip, embedded samples),
// pick a mask (Com / RCom / low-pass / high-pass, rho, radius, threshold mode, Com-vs-RCom compare)
// and see, side by side, the original, its log spectrum (with the mask as overlay), the mask, the
// filtered image and the residual, with the numbers (kept coefficients, retained energy, PSNR, tau)
// and the radial power profile. All FFT work runs on ExploreWorker's thread.
#include <QElapsedTimer>
#include <QStringList>
#include <QWidget>
#include <array>
#include <atomic>
#include <functional>
#include <memory>

#include "app/gui/background_jobs.h"
#include "app/gui/explore_settings.h"
#include "app/gui/explore_worker.h"
#include "core/spectral/mask.h"
#include "app/gui/image_source.h"
#include "app/gui/view_export.h"

class QActionGroup;
class QLabel;
class QMenu;
class QGridLayout;
class QProgressBar;
class QProgressDialog;
class QPushButton;
class QTimer;

namespace folk::ui {

class ErrorBanner;
class ExploreControls;
class ImageView;
class RadialProfilePlot;
class SpectrumView;
class ThumbnailLoader;
class ThumbnailStrip;
struct ThumbnailResult;

class ExplorePage : public QWidget {
  Q_OBJECT

 public:
  static constexpr int kPanels = 2;  // panel 0: the chosen filter (Com in compare), panel 1: RCom

  explicit ExplorePage(QWidget* parent = nullptr);
  ~ExplorePage() override;

  // Adds files and folders (searched recursively) to the strip; the first new image that decodes
  // is selected when `select` is set. Unusable files are reported in the error banner.
  void openPaths(const QStringList& paths, bool select = true);
  void openSamples();

  // Writes one PNG per view of the current image into `folder`. The pictures are taken now; the
  // files are written by a background job (the folder may be a network share), with a progress
  // dialog and Cancel when it takes a moment: `viewsExported` when it ends, or the failure, naming
  // the file, in the error banner.
  void exportViews(const QString& folder);
  bool exporting() const;
  // What an export of the current image writes; empty, with *error saying why, when there is
  // nothing to export.
  QList<ViewExportFile> viewExportFiles(QString* error) const;

  // What is on screen (for tests, screenshots and the main window).
  QString currentKey() const { return currentKey_; }
  ExploreResultPtr currentResult() const { return shown_; }
  bool upToDate() const;  // the shown result answers the newest request
  QString errorText() const;
  QStringList errors() const;
  QString numbersText(int panel) const;  // the numbers column of a panel, one "name: value" per line
  QString readoutText() const;
  // A run whose latest checkpoint shows, beside the filters, what it makes of the image: the
  // reconstruction from the filtered image and one of the CLS attention (mean of heads), the patch
  // features' PCA or the reconstruction error's spectrum. Empty: none (the model column hides).
  enum class ModelView { Attention, Pca, ErrorSpectrum };
  void setInspectionRun(const QString& runFolder);
  QString inspectionRun() const { return inspectRun_; }
  // Where "Choose run folder…" opens when no run is shown: the runs folder of Train and Results
  // (the main window keeps it in step), so the page itself never resolves a default on the GUI
  // thread.
  void setRunsDirectory(const QString& dir) { runsDir_ = dir; }
  QString runsDirectory() const { return runsDir_; }
  // head: -1 for the mean of the heads, else one head (Attention only).
  void setModelView(ModelView view, int head = -1);
  ModelView modelView() const { return modelView_; }
  int attentionHead() const { return attentionHead_; }
  ImageView* modelReconstructionView() const { return modelTop_; }
  ImageView* modelMapView() const { return modelBottom_; }
  QPushButton* modelButton() const { return modelButton_; }

  // The hand-drawn pass / stop regions (null when nothing was drawn since the last Clear).
  std::shared_ptr<const folk::MaskEdits> drawnRegions() const { return edits_; }

  ExploreControls* controls() const { return controls_; }
  ThumbnailStrip* thumbnails() const { return strip_; }
  ImageView* originalView() const { return original_; }
  SpectrumView* spectrumView() const { return spectrum_; }
  ImageView* maskView() const { return mask_; }
  ImageView* filteredView(int panel) const { return filtered_[panel]; }
  ImageView* residualView(int panel) const { return residual_[panel]; }
  RadialProfilePlot* profilePlot() const { return profile_; }

  // Opening is long work for big folders: indexing (on a pool thread) and decoding the images for
  // the strip. While it runs a progress bar with Cancel (Esc) shows under the views.
  bool loading() const { return !indexing_.isEmpty() || thumbsPending_ > 0; }
  QWidget* loadingBar() const { return loadingBar_; }
  QPushButton* cancelLoadingButton() const { return cancelLoading_; }

 public Q_SLOTS:
  // Stops indexing folders and drops the images not decoded yet (those already in the strip stay).
  void cancelLoading();
  void openImagesDialog();
  void openFolderDialog();
  void exportDialog();
  void selectNext(int delta);

 Q_SIGNALS:
  void resultShown();
  void currentImageChanged(const QString& name);
  void statusMessage(const QString& message, int timeoutMs);
  // Progress of the opening work (done of total images; total 0 while folders are indexed).
  void loadingProgress(int done, int total);
  // The opening work is over: all done, or cancelled.
  void loadingFinished(bool cancelled);
  // An export ended: the files written (fewer than all when it was cancelled).
  void viewsExported(const QStringList& files, bool cancelled);

 protected:
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  QWidget* buildViews();
  QWidget* buildSidePanel();
  void select(const QString& key);
  void requestUpdate();
  void onResult(ExploreResultPtr result);
  void onThumbnail(const ThumbnailResult& result);
  void applyDisplaySettings();
  void updateSpectrumTitle();
  void applyLayout(bool compare);
  void showNumbers(const ExploreResult& result);
  void showProfileCut(const ExploreResult& result);
  void saveSettings();
  void reportError(const QString& message);
  void openExpanded(const ExpandedPaths& expanded, bool selectFirst);
  void loadThumbnail(const QString& key);
  void updateLoadingBar();
  void paintRegion(double row, double column);
  void showModel(const ExploreResult& result);
  void chooseRunDialog();
  void applyBrush();
  void clearDrawing();

  ExploreSettings settings_;
  ExploreWorker* worker_;
  ThumbnailLoader* thumbs_;
  ExploreControls* controls_ = nullptr;
  ThumbnailStrip* strip_ = nullptr;
  ErrorBanner* banner_ = nullptr;
  ImageView* original_ = nullptr;
  SpectrumView* spectrum_ = nullptr;
  ImageView* mask_ = nullptr;
  std::array<ImageView*, kPanels> filtered_{};
  std::array<ImageView*, kPanels> residual_{};
  RadialProfilePlot* profile_ = nullptr;
  ImageView* modelTop_ = nullptr;
  ImageView* modelBottom_ = nullptr;
  QPushButton* modelButton_ = nullptr;
  QString inspectRun_;
  QString runsDir_;
  QString modelErrorReported_;  // the run's error already in the banner
  ModelView modelView_ = ModelView::Attention;
  int attentionHead_ = -1;
  QMenu* headsMenu_ = nullptr;
  QActionGroup* modelViews_ = nullptr;
  QGridLayout* grid_ = nullptr;
  std::array<QLabel*, kPanels> numbers_{};
  std::array<QLabel*, kPanels> numbersHeader_{};
  QLabel* imageInfo_ = nullptr;
  QLabel* readout_ = nullptr;
  QLabel* busy_ = nullptr;
  QProgressDialog* exportProgress_ = nullptr;
  std::shared_ptr<std::atomic<bool>> exportStop_;  // the running export's Cancel
  QTimer* busyDelay_ = nullptr;

  QString currentKey_;
  QString shownImageKey_;  // key whose original/spectrum are on screen
  bool shownHannWindow_ = false;  // the spectrum on screen is of the Hann-windowed image
  ExploreResultPtr shown_;
  std::uint64_t requested_ = 0;
  // Copied on every change, so a request in flight keeps the regions it was made with.
  std::shared_ptr<const folk::MaskEdits> edits_;
  QStringList selectQueue_;  // keys of the last open batch, until one of them decodes and is selected

  struct IndexJob {  // a folder search; its flags are shared with the job
    std::shared_ptr<std::atomic<bool>> cancel;
    std::shared_ptr<std::atomic<int>> found;
  };
  QList<IndexJob> indexing_;
  BackgroundJobs jobs_;
  int thumbsPending_ = 0;  // thumbnails asked for and not reported
  int thumbsDone_ = 0;     // of this loading burst
  int thumbsTotal_ = 0;
  bool loadingCancelled_ = false;
  bool wasLoading_ = false;
  QElapsedTimer loadingSince_;
  QTimer* loadingTimer_ = nullptr;
  QWidget* loadingBar_ = nullptr;
  QLabel* loadingLabel_ = nullptr;
  QProgressBar* loadingProgressBar_ = nullptr;
  QPushButton* cancelLoading_ = nullptr;
};

}  // namespace folk::ui
