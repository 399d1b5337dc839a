// Boost.Random's sobol_engine yields the sequence from its second point (it never returns the
// origin) and moves to any position with seed(n): after seed(n) it yields point n + 1. With
// 32-bit words its points equal the reference (SciPy's unscrambled Sobol, Joe-Kuo 6.21201)
// exactly: checked for all 2^20 first points in 21 dimensions when it replaced our own table.
#include "sweep/sobol.hpp"

#include <boost/random/sobol.hpp>
#include <string>

#include "laborsim/errors.hpp"

namespace laborsim {

namespace {

using sobol_engine_32 = boost::random::sobol_engine<std::uint32_t, 32>;
static_assert(sobol_max_dimensions == static_cast<int>(boost::random::default_sobol_table::max_dimension));

constexpr double two_to_32 = 4294967296.0;

}  // namespace

sobol_sequence::sobol_sequence(int dimensions) : dimensions_(dimensions) {
    if (dimensions < 1 || dimensions > sobol_max_dimensions)
        throw input_error("Sobol sampling supports 1 to " + std::to_string(sobol_max_dimensions) + " parameters, got " +
                          std::to_string(dimensions));
}

std::vector<double> sobol_sequence::point(std::uint32_t index) const {
    std::vector<double> x(static_cast<std::size_t>(dimensions_), 0.0);
    if (index == 0) return x;
    sobol_engine_32 engine(static_cast<std::size_t>(dimensions_));
    engine.seed(index - 1);
    for (auto& xj : x) xj = static_cast<double>(engine()) / two_to_32;
    return x;
}

}  // namespace laborsim
