#pragma once
// A 2-D picture of what a trained backbone learned: PCA of its frozen features on labelled test
// images (the Results workspace colours the points by class). Plain structs, no torch, so the GUI
// headers can hold it.
#include <cstdint>
#include <string>
#include <vector>

namespace folk {

struct Embedding {
  std::vector<float> x, y;  // first and second principal component per image
  std::vector<int> labels;  // class per image
  int classes = 0;
  std::vector<std::string> classNames;  // may be empty (then "class N")
  std::int64_t step = 0;    // checkpoint the features come from (0: initial weights)
  std::string backboneRole;  // teacher / student
  double explained[2] = {0.0, 0.0};  // fraction of the feature variance along each component
};

// Projects features (N rows of dim values, row-major) onto their first two principal components
// (centred; signs fixed so that the largest-magnitude loading of each component is positive, so
// the picture does not flip between runs). N >= 2 and dim >= 1, else std::invalid_argument.
Embedding pcaEmbedding(const std::vector<float>& features, std::int64_t rows, std::int64_t dim,
                       const std::vector<int>& labels, int classes);

}  // namespace folk
