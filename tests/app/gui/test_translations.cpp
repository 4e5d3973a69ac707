// Translations: the real MainWindow is built in English, German and Simplified Chinese (offscreen),
// and every text it shows is collected (window title, menus, tool bars, labels, buttons, group
// boxes, tabs, combo items, placeholders, table headers, tooltips, accessible names, image view
// titles, plot axes, legends and titles). In each language the texts must differ from the
// English ones, and none may still be English except names (FOLK, Com, RCom, k-NN, ...), units,
// file names and numbers; the failure lists every offender with where it is. Also: the language
// choice (system locale, settings, --language, FOLK_LANGUAGE) and locale-formatted numbers and dates.
#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTextDocumentFragment>
#include <QToolBar>
#include <functional>
#include <memory>

#include "app/gui/config_form.h"
#include "app/gui/explore_page.h"
#include "app/gui/language.h"
#include "app/gui/main_window.h"
#include "app/gui/runs_table_model.h"
#include "gui_test_support.h"
#include "widgets/image_view.h"
#include "widgets/qcustomplot_compat.h"

namespace folk::ui::test {
namespace {

// Names, units, formats and identifiers that stay as they are in every language.
const QSet<QString>& names() {
  static const QSet<QString> set = [] {
    QSet<QString> s;
    for (const char* w :
         {"folk", "workbench", "com", "rcom", "k-nn", "knn", "vit", "resnet", "resnet-18", "pca", "png", "pdf", "csv",
          "json", "markdown", "mnist", "fashion-mnist", "cifar", "idx", "ema", "psnr", "rgb", "mlp", "adamw", "cuda",
          "cpu", "gpu", "cls", "mfm", "utc", "qt", "libtorch", "opencv", "fftw", "safetensors", "softmax", "logits",
          "top-1", "ln", "kl", "esc", "ctrl", "enter", "del", "f2", "db", "ms", "px", "min", "max", "log", "fu", "fv", "rho",
          "viridis", "magma", "inferno", "english", "deutsch", "float32", "bf16", "bfloat16", "autocast", "pytorch",
          "timm", "torchvision",
          // config values and command lines shown as they are typed
          "auto", "nano", "tiny", "small", "base", "mfm-comrcom", "folk-fixed", "dino", "export", "train", "config",
          "momentum_end", "weight_decay_end", "base_lr", "cuda:n", "config.json", "fast", "full", "test",
          "validation", "l-bfgs", "mean", "sinkhorn-knopp", "dinov2", "preset"})
      s.insert(QString::fromLatin1(w));
    return s;
  }();
  return set;
}

// Words German shares with English (same spelling, same meaning).
const QSet<QString>& germanAlsoEnglish() {
  static const QSet<QString> set{"radius",   "filter",  "status", "original", "format", "name",
                                 "momentum", "threads", "linear", "top",      "start",  "ring"};
  return set;
}

QString plain(const QString& text) {
  QString t = Qt::mightBeRichText(text) ? QTextDocumentFragment::fromHtml(text).toPlainText() : text;
  t.replace(QRegularExpression(QStringLiteral("&(?!&)")), QString());  // accelerators
  return t.simplified();
}

// The Latin words of a text that are not names: the English a translation left behind.
QStringList foreignWords(const QString& text, const QSet<QString>& alsoAllowed = {}) {
  QStringList words;
  // Paths and pairs such as /tmp/runs, cyc/px or Com/RCom are names or units, not sentences.
  static const QRegularExpression path(QStringLiteral("\\S*/\\S*"));
  static const QRegularExpression token(QStringLiteral("[A-Za-z][A-Za-z0-9_:.\\-]*[A-Za-z0-9]|[A-Za-z]"));
  const QString withoutPaths = QString(text).replace(path, QStringLiteral(" "));
  for (auto it = token.globalMatch(withoutPaths); it.hasNext();) {
    const QString w = it.next().captured();
    const QString lower = w.toLower();
    if (w.size() < 2) continue;                                                  // r, k, N, H, W, K
    if (w.contains(QLatin1Char('.')) || w.contains(QLatin1Char('_'))) continue;  // file names, keys
    if (names().contains(lower) || alsoAllowed.contains(lower)) continue;
    words << w;
  }
  return words;
}

struct Shown {
  QString where;
  QString text;
};

QString pathOf(const QObject* o, const QObject* root) {
  QStringList parts;
  for (; o && o != root; o = o->parent()) {
    int index = 0;
    if (o->parent()) {
      for (const QObject* sibling : o->parent()->children()) {
        if (sibling == o) break;
        if (sibling->metaObject() == o->metaObject()) ++index;
      }
    }
    parts.prepend(QStringLiteral("%1#%2").arg(QLatin1String(o->metaObject()->className())).arg(index));
  }
  return parts.join(QLatin1Char('/'));
}

// Everything the window shows, keyed by where it is (the same key in every language).
QList<Shown> shownTexts(MainWindow& window) {
  QList<Shown> out;
  auto add = [&](const QString& where, const QString& text) {
    const QString t = plain(text);
    if (!t.isEmpty() && t.contains(QRegularExpression(QStringLiteral("[^\\d\\s.,:%+\\-–—×/()]"))))
      out.append({where, t});
  };
  add(QStringLiteral("window title"), window.windowTitle());

  std::function<void(QMenu*, const QString&)> menu = [&](QMenu* m, const QString& path) {
    int i = 0;
    for (QAction* a : m->actions()) {
      const QString where = QStringLiteral("%1 > item %2").arg(path).arg(i++);
      add(where, a->text());
      if (a->menu()) menu(a->menu(), where);
    }
  };
  int top = 0;
  for (QAction* a : window.menuBar()->actions()) {
    const QString where = QStringLiteral("menu %1").arg(top++);
    add(where, a->text());
    if (a->menu()) menu(a->menu(), where);
  }
  for (QToolBar* bar : window.findChildren<QToolBar*>()) {
    add(pathOf(bar, &window) + QStringLiteral(" title"), bar->windowTitle());
    int i = 0;
    for (QAction* a : bar->actions()) {
      add(QStringLiteral("%1 action %2").arg(pathOf(bar, &window)).arg(i), a->text());
      add(QStringLiteral("%1 action %2 tooltip").arg(pathOf(bar, &window)).arg(i++), a->toolTip());
    }
  }

  for (QWidget* w : window.findChildren<QWidget*>()) {
    const QString where = pathOf(w, &window);
    // The values of the training form are the config's own (the same in config.json and on the
    // command line: "auto", "vit-nano", numbers); its labels and tooltips are translated.
    bool configValue = false;
    for (QWidget* p = w->parentWidget(); p && !configValue; p = p->parentWidget())
      configValue = qobject_cast<ConfigForm*>(p) != nullptr;
    add(where + QStringLiteral(" tooltip"), w->toolTip());
    add(where + QStringLiteral(" accessible name"), w->accessibleName());
    add(where + QStringLiteral(" accessible description"), w->accessibleDescription());
    if (auto* label = qobject_cast<QLabel*>(w)) add(where, label->text());
    if (auto* button = qobject_cast<QAbstractButton*>(w)) add(where, button->text());
    if (auto* box = qobject_cast<QGroupBox*>(w)) add(where, box->title());
    if (auto* edit = qobject_cast<QLineEdit*>(w)) add(where + QStringLiteral(" placeholder"), edit->placeholderText());
    if (auto* spin = qobject_cast<QAbstractSpinBox*>(w))
      add(where + QStringLiteral(" special"), spin->specialValueText());
    if (auto* spin = qobject_cast<QDoubleSpinBox*>(w)) add(where + QStringLiteral(" suffix"), spin->suffix());
    if (auto* tabs = qobject_cast<QTabBar*>(w)) {
      for (int i = 0; i < tabs->count(); ++i) add(where + QStringLiteral(" tab %1").arg(i), tabs->tabText(i));
    }
    if (auto* combo = qobject_cast<QComboBox*>(w); combo && !configValue) {
      for (int i = 0; i < combo->count(); ++i) add(where + QStringLiteral(" item %1").arg(i), combo->itemText(i));
    }
    if (auto* view = qobject_cast<QAbstractItemView*>(w); view && view->model()) {
      for (int c = 0; c < view->model()->columnCount(); ++c)
        add(where + QStringLiteral(" header %1").arg(c), view->model()->headerData(c, Qt::Horizontal).toString());
    }
    if (auto* image = qobject_cast<ImageView*>(w)) {
      add(where + QStringLiteral(" title"), image->title());
      add(where + QStringLiteral(" placeholder"), image->placeholderText());
    }
    if (auto* plot = qobject_cast<QCustomPlot*>(w)) {
      int a = 0;
      for (QCPAxisRect* rect : plot->axisRects())
        for (QCPAxis* axis : rect->axes()) add(where + QStringLiteral(" axis %1").arg(a++), axis->label());
      int item = 0;  // legend entries (graphs left out of every legend are never shown by name)
      for (QCPLegend* legend : plot->findChildren<QCPLegend*>()) {
        for (int i = 0; i < legend->itemCount(); ++i) {
          if (auto* entry = qobject_cast<QCPPlottableLegendItem*>(legend->item(i)))
            add(where + QStringLiteral(" legend %1").arg(item++), entry->plottable()->name());
        }
      }
      for (int e = 0; e < plot->plotLayout()->elementCount(); ++e) {
        if (auto* text = qobject_cast<QCPTextElement*>(plot->plotLayout()->elementAt(e)))
          add(where + QStringLiteral(" text %1").arg(e), text->text());
      }
      for (int i = 0; i < plot->itemCount(); ++i) {
        if (auto* text = qobject_cast<QCPItemText*>(plot->item(i)))
          add(where + QStringLiteral(" item %1").arg(i), text->text());
      }
    }
  }
  return out;
}

class TranslationTest : public IsolatedSettingsTest {
 protected:
  void SetUp() override {
    IsolatedSettingsTest::SetUp();
    ASSERT_TRUE(runs_.isValid());
    QSettings().setValue(QStringLiteral("train/runsDir"), runs_.path());
    localeBefore_ = QLocale();
  }
  void TearDown() override {
    applyLanguage(QStringLiteral("en"));  // removes the translators
    QLocale::setDefault(localeBefore_);
  }

