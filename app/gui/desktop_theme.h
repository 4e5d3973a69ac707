#pragma once
// Light and dark palettes. "System" (the default) keeps the platform's style and palette, so the
// workbench follows the desktop; Light and Dark apply Qt's Fusion style with a fixed palette.
// Qt 6.4 has no colour-scheme hint, so "is it dark" is read from the palette itself.
#include <QPalette>
#include <QString>
#include <QStringList>

namespace folk::ui {

enum class Theme { System, Light, Dark };

QString themeKey(Theme theme);            // "system", "light", "dark" (the stored value)
Theme themeFromKey(const QString& key);   // unknown: System
QString themeLabel(Theme theme);          // translated, for the menu

Theme savedTheme();  // QSettings "ui/theme"
void saveTheme(Theme theme);

// Applies the theme to the whole application (every widget gets a PaletteChange).
void applyTheme(Theme theme);
Theme currentTheme();

// True when the palette's window colour is dark (plots and custom drawing pick lighter colours).
bool isDarkPalette(const QPalette& palette);

QPalette fusionLightPalette();
QPalette fusionDarkPalette();

}  // namespace folk::ui
