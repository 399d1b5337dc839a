// Selections without a branch, for per-worker passes. A branch on a worker's status,
// formality or match costs a mispredicted jump about as often as the condition flips from
// one worker to the next (10-20 cycles each, most of a simple pass: docs/performance.md);
// these compute both sides and keep one by masking bits, so their result is exactly that of
// the `c ? a : b` they replace.
#pragma once
#include <bit>
#include <cstdint>
#include <type_traits>
#include <vector>

namespace laborsim {

// c ? a : b, for integers and floating-point values alike.
template <class T>
[[nodiscard]] inline T select(bool c, T a, T b) {
    if constexpr (std::is_floating_point_v<T>) {
        using bits = std::conditional_t<sizeof(T) == 8, std::uint64_t, std::uint32_t>;
        const bits m = bits{0} - static_cast<bits>(c);
        return std::bit_cast<T>(static_cast<bits>((std::bit_cast<bits>(a) & m) | (std::bit_cast<bits>(b) & ~m)));
    } else {
        using U = std::make_unsigned_t<T>;
        const U m = U{0} - static_cast<U>(c);
        return static_cast<T>((static_cast<U>(a) & m) | (static_cast<U>(b) & ~m));
    }
}

// A column's data, or a pointer to a zero when the column is empty: for selects such as
// column[select(employed, employer, 0)], which read index 0 (for nothing) for the
// non-employed, also in a world without firms.
template <class T>
[[nodiscard]] inline const T* column_or_zero(const std::vector<T>& column) {
    static constexpr T zero{};
    return column.empty() ? &zero : column.data();
}

// c ? v : +0.
template <class T>
[[nodiscard]] inline T masked(bool c, T v) {
    return select(c, v, T{0});
}

}  // namespace laborsim
