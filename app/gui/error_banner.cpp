#include "app/gui/error_banner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace folk::ui {
namespace {
constexpr int kShownErrors = 8;  // the rest are summarised, the banner must not eat the views
}

ErrorBanner::ErrorBanner(QWidget* parent) : QFrame(parent) {
  setObjectName(QStringLiteral("errorBanner"));
  setStyleSheet(QStringLiteral("#errorBanner { background: #fdecea; border: 1px solid #e0a8a4; border-radius: 3px; }"
                               "#errorBanner QLabel { color: #611a15; }"));
  auto* icon = new QLabel(this);
  icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(QSize(20, 20), devicePixelRatioF()));
  label_ = new QLabel(this);
  label_->setWordWrap(true);
  label_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* close = new QToolButton(this);
  close->setText(QStringLiteral("✕"));
  close->setAutoRaise(true);
  close->setToolTip(tr("Dismiss"));
  close->setAccessibleName(tr("Dismiss the errors"));
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(8, 4, 4, 4);
  layout->addWidget(icon, 0, Qt::AlignTop);
  layout->addWidget(label_, 1);
  layout->addWidget(close, 0, Qt::AlignTop);
  connect(close, &QToolButton::clicked, this, &ErrorBanner::clearErrors);
  hide();
}

void ErrorBanner::addError(const QString& message) {
  errors_ << message;
  refresh();
  show();
}

void ErrorBanner::clearErrors() {
  errors_.clear();
  refresh();
  hide();
}

QString ErrorBanner::text() const { return label_->text(); }

void ErrorBanner::refresh() {
  if (errors_.isEmpty()) {
    label_->clear();
    return;
  }
  QStringList lines;
  lines << (errors_.size() == 1 ? tr("Could not open an image:") : tr("Could not open %n images:", nullptr, int(errors_.size())));
  const int first = std::max(0, int(errors_.size()) - kShownErrors);
  if (first > 0) lines << tr("… %n earlier problem(s) not shown", nullptr, int(first));
  for (int i = first; i < errors_.size(); ++i) lines << QStringLiteral("• ") + errors_[i];
  label_->setText(lines.join(QLatin1Char('\n')));
  label_->setToolTip(errors_.join(QLatin1Char('\n')));
}

}  // namespace folk::ui
