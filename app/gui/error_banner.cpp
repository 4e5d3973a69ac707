#include "app/gui/error_banner.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QStyle>
#include <QToolButton>

#include "app/gui/desktop_theme.h"

namespace folk::ui {
namespace {
constexpr int kShownErrors = 8;  // the rest are summarised, the banner must not eat the views
}

ErrorBanner::ErrorBanner(QWidget* parent) : QFrame(parent) {
  setObjectName(QStringLiteral("errorBanner"));
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
  followPalette();
  hide();
}

void ErrorBanner::changeEvent(QEvent* event) {
  QFrame::changeEvent(event);
  if (event->type() == QEvent::PaletteChange) followPalette();
}

void ErrorBanner::followPalette() {
  // Painted by hand rather than with a style sheet: a style sheet fixes the banner's palette, and a
  // widget with a fixed palette is not told when the theme changes the application's.
  const bool dark = isDarkPalette(palette());
  QColor text;
  if (tone_ == Tone::Error) {
    background_ = dark ? QColor(0x4a, 0x1f, 0x1c) : QColor(0xfd, 0xec, 0xea);
    border_ = dark ? QColor(0x8c, 0x3b, 0x35) : QColor(0xe0, 0xa8, 0xa4);
    text = dark ? QColor(0xf8, 0xd7, 0xd4) : QColor(0x61, 0x1a, 0x15);
  } else {
    background_ = dark ? QColor(0x47, 0x3a, 0x10) : QColor(0xff, 0xf4, 0xd6);
    border_ = dark ? QColor(0x8a, 0x70, 0x1e) : QColor(0xe6, 0xc2, 0x6a);
    text = dark ? QColor(0xfa, 0xeb, 0xc2) : QColor(0x5a, 0x40, 0x00);
  }
  QPalette labelPalette = label_->palette();
  labelPalette.setColor(QPalette::WindowText, text);
  label_->setPalette(labelPalette);
  update();
}

void ErrorBanner::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setPen(border_);
  painter.setBrush(background_);
  painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
}

void ErrorBanner::setTone(Tone tone) {
  tone_ = tone;
  followPalette();
}

void ErrorBanner::setHeading(std::function<QString(int)> heading) {
  heading_ = std::move(heading);
  refresh();
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
  if (heading_)
    lines << heading_(int(errors_.size()));
  else
    lines << (errors_.size() == 1 ? tr("Could not open an image:") : tr("Could not open %n images:", nullptr, int(errors_.size())));
  const int first = std::max(0, int(errors_.size()) - kShownErrors);
  if (first > 0) lines << tr("… %n earlier problem(s) not shown", nullptr, int(first));
  for (int i = first; i < errors_.size(); ++i) lines << QStringLiteral("• ") + errors_[i];
  label_->setText(lines.join(QLatin1Char('\n')));
  label_->setToolTip(errors_.join(QLatin1Char('\n')));
}

}  // namespace folk::ui
