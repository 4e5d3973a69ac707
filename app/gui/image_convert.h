#pragma once
// folk::Image (float C×H×W in [0,1]) <-> QImage. Lives in app/ because widgets must not see core
// types and core must not see Qt.
#include <QImage>
#include <cstdint>
#include <vector>

#include "core/data/image.h"
#include "core/spectral/mask.h"

namespace folk::ui {

// C = 1 -> Grayscale8, C = 3 -> RGB888; samples clamped to [0,1] and rounded to 8 bits.
QImage toQImage(const folk::Image& image);

// Grey images stay one channel; everything else becomes RGB (alpha dropped, as DESIGN.md §3 says).
folk::Image fromQImage(const QImage& image);

// A mask as a Grayscale8 image: kept = white, removed = black, a soft mask's gain in grey levels
// (rounded like the PNGs that `folk mask` writes, so an exported mask reads back as itself).
QImage maskToQImage(const folk::Mask& mask);

}  // namespace folk::ui
