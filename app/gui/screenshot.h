#pragma once
// --screenshot support: waits until Explore shows an up-to-date result for the first image and all
// thumbnails are in, then grabs the window (QWidget::grab, no external tool) and saves a PNG.
#include <QString>
#include <functional>

namespace folk::ui {

class MainWindow;

// Calls done(ok, message) once the PNG is written or the wait (timeoutMs) runs out.
void screenshotWhenReady(MainWindow* window, const QString& path, int expectedThumbnails, int timeoutMs,
                         std::function<void(bool, QString)> done);

}  // namespace folk::ui
