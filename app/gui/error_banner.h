#pragma once
// A dismissable warning strip at the top of a page that lists what went wrong (files that could not
// be opened, a session that could not start, a run that could not be exported), each with its
// reason. Unlike a modal message box it never blocks the work on the other images or runs.
// Its colours follow the theme: a light red strip with dark text on light palettes, a dark red
// strip with light text on dark ones (amber instead of red for warnings).
#include <QColor>
#include <QFrame>
#include <QStringList>

#include <functional>

class QLabel;

namespace folk::ui {

class ErrorBanner : public QFrame {
  Q_OBJECT

 public:
  explicit ErrorBanner(QWidget* parent = nullptr);

  // Error (red, the default) or Warning (amber): a state of the work that needs attention but
  // stops nothing.
  enum class Tone { Error, Warning };
  void setTone(Tone tone);

  // The line above the list, given the number of errors. The default suits the Explore workspace
  // ("Could not open an image:"); the Train and Results workspaces name their own kind of problem.
  void setHeading(std::function<QString(int count)> heading);

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

  Tone tone_ = Tone::Error;
  QColor background_, border_;
  QStringList errors_;
  QLabel* label_;
  std::function<QString(int)> heading_;
};

}  // namespace folk::ui
