#include "app/gui/explore_worker.h"

#include <chrono>
#include <exception>
#include <list>

#include "app/gui/image_convert.h"
#include "app/gui/image_source.h"
#include "core/spectral/mask_analysis.h"
#include "core/spectral/spectrum.h"

namespace folk::ui {

// Lives on the worker thread only: no locking needed.
struct ExploreWorker::Impl {
  struct Entry {
    QString key;
    std::shared_ptr<folk::MaskAnalyser> analyser;
    std::size_t bytes = 0;
  };
  std::list<Entry> lru;  // most recently used first
  std::size_t budget;
  std::size_t used = 0;

  explicit Impl(std::size_t budgetBytes) : budget(budgetBytes) {}

  static std::size_t estimateBytes(const folk::Image& image) {
    // Image floats + magnitudes (double) + ranking keys (int64) + log spectrum (float).
    return image.pixels.size() * sizeof(float) + image.planeSize() * (8 + 8 + 4);
  }

  void forget(const QString& key) {
    for (auto it = lru.begin(); it != lru.end(); ++it)
      if (it->key == key) {
        used -= it->bytes;
        lru.erase(it);
        return;
      }
  }

  // Returns the analyser for `key`, decoding and transforming the image on a miss.
  std::shared_ptr<folk::MaskAnalyser> get(const QString& key, bool* cached) {
    for (auto it = lru.begin(); it != lru.end(); ++it)
      if (it->key == key) {
        lru.splice(lru.begin(), lru, it);
        *cached = true;
        return lru.front().analyser;
      }
    *cached = false;
    folk::Image image = loadImageForKey(key);
    const std::size_t bytes = estimateBytes(image);
    auto analyser = std::make_shared<folk::MaskAnalyser>(std::move(image));
    lru.push_front({key, analyser, bytes});
    used += bytes;
    // Evict least recently used images, never the one just added.
    while (used > budget && lru.size() > 1) {
      used -= lru.back().bytes;
      lru.pop_back();
    }
    return analyser;
  }
};

ExploreWorker::ExploreWorker(QObject* parent, std::size_t cacheBudgetBytes)
    : QObject(parent), impl_(std::make_unique<Impl>(cacheBudgetBytes)) {
  qRegisterMetaType<ExploreResultPtr>("folk::ui::ExploreResultPtr");
  thread_ = std::thread([this] { run(); });
}

ExploreWorker::~ExploreWorker() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
    pending_.reset();
  }
  wake_.notify_all();
  thread_.join();
}

std::uint64_t ExploreWorker::submit(ExploreRequest request) {
  std::uint64_t generation;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    generation = ++latest_;
    pending_ = std::move(request);
    pendingGeneration_ = generation;
  }
  wake_.notify_one();
  return generation;
}

std::uint64_t ExploreWorker::latestGeneration() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return latest_;
}

bool ExploreWorker::busy() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return computing_ || pending_.has_value();
}

void ExploreWorker::forget(const QString& key) {
  std::lock_guard<std::mutex> lock(mutex_);
  forgotten_ << key;
}

void ExploreWorker::run() {
  for (;;) {
    ExploreRequest request;
    std::uint64_t generation;
    QStringList forgotten;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      wake_.wait(lock, [this] { return stop_ || pending_.has_value(); });
      if (stop_) return;
      request = std::move(*pending_);
      pending_.reset();
      generation = pendingGeneration_;
      forgotten.swap(forgotten_);
      computing_ = true;
    }
    for (const QString& key : forgotten) impl_->forget(key);

    auto result = std::make_shared<ExploreResult>();
    result->generation = generation;
    result->key = request.key;
    try {
      bool cached = false;
      const auto prepareStart = std::chrono::steady_clock::now();
      const std::shared_ptr<folk::MaskAnalyser> analyser = impl_->get(request.key, &cached);
      if (!cached)
        result->prepareMs =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - prepareStart).count();
      result->cachedImage = cached;
      const folk::Image& image = analyser->image();
      result->height = image.height;
      result->width = image.width;
      result->channels = image.channels;
      if (request.wantImage) {
        result->hasImage = true;
        result->original = toQImage(image);
        result->hannWindow = request.hannWindow;
        result->logSpectrum =
            request.hannWindow ? folk::logMagnitude(folk::computeHannLumaSpectrum(image)) : analyser->logSpectrum();
        const folk::RadialProfile& profile = analyser->profile();
        result->profileRadius = QVector<double>(profile.radius.begin(), profile.radius.end());
        result->profilePower = QVector<double>(profile.power.begin(), profile.power.end());
      }
      const auto start = std::chrono::steady_clock::now();
      for (const folk::MaskSpec& spec : request.specs) {
        // A newer request makes the rest of this one pointless.
        if (latestGeneration() != generation) break;
        const bool drawn = request.edits && request.edits->height == image.height &&
                           request.edits->width == image.width && !request.edits->empty();
        folk::MaskAnalysis a = drawn ? analyser->analyse(spec, *request.edits) : analyser->analyse(spec);
        ExplorePanelResult panel;
        panel.spec = a.spec;
        panel.edited = a.source == folk::MaskSource::EditedFilter;
        panel.soft = a.mask.soft();
        panel.maskImage = maskToQImage(a.mask);
        if (a.mask.soft())
          panel.gain = std::move(a.mask.gain);
        else
          panel.gain.assign(a.mask.keep.begin(), a.mask.keep.end());
        panel.filtered = toQImage(a.filtered);
        panel.residual = toQImage(a.residual);
        panel.kept = a.keptCoefficients;
        panel.total = a.totalCoefficients;
        panel.retainedEnergy = a.retainedEnergy;
        panel.psnrDb = a.psnrDb;
        panel.threshold = a.threshold;
        result->panels.push_back(std::move(panel));
      }
      result->analysisMs =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    } catch (const std::exception& e) {
      result->error = QString::fromStdString(e.what());
      impl_->forget(request.key);
    }
    bool stale;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      computing_ = false;
      stale = generation != latest_;
    }
    if (!stale) Q_EMIT resultReady(result);
  }
}

}  // namespace folk::ui
