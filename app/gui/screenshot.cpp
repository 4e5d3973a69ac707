#include "app/gui/screenshot.h"

#include <QElapsedTimer>
#include <QTimer>
#include <memory>

#include "app/gui/explore_page.h"
#include "app/gui/main_window.h"
#include "app/gui/view_export.h"
#include "widgets/thumbnail_strip.h"

namespace folk::ui {

void screenshotWhenReady(MainWindow* window, const QString& path, int expectedThumbnails, int timeoutMs,
                         std::function<void(bool, QString)> done) {
  auto* timer = new QTimer(window);
  auto clock = std::make_shared<QElapsedTimer>();
  clock->start();
  auto stableSince = std::make_shared<qint64>(-1);
  QObject::connect(timer, &QTimer::timeout, window, [=] {
    ExplorePage* page = window->explorePage();
    const bool ready = page->upToDate() && page->thumbnails()->count() >= expectedThumbnails;
    if (!ready) {
      *stableSince = -1;
    } else if (*stableSince < 0) {
      *stableSince = clock->elapsed();  // let queued replots and icon paints land first
    } else if (clock->elapsed() - *stableSince >= 500) {
      timer->stop();
      timer->deleteLater();
      const QString problem = savePngAtomically(window->grab().toImage(), path);
      done(problem.isEmpty(), problem.isEmpty() ? QStringLiteral("wrote %1").arg(path) : problem);
      return;
    }
    if (clock->elapsed() > timeoutMs) {
      timer->stop();
      timer->deleteLater();
      done(false, QStringLiteral("timed out after %1 ms waiting for the Explore views").arg(timeoutMs));
    }
  });
  timer->start(100);
}

}  // namespace folk::ui
