#pragma once
// The language of the workbench: the translations embedded at build time (translations/*.ts ->
// :/i18n/folk_workbench_<code>.qm), Qt's own (qtbase_<code>.qm from the system, when installed),
// and the locale used for numbers and dates. The language follows the system locale unless the
// user picked one (View → Language, kept in QSettings under "ui/language"); FOLK_LANGUAGE in the
// environment or --language on the command line override both (tests, screenshots).
#include <QList>
#include <QString>
#include <QStringList>

class QMenu;
class QWidget;

namespace folk::ui {

struct UiLanguage {
  QString code;        // "en", "de", "zh_CN"
  QString nativeName;  // the language's own name: "English", "Deutsch", "简体中文"
};

// Every language the GUI can show, English (the source language) first.
QList<UiLanguage> uiLanguages();

// The stored choice: "system" (the default) or one of uiLanguages()' codes.
QString languageSetting();
void setLanguageSetting(const QString& code);

// The language to start in: --language <code> / --language=<code> in `arguments`, else
// FOLK_LANGUAGE, else the stored choice (when `useSettings`), else "system".
QString startupLanguage(const QStringList& arguments, bool useSettings = true);

// The code a choice resolves to: "system" becomes the shipped language that matches the system
// locale's UI languages (English when none does); an unknown code also falls back to English.
QString resolveLanguage(const QString& choice);

// Installs the translators of `choice` (replacing those of an earlier call) and makes its locale
// the default for numbers and dates (QLocale::setDefault). Widgets built afterwards show the
// language; existing ones keep their texts (the GUI asks for a restart). Returns the resolved code.
QString applyLanguage(const QString& choice);

// The View → Language submenu: System default plus every language; choosing one stores it and
// says that it applies at the next start.
QMenu* addLanguageMenu(QMenu* parent, QWidget* dialogParent);

}  // namespace folk::ui
