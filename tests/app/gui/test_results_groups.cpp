// The Results workspace on a study folder on disk, written as `folk study` and the engine write it
// (tests/core/io/study_fixture.h: study.json, run folders with config.json, metrics.jsonl,
// eval.json and state.json): the study's runs are listed with their study, the Groups list shows
// its objectives and baselines with mean ± std and their numbers of runs and expands to the runs,
// a selected group is a mean line over a min-max band (the metric, the learning rate, k-NN) that
// grows with its runs and is drawn anew when a run joins it, the metric picker puts any logged
// step metric in the first panel, and runs group by any setting.
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QColor>
#include <QFileInfo>
#include <QFont>
#include <QHeaderView>
#include <QTableView>
#include <QLocale>
#include <QTemporaryDir>
#include <QTreeView>
#include <cmath>

#include "app/gui/error_banner.h"
#include "app/gui/results_page.h"
#include "app/gui/run_groups_model.h"
#include "app/gui/runs_table_model.h"
#include "app/gui/settings_comparison_model.h"
#include "core/io/settings_registry.h"
#include "gui_test_support.h"
#include "tests/core/io/study_fixture.h"
#include "widgets/step_comparison_model.h"
#include "widgets/step_comparison_panel.h"
#include "widgets/training_curves.h"

namespace folk::ui::test {
namespace {

using folk::test::FixtureRun;

class ResultsGroupsTest : public IsolatedSettingsTest {
 protected:
  void SetUp() override {
    IsolatedSettingsTest::SetUp();
    ASSERT_TRUE(runs_.isValid());
    // folk and mfm over seeds 0-2, 20 logged steps each; a run's loss is its seed's scale times
    // (1 + 4 / step), so the band at a step is known. mfm's seed 2 is still running.
    std::vector<FixtureRun> runs;
    const double knn[2][3] = {{0.712, 0.698, 0.731}, {0.688, 0.702, 0.650}};
    for (int o = 0; o < 2; ++o) {
      for (int seed = 0; seed < 3; ++seed) {
        FixtureRun r{o == 0 ? "folk" : "mfm", seed, o == 1 && seed == 2 ? "running" : "finished", knn[o][seed], 0.75,
                     0.6, 20.0};
        if (o == 0) {
          r.randomInitKnn = 0.40 + 0.01 * seed;
          r.rawPixelsKnn = 0.52;
        }
        r.steps = 20;
        r.lossScale = 1.0 + 0.1 * seed;
        runs.push_back(r);
      }
    }
    study_ = QString::fromStdString(
        folk::test::writeFixtureStudy(runs_.path().toStdString(), "tiny", {"folk", "mfm"}, {0, 1, 2}, runs));
    FixtureRun loose{"dino", 0, "finished", 0.5, 0.5, 0.5, 5.0};
    loose.prototypes = 128;
    loose.steps = 4;
    loose_ = QString::fromStdString(folk::test::writeFixtureRun(runs_.path().toStdString(), loose));
  }

  static bool allLoaded(const ResultsPage& page) {
    for (const auto& r : page.model()->runs())
      if (r.status == "loading") return false;
    return page.upToDate();
  }
  // Shows `page` on the fixture's runs folder; true once all seven runs are read.
  bool showAllRuns(ResultsPage& page) const {
    page.resize(1200, 900);
    page.show();
    page.setRunsDirectory(runs_.path());
    return waitUntil([&] { return page.model()->rowCount() == 7 && allLoaded(page); });
  }
  // The study's run of this objective and seed; empty when the page does not list it.
  QString studyRun(const ResultsPage& page, const std::string& objective, std::uint64_t seed) const {
    for (const auto& r : page.model()->runs())
      if (r.objective == objective && r.seed == seed && r.path != loose_.toStdString()) return QString::fromStdString(r.path);
    return QString();
  }
  static QString text(const QAbstractItemModel* model, int row, int column, const QModelIndex& parent = {}) {
    return model->data(model->index(row, column, parent)).toString();
  }
  static QString meanStd(double mean, double std) {
    return QStringLiteral("%1 ± %2").arg(QLocale().toString(mean, 'f', 1), QLocale().toString(std, 'f', 1));
  }

