// Counter-based randomness: every draw is a pure function of
// (run seed, stream, month, agent id, draw index), so results do not depend on how the
// agents are split between threads or in what order blocks run.
#pragma once
#include <Random123/philox.h>

#include <array>
#include <cmath>
#include <cstdint>

namespace laborsim {

// One stream per phase (and a few more), so phases never share draws. The numbers are
// part of every draw's counter: changing one changes the outputs.
enum class rng_stream : std::uint32_t {
    init = 1,
    demography = 2,
    entry = 3,
    firms = 4,
    education = 5,
    separations = 6,
    migration = 7,
    matching = 8,
    // 9 was `wages`, never drawn from: left free so that the streams after it keep their numbers.
    policy = 10,
    panel = 11,
    firm_init = 12,
    school_init = 13,
    market = 14,
    training = 15,
    participation = 16,
};

// Where a use of randomness draws from: its stream and its draw index within the stream.
// The named slots of every stream but policy are in core/draw_slots.hpp.
struct draw_slot {
    rng_stream stream;
    std::uint32_t index;
};

class counter_rng {
public:
    explicit counter_rng(std::uint64_t seed)
        : seed_(seed), key_{{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}} {}

    [[nodiscard]] std::uint64_t seed() const { return seed_; }

    // Four independent 32-bit words for (stream, month, agent, draw).
    [[nodiscard]] std::array<std::uint32_t, 4> words(rng_stream stream, std::uint32_t month, std::uint32_t agent,
                                                     std::uint32_t draw = 0) const {
        r123::Philox4x32::ctr_type ctr{{agent, month, static_cast<std::uint32_t>(stream), draw}};
        auto out = generator_(ctr, key_);
        return {out.v[0], out.v[1], out.v[2], out.v[3]};
    }

    // Four uniforms in the open interval (0, 1).
    [[nodiscard]] std::array<double, 4> uniforms(rng_stream stream, std::uint32_t month, std::uint32_t agent,
                                                 std::uint32_t draw = 0) const {
        auto w = words(stream, month, agent, draw);
        return {to_unit(w[0]), to_unit(w[1]), to_unit(w[2]), to_unit(w[3])};
    }

    // The same, at a named slot.
    [[nodiscard]] std::array<std::uint32_t, 4> words(draw_slot slot, std::uint32_t month, std::uint32_t agent) const {
        return words(slot.stream, month, agent, slot.index);
    }
    [[nodiscard]] std::array<double, 4> uniforms(draw_slot slot, std::uint32_t month, std::uint32_t agent) const {
        return uniforms(slot.stream, month, agent, slot.index);
    }

    [[nodiscard]] static double to_unit(std::uint32_t w) {
        return (static_cast<double>(w) + 0.5) * (1.0 / 4294967296.0);
    }

    // Standard normal from two uniforms (Box-Muller, first branch).
    [[nodiscard]] static double normal(double u1, double u2) {
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }

private:
    std::uint64_t seed_;
    r123::Philox4x32 generator_;
    r123::Philox4x32::key_type key_;
};

// Rounds x up or down at random so that the expectation is x (u in (0,1)). Total: NaN gives 0
// and values beyond +-2^62 saturate there, instead of an undefined conversion.
[[nodiscard]] inline std::int64_t stochastic_round(double x, double u) {
    constexpr double limit = 4.611686018427387904e18;  // 2^62
    if (!(x > -limit)) return x < 0 ? -static_cast<std::int64_t>(limit) : 0;
    if (!(x < limit)) return static_cast<std::int64_t>(limit);
    double f = std::floor(x);
    return static_cast<std::int64_t>(f) + ((x - f) > u ? 1 : 0);
}

}  // namespace laborsim
