#pragma once
// The k-th largest value of a multiset given as (value, multiplicity) pairs, without expanding it.
// The FFTW pipeline ranks the luma spectrum on its half (real-to-complex) layout, where most
// coefficients stand for themselves and their conjugate partner: weight 2, or 1 for the columns
// whose partners are stored separately. Selecting there halves the work of a full nth_element.
#include <cstdint>
#include <vector>

namespace folk {

// The largest t such that the total weight of values >= t is at least k: the k-th largest value of
// the multiset (1-based). Values must be non-negative and below 2^62, weights positive, k between 1
// and the total weight. Linear time for spread-out values (one histogram pass over a monotone
// bucketing with 64 buckets per power of two, then a sort of the one bucket that holds the answer).
std::int64_t kthLargestWeighted(const std::int64_t* values, const std::uint8_t* weights, std::size_t count,
                                std::int64_t k);

}  // namespace folk