  QTemporaryDir runs_;
  QString study_, loose_;
};

TEST_F(ResultsGroupsTest, TheSettingsTabShowsWhatDiffersBetweenTheSelectedRuns) {
  ResultsPage page;
  ASSERT_TRUE(showAllRuns(page));
  SettingsComparisonModel* settings = page.settingsComparison();
  EXPECT_EQ(settings->rowCount(), 0);
  EXPECT_EQ(settings->columnCount(), 0);
  EXPECT_FALSE(page.settingsSummaryText().isEmpty());

  auto runOf = [&](const std::string& objective, std::uint64_t seed) { return studyRun(page, objective, seed); };
  auto shownKeys = [&] {
    QStringList keys;
    for (int row = 0; row < settings->rowCount(); ++row) keys << settings->settingKey(row);
    return keys;
  };
  const QString folk0 = runOf("folk", 0), mfm1 = runOf("mfm", 1), folk2 = runOf("folk", 2);
  ASSERT_FALSE(folk0.isEmpty());
  ASSERT_FALSE(mfm1.isEmpty());

  // One run: every setting, nothing bold.
  page.selectRuns({folk0});
  ASSERT_EQ(settings->columnCount(), 2);
  EXPECT_EQ(settings->rowCount(), int(folk::settingsRegistry().size()));
  EXPECT_TRUE(page.settingsSummaryText().contains(QFileInfo(folk0).fileName())) << page.settingsSummaryText().toStdString();

  // Two runs of different objectives and seeds: exactly the settings that differ, the later run's
  // value bold where it is not the first run's.
  page.selectRuns({folk0, mfm1});
  ASSERT_EQ(settings->columnCount(), 3);
  const QStringList keys = shownKeys();
  EXPECT_TRUE(keys.contains(QStringLiteral("objective.name"))) << keys.join(QLatin1Char(' ')).toStdString();
  EXPECT_TRUE(keys.contains(QStringLiteral("seed")));
  EXPECT_FALSE(keys.contains(QStringLiteral("model.name")));
  const int seedRow = int(keys.indexOf(QStringLiteral("seed")));
  QStringList values;
  for (int column = 1; column < 3; ++column) values << settings->index(seedRow, column).data().toString();
  values.sort();
  EXPECT_EQ(values, (QStringList{QStringLiteral("0"), QStringLiteral("1")}));
  int bold = 0;
  for (int column = 1; column < 3; ++column) bold += settings->index(seedRow, column).data(Qt::FontRole).value<QFont>().bold();
  EXPECT_EQ(bold, 1);
  EXPECT_TRUE(page.settingsSummaryText().contains(QString::number(keys.size()))) << page.settingsSummaryText().toStdString();
  EXPECT_EQ(settings->index(0, 0).data(Qt::ToolTipRole).toString().section(QLatin1Char(' '), 0, 0)
                .section(QLatin1Char('\n'), 0, 0),
            keys[0]);

  // All settings on request; the same objective over two seeds differs in the seed and the run name.
  auto* only = page.findChild<QCheckBox*>(QStringLiteral("onlyDifferingSettings"));
  ASSERT_NE(only, nullptr);
  only->setChecked(false);
  EXPECT_EQ(settings->rowCount(), int(folk::settingsRegistry().size()));
  only->setChecked(true);
  page.selectRuns({folk0, folk2});
  EXPECT_EQ(shownKeys(), (QStringList{QStringLiteral("seed"), QStringLiteral("name")}));
}

TEST_F(ResultsGroupsTest, CompareAtStepReadsTheSelectedRunsAndGroupsAtOneStep) {
  ResultsPage page;
  ASSERT_TRUE(showAllRuns(page));
  StepComparisonPanel* compare = page.stepComparison();
  StepComparisonModel* table = compare->model();
  EXPECT_TRUE(std::isnan(compare->step()));
  EXPECT_FALSE(compare->table()->isVisible());
  const QString folk0 = studyRun(page, "folk", 0), folk1 = studyRun(page, "folk", 1);
  page.selectRuns({folk0, folk1});
  ASSERT_TRUE(waitUntil([&] { return page.upToDate() && page.curves()->pointCount(folk1 + "|total") == 20; }));
  ASSERT_EQ(table->rowCount(), 2);
  EXPECT_EQ(table->data(table->index(0, 0)).toString(), QFileInfo(folk0).fileName());
  // The columns are what the panels show: the picked metric, the learning rate, k-NN.
  EXPECT_EQ(table->columns().size(), 3);
  EXPECT_EQ(table->columns()[2].key, "knn");

  // Seeds 0 and 1 scale the loss by 1.0 and 1.1: at step 4 it is 2.0 and 2.2; the k-NN of step 20
  // is not known yet at step 4.
  compare->setStep(4);
  EXPECT_TRUE(compare->table()->isVisible());
  EXPECT_EQ(page.curves()->stepMarker(), 4);
  EXPECT_DOUBLE_EQ(table->data(table->index(0, 1), Qt::UserRole).toDouble(), 2.0);
  EXPECT_NEAR(table->data(table->index(1, 1), Qt::UserRole).toDouble(), 2.2, 1e-12);
  EXPECT_DOUBLE_EQ(table->data(table->index(0, 2), Qt::UserRole).toDouble(), 1e-4);
  EXPECT_TRUE(std::isnan(table->data(table->index(0, 3), Qt::UserRole).toDouble()));
  // A step past a run's last point reads that point, and says where.
  compare->setStep(30);
  EXPECT_NEAR(table->data(table->index(0, 3), Qt::UserRole).toDouble(), 0.712, 1e-12);
  EXPECT_TRUE(table->data(table->index(0, 3)).toString().contains(QLocale().toString(20))) << table->data(table->index(0, 3)).toString().toStdString();
  // A click on the curves picks the step.
  Q_EMIT page.curves()->stepPicked(10);
  EXPECT_EQ(compare->step(), 10);
  EXPECT_EQ(page.curves()->stepMarker(), 10);
  EXPECT_NEAR(table->data(table->index(0, 1), Qt::UserRole).toDouble(), 1.4, 1e-12);

  // Groups: their mean at the step, with the min-max of their runs.
  const QString folkId = study_ + "|folk", mfmId = study_ + "|mfm";
  page.selectGroups({folkId, mfmId});
  ASSERT_TRUE(waitUntil([&] {
    return page.upToDate() && page.curves()->pointCount(ResultsPage::groupSeriesKey(mfmId, "total")) == 20;
  }));
  ASSERT_EQ(table->rowCount(), 2);
  EXPECT_EQ(table->data(table->index(0, 0)).toString(), QString::fromUtf8("tiny · folk"));  // study · objective
  const auto folkAt10 = table->valueAt(0, 0);  // seeds scale 1.4 by 1.0, 1.1, 1.2
  EXPECT_NEAR(folkAt10.value, 1.54, 1e-12);
  EXPECT_NEAR(folkAt10.lower, 1.4, 1e-12);
  EXPECT_NEAR(folkAt10.upper, 1.68, 1e-12);
  // The metric picker changes the first column.
  page.setCurveMetric(StepMetric::TeacherEntropy);
  ASSERT_TRUE(waitUntil([&] {
    return page.upToDate() && page.curves()->pointCount(ResultsPage::groupSeriesKey(folkId, "teacher_entropy")) == 20;
  }));
  EXPECT_EQ(table->columns()[0].key, "teacher_entropy");
  EXPECT_NEAR(table->valueAt(0, 0).value, 2.01, 1e-12);
  // Copied as tab-separated text; off again, the marker goes.
  compare->copyTable();
  EXPECT_EQ(QApplication::clipboard()->text(), table->tableText());
  EXPECT_EQ(table->tableText().count(QLatin1Char('\n')), 3);
  compare->toggle()->setChecked(false);
  EXPECT_TRUE(std::isnan(page.curves()->stepMarker()));
  EXPECT_FALSE(compare->table()->isVisible());
}

TEST_F(ResultsGroupsTest, SettingsBecomeTableColumnsThatSortAndKeepTheSelection) {
  {
    ResultsPage page;
    ASSERT_TRUE(showAllRuns(page));
    RunsTableModel* model = page.model();
    const int fixed = model->columnCount();
    page.selectRuns({loose_});
    page.setSettingColumns({QStringLiteral("model.prototypes"), QStringLiteral("no.such.setting"), QStringLiteral("seed")});
    EXPECT_EQ(page.settingColumns(), (QStringList{QStringLiteral("model.prototypes"), QStringLiteral("seed")}));
    ASSERT_EQ(model->columnCount(), fixed + 2);
    const int prototypes = model->settingColumn(QStringLiteral("model.prototypes"));
    EXPECT_EQ(prototypes, fixed);
    EXPECT_EQ(model->headerData(prototypes, Qt::Horizontal, Qt::ToolTipRole).toString(), QStringLiteral("model.prototypes"));
    EXPECT_FALSE(model->headerData(prototypes, Qt::Horizontal).toString().isEmpty());
    // Each run's value; the loose dino run has K 128, numbers sort as numbers.
    const int looseRow = model->rowOf(loose_);
    EXPECT_EQ(model->index(looseRow, prototypes).data().toString(), QStringLiteral("128"));
    EXPECT_EQ(model->index(looseRow, prototypes).data(Qt::UserRole).typeId(), QMetaType::Double);
    // The selection stays (rows are selected column by column).
    EXPECT_EQ(page.selectedRuns(), QStringList{loose_});
    // As numbers 64 < 128 (as text "128" would come first).
    page.table()->sortByColumn(prototypes, Qt::AscendingOrder);
    const QAbstractItemModel* shown = page.table()->model();
    EXPECT_EQ(shown->index(0, prototypes).data().toString(), QStringLiteral("64"));
    EXPECT_EQ(shown->index(shown->rowCount() - 1, prototypes).data().toString(), QStringLiteral("128"));
  }
  // Kept across restarts.
  ResultsPage again;
  EXPECT_EQ(again.settingColumns(), (QStringList{QStringLiteral("model.prototypes"), QStringLiteral("seed")}));
  again.setSettingColumns({});
  EXPECT_TRUE(again.settingColumns().isEmpty());
}

TEST_F(ResultsGroupsTest, AStudyShowsAsGroupsWithMeanStdAndItsCurvesAsBands) {
  ResultsPage page;
  page.resize(1200, 900);
  page.show();
  page.setWatchIntervalMs(100);
  page.setRunsDirectory(runs_.path());
  ASSERT_TRUE(waitUntil([&] { return page.model()->rowCount() == 7 && allLoaded(page); }));

  // The runs inside the study folder are listed, with their study.
  int inStudy = 0;
  for (int row = 0; row < page.model()->rowCount(); ++row) {
    const QString study = text(page.model(), row, RunsTableModel::Study);
    const bool member = page.model()->runAt(row)->path != loose_.toStdString();
    EXPECT_EQ(study, member ? QStringLiteral("tiny") : QString()) << page.model()->runAt(row)->path;
    inStudy += member;
  }
  EXPECT_EQ(inStudy, 6);

  // One row per objective, then the baselines and the paired difference of the study's summary.
  const RunGroupsModel* groups = page.groupsModel();
  ASSERT_EQ(groups->rowCount(), 5);
  const QStringList labels{text(groups, 0, RunGroupsModel::Group), text(groups, 1, RunGroupsModel::Group),
                           text(groups, 2, RunGroupsModel::Group), text(groups, 3, RunGroupsModel::Group),
                           text(groups, 4, RunGroupsModel::Group)};
  EXPECT_EQ(labels, (QStringList{"folk", "mfm", "random-init baseline", "raw-pixels baseline",
                                 "folk − mfm, paired per seed"}));
  EXPECT_EQ(groups->headerData(RunGroupsModel::FirstMetric, Qt::Horizontal).toString(), "k-NN %");
  EXPECT_EQ(text(groups, 0, RunGroupsModel::Study), "tiny");
  EXPECT_EQ(text(groups, 0, RunGroupsModel::Runs), "3");
  // NumPy: mean and std (ddof=1) of 71.2, 69.8, 73.1 and of 68.8, 70.2 (seed 2 is still running).
  EXPECT_EQ(text(groups, 0, RunGroupsModel::FirstMetric), meanStd(71.36666666666666, 1.6563010998406442));
  EXPECT_EQ(text(groups, 1, RunGroupsModel::Runs), "2 of 3");
  EXPECT_EQ(text(groups, 1, RunGroupsModel::FirstMetric), meanStd(69.5, 0.9899494936611706));
  EXPECT_EQ(text(groups, 2, RunGroupsModel::FirstMetric), meanStd(41.0, 1.0));  // 40, 41, 42
  // A group expands to its runs, each with its own figure.
  const QModelIndex folk = groups->index(0, 0);
  ASSERT_EQ(groups->rowCount(folk), 3);
  for (int r = 0; r < 3; ++r) {
    const RunSummary* run = groups->runAt(groups->index(r, 0, folk));
    ASSERT_NE(run, nullptr);
    EXPECT_EQ(text(groups, r, RunGroupsModel::Group, folk), QString::fromStdString(run->folder));
    EXPECT_EQ(text(groups, r, RunGroupsModel::FirstMetric, folk), QLocale().toString(run->final.knnTop1 * 100, 'f', 1));
  }
  EXPECT_EQ(groups->rowCount(groups->index(4, 0)), 0) << "a difference has no runs of its own";

  // The curves of two groups: the mean line over the min-max band, per metric, in its own colour.
  const QString folkId = study_ + "|folk", mfmId = study_ + "|mfm";
  page.groupsView()->expand(page.groupsView()->model()->index(0, 0));
  page.selectGroups({folkId, mfmId});
  EXPECT_TRUE(page.groupsShown());
  EXPECT_EQ(page.selectedGroups(), (QStringList{folkId, mfmId}));
  TrainingCurves* curves = page.curves();
  const QString folkLoss = ResultsPage::groupSeriesKey(folkId, "total");
  ASSERT_TRUE(waitUntil([&] { return page.upToDate() && curves->pointCount(folkLoss) == 20; }));
  for (const QString& key : {folkLoss, ResultsPage::groupSeriesKey(folkId, "lr"),
                             ResultsPage::groupSeriesKey(folkId, "knn"), ResultsPage::groupSeriesKey(mfmId, "total")}) {
    EXPECT_TRUE(curves->hasBand(key)) << key.toStdString();
  }
  // Seeds 0-2 scale the loss by 1.0, 1.1, 1.2: at step 4 (1 + 4 / 4 = 2) the band is 2.0 to 2.4.
  ASSERT_EQ(curves->bandLower(folkLoss).size(), 20);
  EXPECT_NEAR(curves->bandLower(folkLoss)[3], 2.0, 1e-12);
  EXPECT_NEAR(curves->bandUpper(folkLoss)[3], 2.4, 1e-12);
  EXPECT_EQ(curves->pointCount(ResultsPage::groupSeriesKey(folkId, "knn")), 1);
  EXPECT_NEAR(curves->bandUpper(ResultsPage::groupSeriesKey(folkId, "knn"))[0], 0.731, 1e-12);
  EXPECT_EQ(curves->pointCount(ResultsPage::groupSeriesKey(mfmId, "total")), 20);
  // Each group's row shows the colour of its curves; the others none.
  const QVariant folkColour = groups->data(groups->index(0, 0), Qt::DecorationRole);
  ASSERT_TRUE(folkColour.canConvert<QColor>());
  EXPECT_NE(folkColour.value<QColor>(), groups->data(groups->index(1, 0), Qt::DecorationRole).value<QColor>());
  EXPECT_FALSE(groups->data(groups->index(2, 0), Qt::DecorationRole).isValid());
  curves->flushReplot();

  // A run logs more steps: the band grows. A run joins the group: it is drawn anew over four runs,
  // and the Groups list keeps its expanded group and its selection.
  const auto folkRuns = groups->groupAt(groups->groupIndex(folkId))->runs;
  {
    MetricsWriter writer(folkRuns.front() + "/metrics.jsonl", folkRuns.front() + "/metrics.csv");
    for (int step = 21; step <= 25; ++step) {
      MetricsRow row;
      row.step = step;
      row.values[StepMetric::Total] = 1.0;
      writer.append(row);
    }
  }
  ASSERT_TRUE(waitUntil([&] { return curves->pointCount(folkLoss) == 25; }));
  FixtureRun joining{"folk", 3, "running", 0.7, 0.7, 0.6, 20.0};
  joining.steps = 30;
  joining.evaluated = false;
  folk::test::writeFixtureRun(study_.toStdString(), joining);
  ASSERT_TRUE(waitUntil([&] {
    const RunGroup* g = groups->groupAt(groups->groupIndex(folkId));
    return g && g->runs.size() == 4 && curves->pointCount(folkLoss) == 30 && page.upToDate();
  }));
  EXPECT_EQ(page.selectedGroups(), (QStringList{folkId, mfmId}));
  EXPECT_TRUE(page.groupsView()->isExpanded(page.groupsView()->model()->index(0, 0)));
  EXPECT_EQ(text(groups, 0, RunGroupsModel::Runs), "3 of 4");

  // Any logged step metric in the first panel, for groups and runs alike.
  page.setCurveMetric(StepMetric::TeacherEntropy);
  const QString folkEntropy = ResultsPage::groupSeriesKey(folkId, "teacher_entropy");
  ASSERT_TRUE(waitUntil([&] { return page.upToDate() && curves->pointCount(folkEntropy) == 30; }));
  EXPECT_FALSE(curves->hasSeries(folkLoss));
  EXPECT_TRUE(curves->hasBand(folkEntropy));
  EXPECT_EQ(curves->panelTitle(TrainingCurves::Panel::Loss), "teacher entropy (nats)");
  EXPECT_NEAR(curves->bandLower(folkEntropy)[0], 2.0, 1e-12);   // 2 + 0.01 seed, seeds 0-3
  EXPECT_NEAR(curves->bandUpper(folkEntropy)[0], 2.03, 1e-12);
  // Selecting a group's run in the Groups list plots that run.
  const QModelIndex firstRun = page.groupsView()->model()->index(0, 0, page.groupsView()->model()->index(0, 0));
  page.groupsView()->selectionModel()->select(firstRun, QItemSelectionModel::Select | QItemSelectionModel::Rows);
  ASSERT_EQ(page.selectedRuns().size(), 1);
  const QString run = page.selectedRuns().front();
  ASSERT_TRUE(waitUntil([&] { return page.upToDate() && curves->pointCount(run + "|teacher_entropy") > 0; }));
  EXPECT_FALSE(curves->hasBand(run + "|teacher_entropy"));

  // The runs table shown again: its selection (none) is what the curves show.
  page.selectRuns({loose_});
  EXPECT_FALSE(page.groupsShown());
  ASSERT_TRUE(waitUntil([&] { return page.upToDate() && curves->pointCount(loose_ + "|teacher_entropy") == 4; }));
  EXPECT_FALSE(curves->hasSeries(folkEntropy));

  // Every run grouped by a setting: the study's K = 64 and the loose run's 128.
  page.setGroupBy("model.prototypes");
  ASSERT_EQ(groups->rowCount(), 2);
  EXPECT_EQ(text(groups, 0, RunGroupsModel::Group), "64");
  EXPECT_EQ(text(groups, 0, RunGroupsModel::Runs), "5 of 7");
  EXPECT_EQ(text(groups, 1, RunGroupsModel::Group), "128");
  EXPECT_TRUE(page.groupsView()->isColumnHidden(RunGroupsModel::Study));
  page.selectGroups({"model.prototypes=128"});
  const QString k128 = ResultsPage::groupSeriesKey("model.prototypes=128", "teacher_entropy");
  ASSERT_TRUE(waitUntil([&] { return page.upToDate() && curves->pointCount(k128) == 4; }));
  EXPECT_TRUE(curves->hasBand(k128));
  EXPECT_TRUE(page.errorBanner()->errors().isEmpty()) << page.errorBanner()->text().toStdString();
}

}  // namespace
}  // namespace folk::ui::test
