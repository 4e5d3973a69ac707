// Paths as text: names and folders computed from the string alone, as the pages use them on the
// GUI thread (no file system query).
#include <gtest/gtest.h>

#include "app/gui/path_text.h"

namespace folk::ui {
namespace {

TEST(PathText, NamesAndFoldersComeFromTheStringAlone) {
  EXPECT_EQ(fileNameOf("/runs/20261207T1-folk"), "20261207T1-folk");
  EXPECT_EQ(fileNameOf("/runs/20261207T1-folk/"), "20261207T1-folk");
  EXPECT_EQ(fileNameOf("name"), "name");
  EXPECT_EQ(parentOf("/runs/20261207T1-folk"), "/runs");
  EXPECT_EQ(parentOf("/x"), "/");
  EXPECT_EQ(parentOf("x"), ".");
  EXPECT_EQ(childPath("/runs", "a.json"), "/runs/a.json");
  EXPECT_EQ(childPath("/runs/", "a.json"), "/runs/a.json");
  EXPECT_EQ(childPath("/", "a"), "/a");
  // A path on a share that does not exist (or stalls) is handled the same way: nothing is asked.
  EXPECT_EQ(fileNameOf("/net/unreachable/share/run-1"), "run-1");
}

}  // namespace
}  // namespace folk::ui
