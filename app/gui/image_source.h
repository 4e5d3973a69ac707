#pragma once
// Where Explore's images come from: sample photos embedded as Qt resources (":/samples/<name>")
// and files on disk. Every decode goes through core (decodeImage / loadImage), so conversions
// (alpha, 16-bit, palette, grey) are the ones DESIGN.md §3 defines and `folk mask` uses.
#include <QString>
#include <QStringList>
#include <atomic>

#include "core/data/image.h"

namespace folk::ui {

// The photos shipped as resources, in the order they appear in the thumbnail strip.
QStringList sampleImageKeys();

bool isResourceKey(const QString& key);
// A short name for a key: the file name ("astronaut.png").
QString displayNameForKey(const QString& key);

// Decodes the image behind a key. Throws folk::ImageFileError naming the file on any problem.
folk::Image loadImageForKey(const QString& key);

// File name extensions (lower case, no dot) of the formats FOLK reads (core/data/image_format.h).
const QStringList& imageFileSuffixes();
bool hasImageSuffix(const QString& path);

struct ExpandedPaths {
  QStringList files;     // absolute paths of images, in a stable (sorted) order
  QStringList problems;  // one sentence per path that is neither an image file nor a folder with images
  bool truncated = false;
  bool cancelled = false;  // *cancel became true: `files` holds what was found until then
};

// Files stay as they are (a bad file is still returned: decoding it reports the real reason);
// folders are searched recursively for image files (at most maxFiles in all). Safe on any thread:
// `cancel` (may be null) stops the search, `found` (may be null) counts the image files seen.
ExpandedPaths expandImagePaths(const QStringList& paths, int maxFiles = 5000,
                               const std::atomic<bool>* cancel = nullptr, std::atomic<int>* found = nullptr);

}  // namespace folk::ui
