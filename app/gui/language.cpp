#include "app/gui/language.h"

#include <QAction>
#include <QActionGroup>
#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QTranslator>

namespace folk::ui {
namespace {

const QString kSettingKey = QStringLiteral("ui/language");
const QString kSystem = QStringLiteral("system");

// The context of this file's texts in translations/*.ts.
class Language {
  Q_DECLARE_TR_FUNCTIONS(folk::ui::Language)
};

struct Installed {
  QTranslator* app = nullptr;
  QTranslator* qt = nullptr;
  QString code;
};
Installed& installed() {
  static Installed state;
  return state;
}

bool shipped(const QString& code) {
  for (const auto& l : uiLanguages())
    if (l.code == code) return true;
  return false;
}

// The shipped language a BCP 47 tag ("de-AT", "zh-Hans-CN", "en") asks for, or empty.
QString shippedFor(QString tag) {
  tag.replace(QLatin1Char('-'), QLatin1Char('_'));
  const QString language = tag.section(QLatin1Char('_'), 0, 0).toLower();
  if (language == QLatin1String("en")) return QStringLiteral("en");
  if (language == QLatin1String("de")) return QStringLiteral("de");
  if (language == QLatin1String("zh")) {
    // Simplified Chinese only: traditional script (Taiwan, Hong Kong, Macao) is not shipped.
    const bool traditional = tag.contains(QLatin1String("Hant")) || tag.contains(QLatin1String("TW")) ||
                             tag.contains(QLatin1String("HK")) || tag.contains(QLatin1String("MO"));
    return traditional ? QString() : QStringLiteral("zh_CN");
  }
  return {};
}

// Numbers and dates: the system's own locale when it speaks the chosen language (de_AT keeps its
// formats), else the language's main locale.
QLocale localeFor(const QString& code) {
  const QLocale system = QLocale::system();
  if (shippedFor(system.name()) == code) return system;
  if (code == QLatin1String("en")) return QLocale(QLocale::English, QLocale::UnitedStates);
  return QLocale(code);
}

}  // namespace

QList<UiLanguage> uiLanguages() {
  return {{QStringLiteral("en"), QStringLiteral("English")},
          {QStringLiteral("de"), QStringLiteral("Deutsch")},
          {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
}

QString languageSetting() {
  const QString value = QSettings().value(kSettingKey, kSystem).toString();
  return value == kSystem || shipped(value) ? value : kSystem;
}

void setLanguageSetting(const QString& code) { QSettings().setValue(kSettingKey, code); }

QString startupLanguage(const QStringList& arguments, bool useSettings) {
  for (int i = 1; i < arguments.size(); ++i) {
    const QString& a = arguments[i];
    if (a == QLatin1String("--language") && i + 1 < arguments.size()) return arguments[i + 1];
    if (a.startsWith(QLatin1String("--language="))) return a.mid(int(qstrlen("--language=")));
  }
  const QString env = qEnvironmentVariable("FOLK_LANGUAGE");
  if (!env.isEmpty()) return env;
  return useSettings ? languageSetting() : kSystem;
}

QString resolveLanguage(const QString& choice) {
  if (choice != kSystem) {
    if (shipped(choice)) return choice;
    const QString near = shippedFor(choice);  // "de_DE" -> "de", "zh" -> "zh_CN"
    return near.isEmpty() ? QStringLiteral("en") : near;
  }
  for (const QString& tag : QLocale::system().uiLanguages()) {
    const QString code = shippedFor(tag);
    if (!code.isEmpty()) return code;
  }
  return QStringLiteral("en");
}

QString applyLanguage(const QString& choice) {
  const QString code = resolveLanguage(choice);
  Installed& state = installed();
  for (QTranslator** t : {&state.app, &state.qt}) {
    if (*t) {
      QCoreApplication::removeTranslator(*t);
      delete *t;
      *t = nullptr;
    }
  }
  if (code != QLatin1String("en")) {
    // Qt's own dialogs and buttons (Cancel, Yes, the file dialog), when Debian's
    // qt6-translations-l10n is installed. Installed first: the last installed is asked first,
    // so ours wins where both translate the same context and text.
    auto* qt = new QTranslator;
    if (qt->load(QStringLiteral("qtbase_%1").arg(code), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
      QCoreApplication::installTranslator(qt);
      state.qt = qt;
    } else {
      delete qt;
    }
    auto* app = new QTranslator;
    if (app->load(QStringLiteral(":/i18n/folk_workbench_%1.qm").arg(code))) {
      QCoreApplication::installTranslator(app);
      state.app = app;
    } else {
      delete app;
    }
  }
  QLocale::setDefault(localeFor(code));
  state.code = code;
  return code;
}

QMenu* addLanguageMenu(QMenu* parent, QWidget* dialogParent) {
  QMenu* menu = parent->addMenu(Language::tr("&Language"));
  auto* group = new QActionGroup(menu);
  group->setExclusive(true);
  const QString current = languageSetting();
  QString systemName;
  for (const auto& l : uiLanguages())
    if (l.code == resolveLanguage(kSystem)) systemName = l.nativeName;
  auto add = [&](const QString& code, const QString& text) {
    QAction* action = menu->addAction(text);
    action->setCheckable(true);
    action->setChecked(code == current);
    action->setData(code);
    group->addAction(action);
    QObject::connect(action, &QAction::triggered, menu, [code, dialogParent] {
      if (code == languageSetting()) return;
      setLanguageSetting(code);
      if (resolveLanguage(code) == installed().code) return;
      QMessageBox::information(dialogParent, Language::tr("Language"),
                               Language::tr("The new language applies the next time FOLK Workbench starts."));
    });
  };
  add(kSystem, Language::tr("System default (%1)").arg(systemName));
  menu->addSeparator();
  for (const auto& l : uiLanguages()) add(l.code, l.nativeName);
  return menu;
}

}  // namespace folk::ui