  // The texts of a fresh window in `language`, once Explore shows the first sample photo.
  QList<Shown> textsIn(const QString& language) {
    EXPECT_EQ(applyLanguage(language), language);
    auto window = std::make_unique<MainWindow>();
    window->show();
    EXPECT_TRUE(waitUntil([&] { return !window->explorePage()->currentKey().isEmpty(); }));
    EXPECT_TRUE(waitForViews(*window->explorePage()));
    return shownTexts(*window);
  }

  QTemporaryDir runs_;
  QLocale localeBefore_;
};

TEST_F(TranslationTest, EveryVisibleTextIsTranslatedInGermanAndChinese) {
  ASSERT_TRUE(QFile::exists(QStringLiteral(":/i18n/folk_workbench_de.qm")));
  ASSERT_TRUE(QFile::exists(QStringLiteral(":/i18n/folk_workbench_zh_CN.qm")));
  const QList<Shown> english = textsIn(QStringLiteral("en"));
  ASSERT_GT(english.size(), 200);
  QHash<QString, QString> englishAt;
  for (const auto& s : english) englishAt.insert(s.where, s.text);

  for (const QString language : {QStringLiteral("de"), QStringLiteral("zh_CN")}) {
    SCOPED_TRACE(language.toStdString());
    const QList<Shown> translated = textsIn(language);
    QStringList offenders;
    int compared = 0, changed = 0;
    for (const auto& s : translated) {
      const auto en = englishAt.constFind(s.where);
      if (en != englishAt.constEnd()) {
        ++compared;
        if (*en != s.text) ++changed;
      }
      // Chinese: no Latin word but names. German: nothing left exactly as in English, and no
      // English word (one the English window shows) that German does not share.
      QStringList left;
      if (language == QLatin1String("zh_CN")) {
        left = foreignWords(s.text);
      } else if (en != englishAt.constEnd() && *en == s.text) {
        left = foreignWords(s.text, germanAlsoEnglish());
      }
      if (!left.isEmpty())
        offenders << QStringLiteral("  %1: \"%2\" (%3)").arg(s.where, s.text, left.join(QStringLiteral(", ")));
    }
    EXPECT_GT(compared, 200);
    EXPECT_GT(changed, compared * 3 / 4) << changed << " of " << compared << " texts changed";
    EXPECT_TRUE(offenders.isEmpty()) << offenders.size() << " texts still in English:\n"
                                     << offenders.join(QLatin1Char('\n')).toStdString();
  }
}

TEST_F(TranslationTest, MenusAndWorkspacesChangeLanguage) {
  applyLanguage(QStringLiteral("de"));
  {
    MainWindow window;
    EXPECT_EQ(window.workspaceNames(), QStringList({"Erkunden", "Trainieren", "Ergebnisse"}));
    EXPECT_EQ(window.menuBar()->actions().first()->text(), QStringLiteral("&Datei"));
  }
  applyLanguage(QStringLiteral("zh_CN"));
  {
    MainWindow window;
    EXPECT_EQ(window.workspaceNames(), QStringList({"探索", "训练", "结果"}));
    EXPECT_EQ(window.menuBar()->actions().first()->text(), QStringLiteral("文件(&F)"));
  }
  applyLanguage(QStringLiteral("en"));
  MainWindow window;
  EXPECT_EQ(window.workspaceNames(), QStringList({"Explore", "Train", "Results"}));
}

TEST_F(TranslationTest, NumbersAndDatesFollowTheLanguage) {
  RunSummary run;
  run.path = "/tmp/20261127T031205Z-try";
  run.folder = "20261127T031205Z-try";
  run.created = "2026-11-27 03:12:05 UTC";
  run.status = "finished";
  run.steps = 12500;
  run.hasEval = true;
  run.final.knnTop1 = 0.625;
  RunsTableModel model;
  model.setRuns({run});
  auto shown = [&](int column) { return model.data(model.index(0, column)).toString(); };
  const QDateTime created(QDate(2026, 11, 27), QTime(3, 12, 5), Qt::UTC);

  applyLanguage(QStringLiteral("de"));
  EXPECT_EQ(shown(RunsTableModel::Knn), QStringLiteral("62,5"));
  EXPECT_EQ(shown(RunsTableModel::Steps), QStringLiteral("12.500"));
  EXPECT_EQ(shown(RunsTableModel::Status), QStringLiteral("abgeschlossen"));
  EXPECT_EQ(shown(RunsTableModel::Created), QLocale().toString(created.toLocalTime(), QLocale::ShortFormat));
  EXPECT_TRUE(shown(RunsTableModel::Created).contains(QStringLiteral("27.11.")))
      << shown(RunsTableModel::Created).toStdString();

  {
    QCustomPlot plot;  // tick labels of every plot
    EXPECT_EQ(plot.locale().decimalPoint(), QStringLiteral(","));
  }

  applyLanguage(QStringLiteral("zh_CN"));
  EXPECT_EQ(shown(RunsTableModel::Knn), QStringLiteral("62.5"));
  EXPECT_EQ(shown(RunsTableModel::Status), QStringLiteral("已完成"));
  EXPECT_TRUE(shown(RunsTableModel::Created).startsWith(QStringLiteral("2026/11/2")))
      << shown(RunsTableModel::Created).toStdString();

  applyLanguage(QStringLiteral("en"));
  EXPECT_EQ(shown(RunsTableModel::Knn), QStringLiteral("62.5"));
  EXPECT_EQ(shown(RunsTableModel::Steps), QStringLiteral("12,500"));
  EXPECT_EQ(shown(RunsTableModel::Status), QStringLiteral("finished"));
}

TEST_F(TranslationTest, TheLanguageComesFromArgumentsEnvironmentSettingsOrTheSystem) {
  EXPECT_EQ(resolveLanguage(QStringLiteral("de")), QStringLiteral("de"));
  EXPECT_EQ(resolveLanguage(QStringLiteral("de_AT")), QStringLiteral("de"));
  EXPECT_EQ(resolveLanguage(QStringLiteral("zh")), QStringLiteral("zh_CN"));
  EXPECT_EQ(resolveLanguage(QStringLiteral("zh_TW")), QStringLiteral("en"));  // no traditional Chinese yet
  EXPECT_EQ(resolveLanguage(QStringLiteral("fr")), QStringLiteral("en"));
  EXPECT_FALSE(resolveLanguage(QStringLiteral("system")).isEmpty());

  qunsetenv("FOLK_LANGUAGE");
  EXPECT_EQ(languageSetting(), QStringLiteral("system"));
  EXPECT_EQ(startupLanguage({"folk-workbench"}), QStringLiteral("system"));
  setLanguageSetting(QStringLiteral("zh_CN"));
  EXPECT_EQ(startupLanguage({"folk-workbench"}), QStringLiteral("zh_CN"));
  EXPECT_EQ(startupLanguage({"folk-workbench"}, false), QStringLiteral("system"));  // screenshots
  qputenv("FOLK_LANGUAGE", "de");
  EXPECT_EQ(startupLanguage({"folk-workbench"}), QStringLiteral("de"));
  EXPECT_EQ(startupLanguage({"folk-workbench", "--language", "en"}), QStringLiteral("en"));
  EXPECT_EQ(startupLanguage({"folk-workbench", "--language=zh_CN", "photo.png"}), QStringLiteral("zh_CN"));
  qunsetenv("FOLK_LANGUAGE");
  setLanguageSetting(QStringLiteral("klingon"));
  EXPECT_EQ(languageSetting(), QStringLiteral("system"));  // an unknown stored value is ignored
}

TEST_F(TranslationTest, TheViewMenuOffersEveryLanguage) {
  MainWindow window;
  QMenu* languageMenu = nullptr;
  for (QMenu* m : window.menuBar()->findChildren<QMenu*>()) {
    if (m->title() == QStringLiteral("&Language")) languageMenu = m;
  }
  ASSERT_NE(languageMenu, nullptr);
  QStringList items;
  for (QAction* a : languageMenu->actions())
    if (!a->isSeparator()) items << a->text();
  ASSERT_EQ(items.size(), 4);
  EXPECT_TRUE(items[0].startsWith(QStringLiteral("System default")));
  EXPECT_EQ(items.mid(1), QStringList({"English", "Deutsch", "简体中文"}));
}

}  // namespace
}  // namespace folk::ui::test
