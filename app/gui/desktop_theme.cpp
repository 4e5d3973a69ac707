#include "app/gui/desktop_theme.h"

#include <QApplication>
#include <QCoreApplication>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace folk::ui {
namespace {

QString& systemStyleName() {
  static QString name;
  return name;
}
Theme& appliedTheme() {
  static Theme theme = Theme::System;
  return theme;
}

}  // namespace

QString themeKey(Theme theme) {
  switch (theme) {
    case Theme::Light: return QStringLiteral("light");
    case Theme::Dark: return QStringLiteral("dark");
    case Theme::System: break;
  }
  return QStringLiteral("system");
}

Theme themeFromKey(const QString& key) {
  if (key == QLatin1String("light")) return Theme::Light;
  if (key == QLatin1String("dark")) return Theme::Dark;
  return Theme::System;
}

QString themeLabel(Theme theme) {
  switch (theme) {
    case Theme::Light: return QCoreApplication::translate("folk::ui::Theme", "&Light");
    case Theme::Dark: return QCoreApplication::translate("folk::ui::Theme", "&Dark");
    case Theme::System: break;
  }
  return QCoreApplication::translate("folk::ui::Theme", "Follow the &system");
}

Theme savedTheme() { return themeFromKey(QSettings().value(QStringLiteral("ui/theme")).toString()); }
void saveTheme(Theme theme) { QSettings().setValue(QStringLiteral("ui/theme"), themeKey(theme)); }

bool isDarkPalette(const QPalette& palette) { return palette.color(QPalette::Window).lightness() < 128; }

QPalette fusionLightPalette() {
  QStyle* fusion = QStyleFactory::create(QStringLiteral("Fusion"));
  QPalette p = fusion ? fusion->standardPalette() : QPalette(QColor(239, 239, 239));
  delete fusion;
  return p;
}

QPalette fusionDarkPalette() {
  QPalette p;
  const QColor window(45, 45, 48), base(30, 30, 32), alternate(40, 40, 43), text(225, 225, 225);
  const QColor disabled(127, 127, 127), highlight(42, 130, 218);
  p.setColor(QPalette::Window, window);
  p.setColor(QPalette::WindowText, text);
  p.setColor(QPalette::Base, base);
  p.setColor(QPalette::AlternateBase, alternate);
  p.setColor(QPalette::ToolTipBase, QColor(60, 60, 64));
  p.setColor(QPalette::ToolTipText, text);
  p.setColor(QPalette::PlaceholderText, QColor(150, 150, 150));
  p.setColor(QPalette::Text, text);
  p.setColor(QPalette::Button, QColor(53, 53, 56));
  p.setColor(QPalette::ButtonText, text);
  p.setColor(QPalette::BrightText, QColor(255, 90, 90));
  p.setColor(QPalette::Link, QColor(100, 170, 255));
  p.setColor(QPalette::LinkVisited, QColor(180, 140, 255));
  p.setColor(QPalette::Highlight, highlight);
  p.setColor(QPalette::HighlightedText, Qt::white);
  p.setColor(QPalette::Light, QColor(80, 80, 84));
  p.setColor(QPalette::Midlight, QColor(66, 66, 70));
  p.setColor(QPalette::Mid, QColor(40, 40, 42));
  p.setColor(QPalette::Dark, QColor(25, 25, 27));
  p.setColor(QPalette::Shadow, QColor(10, 10, 10));
  for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::HighlightedText})
    p.setColor(QPalette::Disabled, role, disabled);
  p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(80, 80, 80));
  return p;
}

void applyTheme(Theme theme) {
  if (systemStyleName().isEmpty() && QApplication::style())
    systemStyleName() = QApplication::style()->name();  // the platform's choice, before any change
  appliedTheme() = theme;
  if (theme == Theme::System) {
    if (QApplication::style() && QApplication::style()->name() != systemStyleName())
      QApplication::setStyle(systemStyleName());
    QApplication::setPalette(QPalette());  // an empty palette: the style's / platform's own
    return;
  }
  if (QApplication::style() && QApplication::style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) != 0)
    QApplication::setStyle(QStringLiteral("Fusion"));
  QApplication::setPalette(theme == Theme::Dark ? fusionDarkPalette() : fusionLightPalette());
}

Theme currentTheme() { return appliedTheme(); }

}  // namespace folk::ui
