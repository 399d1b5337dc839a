#include "model/wage_bins.hpp"

#include <algorithm>
#include <cmath>

namespace laborsim {

int wage_bins::by_formula(double wage) {
    if (wage <= base_vnd) return 0;
    return std::min(count - 1, static_cast<int>(std::log(wage / base_vnd) * per_log));
}

double wage_bins::wage_at(double k_plus_frac) { return base_vnd * std::exp(k_plus_frac / per_log); }

const wage_bins& wage_bins::table() {
    static const wage_bins t;
    return t;
}

wage_bins::wage_bins() {
    // Edges by bisection on integer wages with the formula itself, so the table agrees with
    // it wherever the formula is monotone (the logarithm is).
    constexpr std::uint64_t top = std::uint64_t{1} << 32;
    for (int k = 1; k < count; ++k) {
        std::uint64_t lo = edge_[k - 1], hi = top;  // by_formula(lo) < k <= by_formula(hi) (or hi = top)
        while (lo + 1 < hi) {
            const std::uint64_t mid = lo + (hi - lo) / 2;
            if (by_formula(static_cast<double>(mid)) >= k) hi = mid;
            else lo = mid;
        }
        edge_[k] = hi;
    }
    edge_[count] = ~std::uint64_t{0};
    // Cells: each float-bit prefix starts at the bin of the smallest wage it holds.
    auto cell_of_wage = [](std::uint64_t w) { return cell_of(static_cast<float>(w)); };
    first_cell_ = cell_of_wage(static_cast<std::uint64_t>(base_vnd));
    const std::uint32_t last_cell = cell_of_wage(top - 1);
    cell_bin_.assign(last_cell - first_cell_ + 1, 0);
    for (std::uint32_t c = first_cell_; c <= last_cell; ++c) {
        std::uint32_t bits = c << cell_shift;
        float f;
        std::memcpy(&f, &bits, sizeof f);
        // The smallest integer wage whose float lies in the cell (floats round to nearest, so
        // step down while the wage below still lands in the cell).
        auto w = static_cast<std::uint64_t>(std::ceil(static_cast<double>(f)));
        while (w > 0 && cell_of_wage(w - 1) >= c) --w;
        while (cell_of_wage(w) < c) ++w;
        cell_bin_[c - first_cell_] = static_cast<std::uint16_t>(by_formula(static_cast<double>(w)));
    }
}

}  // namespace laborsim
