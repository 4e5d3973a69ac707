#include "core/data/dataset.h"

namespace folk {

const char* splitName(Split split) { return split == Split::Train ? "train" : "test"; }

}  // namespace folk
