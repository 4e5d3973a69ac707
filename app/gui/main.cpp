// folk-workbench: the desktop GUI. Opens the Explore workspace on the embedded sample photos, or on
// the images and folders given as arguments; run folders and runs folders given open in Results. Qt's own options (--platform, -style, ...) work as usual.
#include <QApplication>
#include <QCheckBox>
#include <QCommandLineParser>
#include <QSettings>
#include <QTemporaryDir>
#include <csignal>
#include <cstdio>

#include "app/gui/explore_controls.h"
#include "app/gui/explore_page.h"
#include "app/gui/image_source.h"
#include "app/gui/language.h"
#include "app/gui/main_window.h"
#include "app/gui/screenshot.h"
#include "app/gui/startup_paths.h"
#include "widgets/log_slider.h"

int main(int argc, char** argv) {
  // Past a file-size limit a write must fail (EFBIG, reported) rather than kill the workbench.
  std::signal(SIGXFSZ, SIG_IGN);
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("FOLK"));
  QApplication::setApplicationName(QStringLiteral("folk-workbench"));
  QApplication::setApplicationDisplayName(QStringLiteral("FOLK Workbench"));
  QApplication::setApplicationVersion(QStringLiteral(FOLK_VERSION));
  // Lets Wayland compositors and docks match the window to the installed desktop entry.
  QGuiApplication::setDesktopFileName(QStringLiteral("io.github.folk_workbench.FolkWorkbench"));

  // The language (translations, number and date formats) before any text is made: --language,
  // FOLK_LANGUAGE, the choice in View → Language, or the system locale. A screenshot ignores the
  // stored choice, as it ignores every other setting.
  bool screenshotRequested = false;
  for (const QString& a : QCoreApplication::arguments())
    screenshotRequested = screenshotRequested || a == QLatin1String("--screenshot") ||
                          a.startsWith(QLatin1String("--screenshot="));
  folk::ui::applyLanguage(folk::ui::startupLanguage(QCoreApplication::arguments(), !screenshotRequested));

  QCommandLineParser parser;
  parser.setApplicationDescription(
      QCoreApplication::translate("main",
                                  "FOLK Workbench: explore frequency masks (Com/RCom, low/high-pass) of images, "
                                  "train and compare frequency-guided self-supervised models."));
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addPositionalArgument(
      QStringLiteral("paths"),
      QCoreApplication::translate("main", "Images or image folders to open in Explore (default: the sample photos), "
                                          "or a run folder or runs folder to open in Results."),
      QCoreApplication::translate("main", "[paths...]"));
  // For documentation screenshots: fresh settings, fixed size, grab once the views are ready, exit.
  QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                QCoreApplication::translate("main", "Save a PNG of the window and exit."),
                                QCoreApplication::translate("main", "file"));
  QCommandLineOption compare(QStringLiteral("compare"),
                             QCoreApplication::translate("main", "Start in Com/RCom compare mode."));
  QCommandLineOption rho(QStringLiteral("rho"), QCoreApplication::translate("main", "Start with this rho."),
                         QStringLiteral("rho"));
  QCommandLineOption language(QStringLiteral("language"),
                              QCoreApplication::translate("main", "Use this language (en, de, zh_CN or system) "
                                                                  "instead of the one chosen in View → Language."),
                              QStringLiteral("code"));
  screenshot.setFlags(QCommandLineOption::HiddenFromHelp);
  parser.addOption(screenshot);
  parser.addOption(compare);
  parser.addOption(rho);
  parser.addOption(language);
  parser.process(app);

  double rhoValue = 0.0;
  if (parser.isSet(rho)) {
    bool ok = false;
    rhoValue = parser.value(rho).toDouble(&ok);
    if (!ok || !(rhoValue > 0.0 && rhoValue <= 1.0)) {
      const QString message =
          QCoreApplication::translate("main", "--rho must be a number in (0, 1], got '%1'").arg(parser.value(rho));
      std::fprintf(stderr, "folk-workbench: %s\n", qPrintable(message));
      return 2;
    }
  }

  QTemporaryDir scratchSettings;
  const bool grabbing = parser.isSet(screenshot);
  if (grabbing) {
    // A screenshot must not depend on, nor change, the user's saved settings.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, scratchSettings.path());
  }

  // Which paths are runs is read from the file system now, before the window shows (startup_paths.h).
  const folk::ui::StartupPaths startup = folk::ui::classifyStartupPaths(parser.positionalArguments());
  folk::ui::MainWindow window(startup.images);
  folk::ui::openStartupRuns(window, startup);
  folk::ui::ExploreControls* controls = window.explorePage()->controls();
  if (parser.isSet(compare)) controls->compareBox()->setChecked(true);
  if (parser.isSet(rho)) controls->rhoSlider()->setValue(rhoValue);
  if (grabbing) window.resize(1600, 1000);
  window.show();

  if (grabbing) {
    const int expected = startup.images.isEmpty() ? int(folk::ui::sampleImageKeys().size()) : 1;
    folk::ui::screenshotWhenReady(&window, parser.value(screenshot), expected, 60000, [](bool ok, QString message) {
      std::fprintf(ok ? stdout : stderr, "folk-workbench: %s\n", qPrintable(message));
      QApplication::exit(ok ? 0 : 1);
    });
  }
  return app.exec();
}
