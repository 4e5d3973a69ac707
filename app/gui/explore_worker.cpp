#include "app/gui/explore_worker.h"

#include <algorithm>
#include <chrono>
#include <exception>
#include <list>

#include "app/gui/image_convert.h"
#include "app/gui/image_source.h"
#include "core/spectral/mask_analysis.h"
#include "core/spectral/color_map.h"
#include "core/spectral/spectrum.h"
#include "core/train/model_inspection.h"

namespace folk::ui {
namespace {

// A grid×grid map as a half-transparent magma overlay, scaled to its largest entry so faint heads
// stay visible (DINO's attention pictures).
QImage attentionOverlay(const std::vector<float>& map, int grid) {
  float largest = 0.0f;
  for (float v : map) largest = std::max(largest, v);
  std::vector<float> scaled(map.size());
  for (std::size_t i = 0; i < map.size(); ++i) scaled[i] = largest > 0.0f ? map[i] / largest : 0.0f;
  const std::vector<std::uint8_t> rgb = folk::applyColorMap(scaled, folk::ColorMap::Magma, 0.0f, 1.0f);
  QImage out(grid, grid, QImage::Format_ARGB32);
  for (int y = 0; y < grid; ++y)
    for (int x = 0; x < grid; ++x) {
      const std::size_t i = std::size_t(y) * grid + x;
      out.setPixel(x, y, qRgba(rgb[3 * i], rgb[3 * i + 1], rgb[3 * i + 2], 170));
    }
  return out;
}

// Everything an inspection depends on: the image, the run's checkpoint and every field of the spec.
QString modelCacheKey(const QString& image, const QString& run, std::int64_t step, const folk::MaskSpec& spec) {
  return QStringLiteral("%1\n%2\n%3\n%4 %5 %6 %7 %8 %9")
      .arg(image, run)
      .arg(step)
      .arg(int(spec.kind))
      .arg(spec.ratio, 0, 'g', 17)
      .arg(spec.radius, 0, 'g', 17)
      .arg(int(spec.mode))
      .arg(spec.order, 0, 'g', 17)
      .arg(spec.bandWidth, 0, 'g', 17);
}

ExploreModelResult inspect(folk::InspectionModel& model, const QString& run, const folk::Image& image,
                           const folk::MaskSpec& spec) {
  ExploreModelResult out;
  out.run = run;
  out.step = model.step;
  out.modelName = QString::fromStdString(model.model.name);
  out.featuresRole = QString::fromStdString(model.evaluatedRole);
  const auto start = std::chrono::steady_clock::now();
  const folk::ModelInspection r = folk::inspectImage(model, image, spec);
  out.grid = r.grid;
  out.input = toQImage(r.input);
  if (!r.reconstruction.empty()) {
    out.reconstruction = toQImage(r.reconstruction);
    const std::vector<std::uint8_t> rgb = folk::applyColorMap(r.errorLogSpectrum, folk::ColorMap::Magma);
    out.errorSpectrum = QImage(rgb.data(), r.input.width, r.input.height, r.input.width * 3, QImage::Format_RGB888).copy();
    out.reconstructionMse = r.reconstructionMse;
  }
  if (!r.attention.empty()) {
    std::vector<float> mean(r.attention.front().size(), 0.0f);
    for (const auto& head : r.attention) {
      out.attentionHeads.append(attentionOverlay(head, r.grid));
      for (std::size_t i = 0; i < mean.size(); ++i) mean[i] += head[i] / float(r.attention.size());
    }
    out.attentionMean = attentionOverlay(mean, r.grid);
  }
  out.pca = toQImage(r.pca);
  out.pcaVariance = r.pcaVariance;
  out.inspectMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return out;
}

}  // namespace

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

  // The one run being inspected: its model stays loaded while the user moves between images, and
  // is loaded again when the run has written a newer checkpoint (a run still training).
  QString modelRun;
  std::unique_ptr<folk::InspectionModel> model;
  // What the model made of recent (image, spec) pairs, most recent first: going back to an image
  // shows it at once.
  struct ModelEntry {
    QString key;
    ExploreModelResult result;
  };
  std::list<ModelEntry> modelResults;
  static constexpr std::size_t kModelResults = 32;

  folk::InspectionModel& modelFor(const QString& run) {
    const folk::RunDirectory directory = folk::RunDirectory::open(run.toStdString());
    const auto index = folk::readCheckpointIndex(directory);
    if (!model || modelRun != run || (index && index->step != model->step)) {
      model.reset();
      modelRun.clear();
      modelResults.clear();
      model = std::make_unique<folk::InspectionModel>(folk::loadInspectionModel(directory));
      modelRun = run;
    }
    return *model;
  }

  const ExploreModelResult* cachedModelResult(const QString& key) {
    for (auto it = modelResults.begin(); it != modelResults.end(); ++it)
      if (it->key == key) {
        modelResults.splice(modelResults.begin(), modelResults, it);
        return &modelResults.front().result;
      }
    return nullptr;
  }

  void keepModelResult(const QString& key, const ExploreModelResult& result) {
    modelResults.push_front({key, result});
    if (modelResults.size() > kModelResults) modelResults.pop_back();
  }

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
      if (!request.run.isEmpty() && !request.specs.empty() && latestGeneration() == generation) {
        // A run that cannot be used is reported with the model's views; the image's views stand.
        try {
          folk::InspectionModel& model = impl_->modelFor(request.run);
          const QString cacheKey = modelCacheKey(request.key, request.run, model.step, request.specs.front());
          if (const ExploreModelResult* cached = impl_->cachedModelResult(cacheKey)) {
            result->model = *cached;
          } else {
            result->model = inspect(model, request.run, image, request.specs.front());
            impl_->keepModelResult(cacheKey, *result->model);
          }
        } catch (const std::exception& e) {
          result->model = ExploreModelResult{};
          result->model->run = request.run;
          result->model->error = QString::fromStdString(e.what());
        }
      }
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
