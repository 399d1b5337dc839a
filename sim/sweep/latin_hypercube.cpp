#include "sweep/latin_hypercube.hpp"

#include <Random123/philox.h>

#include <array>
#include <numeric>

namespace laborsim {

namespace {

// Sweep sampling has its own key space (the tag) so its draws never resemble a run's.
class sample_rng {
public:
    explicit sample_rng(std::uint64_t seed)
        : key_{{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}} {}
    // A uniform in (0, 1) and a 32-bit word for (dimension, point, purpose).
    std::array<std::uint32_t, 4> words(std::uint32_t dimension, std::uint32_t point, std::uint32_t purpose) const {
        r123::Philox4x32::ctr_type ctr{{point, dimension, purpose, 0x5ee9u}};
        const auto out = generator_(ctr, key_);
        return {out.v[0], out.v[1], out.v[2], out.v[3]};
    }

private:
    r123::Philox4x32 generator_;
    r123::Philox4x32::key_type key_;
};

double unit(std::uint32_t w) { return (static_cast<double>(w) + 0.5) / 4294967296.0; }

}  // namespace

std::vector<std::vector<double>> latin_hypercube(int points, int dimensions, std::uint64_t seed) {
    const sample_rng rng(seed);
    std::vector<std::vector<double>> out(static_cast<std::size_t>(points), std::vector<double>(dimensions));
    std::vector<std::uint32_t> stratum(static_cast<std::size_t>(points));
    for (int j = 0; j < dimensions; ++j) {
        std::iota(stratum.begin(), stratum.end(), 0u);
        // Fisher-Yates: position i swaps with a uniform position in [0, i].
        for (int i = points - 1; i > 0; --i) {
            const auto w = rng.words(static_cast<std::uint32_t>(j), static_cast<std::uint32_t>(i), 1);
            const std::uint64_t wide = (static_cast<std::uint64_t>(w[0]) << 32) | w[1];
            std::swap(stratum[i], stratum[wide % static_cast<std::uint64_t>(i + 1)]);
        }
        for (int i = 0; i < points; ++i) {
            const auto w = rng.words(static_cast<std::uint32_t>(j), static_cast<std::uint32_t>(i), 2);
            out[i][j] = (stratum[i] + unit(w[0])) / points;
        }
    }
    return out;
}

}  // namespace laborsim
