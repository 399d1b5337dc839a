// The parallel loop helpers: each index is visited once, results never depend on the thread
// count or block size, the block sort is stable. tools/sanitize tsan runs these under
// ThreadSanitizer (tag [parallel]): a task's writes read by the caller after the join must
// not be reported, since parallel.hpp states TBB's fork and join to TSan.
#include <tbb/global_control.h>

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdint>
#include <vector>

#include "core/parallel.hpp"

using namespace laborsim;

namespace {

// Keys with many ties (key = i * 7919 mod 97), so a sort that is not stable shows.
std::vector<std::uint32_t> tied_keys(std::size_t n) {
    std::vector<std::uint32_t> k(n);
    for (std::size_t i = 0; i < n; ++i) k[i] = static_cast<std::uint32_t>((i * 7919) % 97);
    return k;
}

}  // namespace

TEST_CASE("for_each_index and for_blocks visit every index once, for any thread count", "[parallel]") {
    const std::size_t n = 10007;
    for (int threads : {1, 2, 4}) {
        tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
        std::vector<std::uint8_t> seen(n, 0);
        for_each_index(n, [&](std::size_t i) { seen[i] += 1; });
        CHECK(std::count(seen.begin(), seen.end(), 1) == static_cast<std::ptrdiff_t>(n));
        for (std::size_t block : {std::size_t{1}, std::size_t{64}, std::size_t{5000}, n + 1}) {
            std::vector<std::uint8_t> hit(n, 0);
            // Catch2 is not thread-safe: the tasks only write, the caller checks.
            for_blocks(n, block, [&](std::size_t b, std::size_t e) {
                for (std::size_t i = b; i < e; ++i) hit[i] += e - b <= block ? 1 : 2;
            });
            CHECK(std::count(hit.begin(), hit.end(), 1) == static_cast<std::ptrdiff_t>(n));
        }
    }
    int calls = 0;
    for_each_index(0, [&](std::size_t) { ++calls; });
    for_blocks(0, 16, [&](std::size_t, std::size_t) { ++calls; });
    CHECK(calls == 0);
}

TEST_CASE("count_blocks and gather_blocks do not depend on threads or block size", "[parallel]") {
    const std::size_t n = 20011;
    const auto keys = tied_keys(n);
    std::vector<std::int64_t> expected_counts(97, 0);
    std::vector<std::size_t> expected_gather;
    for (std::size_t i = 0; i < n; ++i) {
        expected_counts[keys[i]] += 1;
        if (keys[i] % 3 == 0) expected_gather.push_back(i);
    }
    for (int threads : {1, 2, 4}) {
        tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
        for (std::size_t block : {std::size_t{1}, std::size_t{100}, std::size_t{4096}, n}) {
            const auto counts = count_blocks(n, block, 97, [&](std::size_t b, std::size_t e, std::int64_t* c) {
                for (std::size_t i = b; i < e; ++i) c[keys[i]] += 1;
            });
            CHECK(counts == expected_counts);
            const auto gathered =
                gather_blocks<std::size_t>(n, block, [&](std::size_t b, std::size_t e, std::vector<std::size_t>& out) {
                    for (std::size_t i = b; i < e; ++i)
                        if (keys[i] % 3 == 0) out.push_back(i);
                });
            CHECK(gathered == expected_gather);
        }
    }
}

TEST_CASE("stable_sort_blocks sorts like std::stable_sort for any thread count and block size", "[parallel]") {
    for (std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{2}, std::size_t{1000}, std::size_t{30011}}) {
        const auto keys = tied_keys(n);
        const auto by_key = [&](std::uint32_t a, std::uint32_t b) { return keys[a] < keys[b]; };
        std::vector<std::uint32_t> expected(n);
        for (std::size_t i = 0; i < n; ++i) expected[i] = static_cast<std::uint32_t>(n - 1 - i);
        std::vector<std::uint32_t> start = expected;
        std::stable_sort(expected.begin(), expected.end(), by_key);
        for (int threads : {1, 2, 4}) {
            tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
            for (std::size_t block : {std::size_t{1}, std::size_t{3}, std::size_t{1024}, n + 7}) {
                auto order = start;
                stable_sort_blocks(order, block, by_key);
                CHECK(order == expected);
            }
        }
    }
}

// Deliberately racy, hidden: tools/sanitize tsan runs it alone and fails unless ThreadSanitizer
// reports it, so that neither tests/sanitizers/tsan.supp nor the annotations of parallel.hpp can
// silence a race between two blocks of one loop without CI noticing. The two blocks wait for each
// other (an atomic rendezvous, no order between the writes after it) so that two threads run them.
TEST_CASE("tsan canary: two blocks of one loop write one counter", "[.tsan_canary]") {
    std::atomic<int> arrived{0};
    std::atomic<bool> alone{false};
    std::int64_t shared = 0;
    for_each_index(2, [&](std::size_t) {
        arrived.fetch_add(1);
        const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (arrived.load() < 2)
            if (std::chrono::steady_clock::now() > give_up) {
                alone = true;
                return;
            }
        shared += 1;
    });
    REQUIRE_FALSE(alone);  // one thread ran both blocks: no race to report
    CHECK(shared == 2);
}
