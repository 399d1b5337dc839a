// Drawing a category from shares (education levels, fields, age bands, job levels).
#pragma once
#include <array>
#include <cstddef>

namespace laborsim {

// The category k whose cumulative share (normalised by the total) first exceeds u in (0, 1);
// 0 when the shares are all zero.
template <std::size_t N>
std::size_t pick_share(const std::array<double, N>& shares, double u) {
    double total = 0;
    for (double s : shares) total += s;
    if (total <= 0) return 0;
    double acc = 0;
    for (std::size_t k = 0; k < N; ++k) {
        acc += shares[k] / total;
        if (u < acc) return k;
    }
    return N - 1;
}

}  // namespace laborsim
