#pragma once
// The k-th largest value of a multiset given as (value, multiplicity) pairs, without expanding it.
// The FFTW pipeline ranks the luma spectrum on its half (real-to-complex) layout, where most
// coefficients stand for themselves and their conjugate partner: weight 2, or 1 for the columns
// whose partners are stored separately. Selecting there halves the work of a full nth_element.
#include <cstddef>
#include <cstdint>

namespace folk {

// The largest t such that the total weight of values >= t is at least k: the k-th largest value of
// the multiset (1-based). Values must be finite and non-negative (at most 1e300), weights positive, k
// between 1 and the total weight. Linear time for values spread over many magnitudes: one
// histogram pass over a monotone bucketing with 64 buckets per power of two for the 48 octaves below
// the largest value, then a sort of the one bucket that holds the answer (all smaller values share
// one bucket, which is only sorted when the answer lies there).
double kthLargestWeighted(const double* values, const std::uint8_t* weights, std::size_t count, std::int64_t k);

}  // namespace folk
