// Sorting (key, position) pairs by a 64-bit key, least significant byte first: 8 stable
// counting passes, none for a byte that all keys share. Stable, so equal keys keep their
// order (matching's keys are unique: they end in the worker id). Unlike a comparison sort,
// no step depends on a comparison's outcome, which would be mispredicted about half the time
// (docs/performance.md).
#pragma once
#include <array>
#include <cstdint>
#include <utility>
#include <vector>

namespace laborsim {

struct keyed {
    std::uint64_t key;
    std::uint32_t pos;
};

inline void radix_sort(std::vector<keyed>& keys) {
    const std::size_t n = keys.size();
    if (n < 2) return;
    std::vector<keyed> other(n);
    std::array<std::array<std::uint32_t, 256>, 8> count{};
    for (const auto& x : keys)
        for (int b = 0; b < 8; ++b) ++count[b][(x.key >> (8 * b)) & 0xff];
    for (int b = 0; b < 8; ++b) {
        auto& c = count[b];
        if (c[(keys[0].key >> (8 * b)) & 0xff] == n) continue;  // one value of this byte: nothing moves
        std::uint32_t at = 0;
        for (auto& slot : c) at += std::exchange(slot, at);
        for (const auto& x : keys) other[c[(x.key >> (8 * b)) & 0xff]++] = x;
        keys.swap(other);
    }
}

}  // namespace laborsim
