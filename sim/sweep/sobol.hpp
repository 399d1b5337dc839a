// Sobol low-discrepancy points (unscrambled), with Joe and Kuo's direction numbers
// (new-joe-kuo-6.21201) as Boost.Random ships them.
#pragma once
#include <cstdint>
#include <vector>

namespace laborsim {

// Boost.Random's table (boost/random/detail/sobol_table.hpp) stops at 3667 dimensions.
inline constexpr int sobol_max_dimensions = 3667;

class sobol_sequence {
public:
    // Throws input_error when dimensions is outside 1..sobol_max_dimensions.
    explicit sobol_sequence(int dimensions);

    // Point `index` of the sequence in [0, 1)^d; index 0 is the origin, so sweeps start at 1.
    // No state between calls: any index, any order.
    [[nodiscard]] std::vector<double> point(std::uint32_t index) const;
    [[nodiscard]] int dimensions() const { return dimensions_; }

private:
    int dimensions_;
};

}  // namespace laborsim
