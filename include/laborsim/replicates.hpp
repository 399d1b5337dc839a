// Replicate seeds. Replicate k of a scenario with seed s runs with replicate_seed(s, k):
// one splitmix64 step over s + k, kept to 53 bits. It depends only on (s, k), so a
// baseline and a variant that share the scenario seed (a variant that `extends` the
// baseline keeps it) get the same seed for the same replicate index: common random
// numbers, and paired differences (docs/compare.md).
#pragma once
#include <cstdint>

namespace laborsim {

// splitmix64 finaliser (Steele, Lea and Flood 2014): a bijection on 64-bit integers that
// spreads neighbouring inputs over the whole range.
[[nodiscard]] constexpr std::uint64_t splitmix64(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

// Seed of replicate `index` (0-based) of a scenario whose seed is `scenario_seed`: the top
// 53 bits of splitmix64(scenario_seed + index), so that the seed is exact wherever it is
// stored as a double or a JSON number and positive in the file's int64 `seed` attribute.
[[nodiscard]] constexpr std::uint64_t replicate_seed(std::uint64_t scenario_seed, std::uint64_t index) {
    return splitmix64(scenario_seed + index) >> 11;
}

}  // namespace laborsim
