#pragma once
// A dismissable warning strip at the top of a page that lists the files that could not be opened,
// each with its reason. Unlike a modal message box it never blocks the work on the other images.
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

 private:
  void refresh();

  QStringList errors_;
  QLabel* label_;
};

}  // namespace folk::ui
