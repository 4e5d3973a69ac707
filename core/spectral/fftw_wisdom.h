#pragma once
// FFTW wisdom kept between runs. Measuring a plan (FFTW_MEASURE) costs a third of a second per image
// size in a fresh process, against well under a millisecond for the transform itself, so a one-shot
// `folk mask` on a 224x224 image spent more time planning than everything else after start-up.
// Wisdom records the measured plans; a process that imports it plans the same sizes instantly.
//
// Neither function is safe while FFTW's planner runs in another thread: fftw_plans.cpp calls them
// under its planner lock (tests call them where nothing else plans).
#include <string>

namespace folk::fftw {

// The folder for wisdom files: $FOLK_FFTW_WISDOM when set (set but empty: no wisdom is kept), else
// $XDG_CACHE_HOME/folk, else $HOME/.cache/folk; "" when none of them is known.
std::string wisdomFolder();

// Imports this host's wisdom (double and single precision) from `folder`. True when at least one
// file was read and accepted; a missing, unreadable or corrupt file is ignored (FFTW then measures).
bool importWisdom(const std::string& folder);

// Writes FFTW's current wisdom to `folder` (created if needed), one file per precision named after
// the host (a home folder shared by machines with other CPUs must not hand them our plans), each
// written atomically and only when its content changed since the last import or export. Returns
// false instead of throwing when the folder cannot be written: wisdom is a cache, never a reason
// for a run to fail.
bool exportWisdom(const std::string& folder);

}  // namespace folk::fftw
