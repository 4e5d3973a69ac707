#pragma once
// Perceptually uniform colour maps for spectra (matplotlib's viridis and magma), so that a log
// spectrum reads the same in `folk mask` PNGs and in the Explore workspace.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace folk {

enum class ColorMap { Viridis, Magma };

// "viridis", "magma"; nullopt for unknown names.
std::optional<ColorMap> parseColorMap(const std::string& name);
std::string colorMapName(ColorMap map);

// The colour at t in [0,1] (clamped) as 8-bit RGB. Within 2/255 (viridis) and 5/255 (magma) of
// matplotlib's tables: a 6th-order polynomial fit, which keeps the tables out of the source.
void colorAt(ColorMap map, double t, std::uint8_t rgb[3]);

// Maps values linearly from [low, high] to [0,1] and colours them: interleaved RGB8, 3 bytes per
// value. When high <= low every value gets the colour of 0. Non-finite values get the colour of 0.
std::vector<std::uint8_t> applyColorMap(const std::vector<float>& values, ColorMap map, float low, float high);

// The same over the values' own range [min, max].
std::vector<std::uint8_t> applyColorMap(const std::vector<float>& values, ColorMap map);

}  // namespace folk
