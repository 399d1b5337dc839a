// radix_sort orders as std::stable_sort by key does: unique keys, repeated keys, keys that
// share some bytes (passes skipped) and keys that differ only in the top byte.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

#include "core/radix_sort.hpp"

using namespace laborsim;

namespace {

std::vector<keyed> with_positions(const std::vector<std::uint64_t>& keys) {
    std::vector<keyed> v;
    for (std::size_t k = 0; k < keys.size(); ++k) v.push_back({keys[k], static_cast<std::uint32_t>(k)});
    return v;
}

void require_sorted_like_stable_sort(const std::vector<std::uint64_t>& keys) {
    auto got = with_positions(keys);
    auto want = got;
    radix_sort(got);
    std::stable_sort(want.begin(), want.end(), [](const keyed& a, const keyed& b) { return a.key < b.key; });
    REQUIRE(got.size() == want.size());
    for (std::size_t k = 0; k < got.size(); ++k) {
        REQUIRE(got[k].key == want[k].key);
        REQUIRE(got[k].pos == want[k].pos);
    }
}

}  // namespace

TEST_CASE("radix sort: the order of a stable sort by key", "[radix]") {
    std::mt19937_64 gen(11);
    for (const std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{2}, std::size_t{255}, std::size_t{5000}}) {
        std::vector<std::uint64_t> random(n), repeated(n), low_bytes(n), top_byte(n);
        for (std::size_t k = 0; k < n; ++k) {
            random[k] = gen();
            repeated[k] = gen() % 7;
            low_bytes[k] = 0xabcd000000000000ull | (gen() & 0xffff);
            top_byte[k] = (gen() & 0xff00000000000000ull) | 0x1234;
        }
        require_sorted_like_stable_sort(random);
        require_sorted_like_stable_sort(repeated);
        require_sorted_like_stable_sort(low_bytes);
        require_sorted_like_stable_sort(top_byte);
    }
}
