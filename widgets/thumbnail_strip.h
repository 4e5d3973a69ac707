#pragma once
// A horizontal strip of image thumbnails, one per opened image, identified by a key (a file path
// or resource path). Files and folders dropped on it are reported as local paths.
#include <QImage>
#include <QListWidget>
#include <QStringList>

namespace folk::ui {

class ThumbnailStrip : public QListWidget {
  Q_OBJECT

 public:
  explicit ThumbnailStrip(QWidget* parent = nullptr);

  // Adds a thumbnail, or replaces the one with the same key (keeping its position).
  void addThumbnail(const QString& key, const QString& label, const QImage& thumbnail, const QString& toolTip = {});
  bool contains(const QString& key) const;
  QStringList keys() const;
  QString currentKey() const;
  void selectKey(const QString& key);
  void removeKey(const QString& key);

  int thumbnailSize() const { return iconSize().width(); }

 Q_SIGNALS:
  void currentKeyChanged(const QString& key);
  void pathsDropped(const QStringList& paths);

 protected:
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dragMoveEvent(QDragMoveEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  QListWidgetItem* itemForKey(const QString& key) const;
};

// Local file paths among a drop's URLs (anything else, e.g. http links, is left out).
QStringList localPathsFromMime(const class QMimeData* mime);

}  // namespace folk::ui
