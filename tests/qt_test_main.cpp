// googletest main for tests that need a QApplication (widgets, GUI). Runs on the offscreen
// platform unless QT_QPA_PLATFORM says otherwise (e.g. xcb under Xvfb for screenshots).
#include <gtest/gtest.h>

#include <QApplication>
#include <cstdlib>

int main(int argc, char** argv) {
  if (!std::getenv("QT_QPA_PLATFORM")) setenv("QT_QPA_PLATFORM", "offscreen", 1);
  QApplication app(argc, argv);
  QApplication::setOrganizationName("FOLK-tests");
  QApplication::setApplicationName("folk-workbench-tests");
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
