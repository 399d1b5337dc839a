// Sobol low-discrepancy points (unscrambled), with Joe and Kuo's direction numbers
// (new-joe-kuo-6.21201) for the first sobol_max_dimensions dimensions.
#pragma once
#include <cstdint>
#include <vector>

namespace laborsim {

inline constexpr int sobol_max_dimensions = 21;

class sobol_sequence {
public:
    // Throws input_error when dimensions is outside 1..sobol_max_dimensions.
    explicit sobol_sequence(int dimensions);

    // Point `index` of the sequence in [0, 1)^d; index 0 is the origin, so sweeps start at 1.
    // Computed directly from the Gray code of the index: no state, any order.
    [[nodiscard]] std::vector<double> point(std::uint32_t index) const;
    [[nodiscard]] int dimensions() const { return dimensions_; }

private:
    static constexpr int bits_ = 32;
    int dimensions_;
    std::vector<std::uint32_t> directions_;  // [dimension][bit], bits_ per dimension
};

}  // namespace laborsim
