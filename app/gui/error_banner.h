#pragma once
// A dismissable warning strip at the top of a page that lists the files that could not be opened,
// each with its reason. Unlike a modal message box it never blocks the work on the other images.
// Its colours follow the theme: a light red strip with dark text on light palettes, a dark red
// strip with light text on dark ones.
#include <QColor>
#include <QFrame>
#include <QStringList>

class QLabel;

namespace folk::ui {

class ErrorBanner : public QFrame {
  Q_OBJECT

 public:
  explicit ErrorBanner(QWidget* parent = nullptr);

  void addError(const QString& message);  // shows the banner
  void clearErrors();                      // hides it
  QStringList errors() const { return errors_; }
  QString text() const;

 protected:
  void changeEvent(QEvent* event) override;
  void paintEvent(QPaintEvent* event) override;

 private:
  void refresh();
  void followPalette();

  QColor background_, border_;
  QStringList errors_;
  QLabel* label_;
};

}  // namespace folk::ui
