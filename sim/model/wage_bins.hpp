// The log-wage histogram that wage quantiles are read from: bin k covers
// base * exp(k / 40) upward (bin 0 also everything under the base, the last bin everything
// over its start). Binning is by table, without a logarithm per worker: a wage's float
// exponent and top mantissa bits give a cell whose first bin is at most one or two bins
// below the wage's bin, and integer edges settle it exactly as the formula does.
#pragma once
#include <array>
#include <cstdint>
#include <cstring>
#include <vector>

namespace laborsim {

class wage_bins {
public:
    static constexpr int count = 512;
    static constexpr double base_vnd = 1.0e5;
    static constexpr double per_log = 40.0;

    // floor(ln(wage / base) * 40), clamped to [0, count): the definition.
    [[nodiscard]] static int by_formula(double wage);
    // The same bin, by table.
    [[nodiscard]] int operator()(std::uint32_t wage) const {
        const std::uint32_t c = cell_of(static_cast<float>(wage));
        int k = c < first_cell_ ? 0 : c - first_cell_ < cell_bin_.size() ? cell_bin_[c - first_cell_] : count - 1;
        // One step up without a branch (a cell spans 1/128 of a doubling, less than a bin, so
        // its first bin is at most one below), then any further step (none; the loop keeps
        // the result exact whatever the table).
        k += wage >= edge_[k + 1];
        while (wage >= edge_[k + 1]) ++k;
        return k;
    }
    // The wage at fraction `frac` through bin k (for quantiles).
    [[nodiscard]] static double wage_at(double k_plus_frac);

    static const wage_bins& table();

private:
    static constexpr int cell_shift = 16;  // keeps 7 mantissa bits: cells of 1/128 in log2
    [[nodiscard]] static std::uint32_t cell_of(float f) {
        std::uint32_t bits;
        std::memcpy(&bits, &f, sizeof bits);
        return bits >> cell_shift;
    }
    wage_bins();
    // Smallest integer wage in bin k; edge `count` is past every wage, so that stepping up
    // from the last bin stops there.
    std::array<std::uint64_t, count + 1> edge_{};
    std::uint32_t first_cell_ = 0;
    std::vector<std::uint16_t> cell_bin_;
};

}  // namespace laborsim
