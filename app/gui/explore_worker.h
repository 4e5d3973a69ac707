#pragma once
// Runs the Explore computations (decode, spectrum, masks, filtering) on one background thread so
// the GUI thread never does FFT work. Latest request wins: a request that has not started yet is
// replaced by a newer one, and a result whose generation is older than the newest request is
// dropped instead of being shown. Decoded images and their spectra are cached per image
// (folk::MaskAnalyser), so dragging rho only re-thresholds and re-filters.
#include <QImage>
#include <QObject>
#include <QString>
#include <QVector>
#include <array>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "core/spectral/mask.h"
#include "core/spectral/mask_spec.h"

namespace folk::ui {

struct ExploreRequest {
  QString key;                        // image key (resource or file path)
  std::vector<folk::MaskSpec> specs;  // one per panel: [spec] or [Com, RCom] in compare mode
  bool wantImage = true;              // also send the original and the spectrum (new image shown)
  bool hannWindow = false;            // the spectrum sent is of the Hann-windowed image (display only)
  // Hand-drawn pass / stop regions on top of every panel's mask; null or empty for none. Ignored
  // (with the panel saying so) when their size is not the image's.
  std::shared_ptr<const folk::MaskEdits> edits;
  // A run folder whose latest checkpoint is asked what it makes of the image under the first
  // panel's spec (core/train/model_inspection.h); empty for none.
  QString run;
};

// What the run's model makes of the image (ExploreRequest::run), as pictures at the model's size.
struct ExploreModelResult {
  QString run;
  QString error;             // non-empty: the run could not be used; the sentence names it
  std::int64_t step = 0;
  QString modelName;
  QString featuresRole;      // "teacher" or "student"
  int grid = 0;
  QImage input;              // the image as the model sees it (its size and channels)
  QImage reconstruction;     // null without a reconstruction head
  QImage errorSpectrum;      // log(1 + |F|) of the error's luma, colour-mapped; null without a head
  double reconstructionMse = 0.0;
  // Overlays for `input`: grid×grid, colour-mapped (magma) and half transparent, each scaled to its
  // largest entry; null / empty for a ResNet.
  QImage attentionMean;
  QVector<QImage> attentionHeads;
  QImage pca;                // grid×grid RGB
  std::array<double, 3> pcaVariance{};
  double inspectMs = 0.0;
};

struct ExplorePanelResult {
  folk::MaskSpec spec;  // with the radius and band width resolved
  bool edited = false;  // hand-drawn regions changed this mask
  bool soft = false;    // the mask weights coefficients (gain) rather than keeping or removing them
  std::vector<float> gain;  // H×W centred, 1 = kept, 0 = removed
  QImage maskImage;
  QImage filtered;
  QImage residual;
  std::int64_t kept = 0;
  std::int64_t total = 0;
  double retainedEnergy = 0.0;
  double psnrDb = 0.0;
  double threshold = 0.0;
};

struct ExploreResult {
  std::uint64_t generation = 0;
  QString key;
  QString error;  // non-empty: the image could not be used; the sentence names the file
  int height = 0;
  int width = 0;
  int channels = 0;
  bool hasImage = false;          // original/logSpectrum/profile are filled
  bool hannWindow = false;        // logSpectrum is of the Hann-windowed image
  QImage original;
  std::vector<float> logSpectrum;
  QVector<double> profileRadius;
  QVector<double> profilePower;
  std::vector<ExplorePanelResult> panels;
  double prepareMs = 0.0;         // decode + luma spectrum + keys + profile (0 when cached)
  double analysisMs = 0.0;        // time of the mask + filter work for all panels
  std::optional<ExploreModelResult> model;  // when the request named a run
  bool cachedImage = false;       // the image (and its spectrum) came from the cache
};

using ExploreResultPtr = std::shared_ptr<const ExploreResult>;

class ExploreWorker : public QObject {
  Q_OBJECT

 public:
  explicit ExploreWorker(QObject* parent = nullptr, std::size_t cacheBudgetBytes = std::size_t(1) << 30);
  ~ExploreWorker() override;

  // Thread-safe. Replaces a pending request; returns the new request's generation.
  std::uint64_t submit(ExploreRequest request);
  std::uint64_t latestGeneration() const;
  bool busy() const;  // a request is pending or being computed

  // Drops a cached image (e.g. the file changed on disk); effective before the next request.
  void forget(const QString& key);

 Q_SIGNALS:
  // Emitted from the worker thread; connect normally and it arrives queued on the GUI thread.
  void resultReady(folk::ui::ExploreResultPtr result);

 private:
  struct Impl;
  void run();

  std::unique_ptr<Impl> impl_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::optional<ExploreRequest> pending_;
  std::uint64_t pendingGeneration_ = 0;
  std::uint64_t latest_ = 0;
  bool computing_ = false;
  bool stop_ = false;
  QStringList forgotten_;
  std::thread thread_;
};

}  // namespace folk::ui

Q_DECLARE_METATYPE(folk::ui::ExploreResultPtr)
