#pragma once
// Decodes images in the background (through core, like everything else) to make thumbnails and
// to find out early which files are unusable. One job at a time, in submission order, so the
// strip fills in the order the user opened the files.
#include <QImage>
#include <QObject>
#include <QString>
#include <QThreadPool>
#include <atomic>

namespace folk::ui {

struct ThumbnailResult {
  QString key;
  QImage thumbnail;  // null when error is set
  QString info;      // e.g. "512×512 RGB"
  QString error;     // why the image cannot be used, naming the file
};

class ThumbnailLoader : public QObject {
  Q_OBJECT

 public:
  explicit ThumbnailLoader(QObject* parent = nullptr, int thumbnailSize = 128);
  ~ThumbnailLoader() override;  // waits for the running job; queued ones are dropped

  void load(const QString& key);
  bool idle() const;
  // Drops the jobs not started yet (the running one still reports); returns how many.
  int cancelPending();

 Q_SIGNALS:
  void loaded(const folk::ui::ThumbnailResult& result);

 private:
  QThreadPool pool_;
  int size_;
  std::atomic<int> queued_{0};  // jobs submitted and not started
};

// Synchronous version of one job (also used by the loader's jobs).
ThumbnailResult makeThumbnail(const QString& key, int size);

}  // namespace folk::ui

Q_DECLARE_METATYPE(folk::ui::ThumbnailResult)
