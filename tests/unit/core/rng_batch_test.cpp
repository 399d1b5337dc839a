// The batched Philox paths give exactly counter_rng::words, agent by agent, for every
// chunk length (the SIMD tails included) and every path this CPU can run.
#include <catch2/catch.hpp>

#include <cstdint>
#include <vector>

#include "core/rng_batch.hpp"

using namespace laborsim;

namespace {

std::vector<simd_path> runnable_paths() {
    std::vector<simd_path> paths{simd_path::scalar};
    if (best_simd_path() != simd_path::scalar) paths.push_back(simd_path::avx2);
    if (best_simd_path() == simd_path::avx512) paths.push_back(simd_path::avx512);
    return paths;
}

}  // namespace

TEST_CASE("rng batch: every path matches counter_rng::words for every chunk length", "[rng]") {
    const std::uint64_t seed = 0x123456789abcdefull;
    const counter_rng rng(seed);
    std::vector<std::uint32_t> ids(draw_chunk);
    for (std::size_t j = 0; j < ids.size(); ++j) ids[j] = static_cast<std::uint32_t>(j * 2654435761u + 17u);
    ids[3] = 0;
    ids[4] = 0xFFFFFFFFu;
    for (const auto path : runnable_paths()) {
        INFO("path " << simd_path_name(path));
        for (std::size_t n : {std::size_t{1}, std::size_t{7}, std::size_t{8}, std::size_t{15}, std::size_t{16},
                              std::size_t{17}, std::size_t{100}, draw_chunk}) {
            draw_words d{};
            philox_words(path, seed, rng_stream::matching, 77, 3, ids.data(), n, d);
            for (std::size_t j = 0; j < n; ++j) {
                const auto expect = rng.words(rng_stream::matching, 77, ids[j], 3);
                for (std::size_t k = 0; k < 4; ++k) REQUIRE(d.word(j, k) == expect[k]);
            }
        }
    }
}

TEST_CASE("rng batch: for_each_drawn visits every index once with its own words", "[rng]") {
    const counter_rng rng(99);
    std::vector<std::uint32_t> ids(1000);
    for (std::size_t j = 0; j < ids.size(); ++j) ids[j] = static_cast<std::uint32_t>(5000 + j);
    std::vector<int> seen(ids.size(), 0);
    for_each_drawn(
        rng, rng_stream::separations, 12, 0, ids.data(), 10, 990,
        [&](std::size_t i, const draw_words& d, std::size_t j) {
            seen[i] += 1;
            REQUIRE(d.word(j, 0) == rng.words(rng_stream::separations, 12, ids[i], 0)[0]);
            REQUIRE(d.unit(j, 1) == counter_rng::to_unit(rng.words(rng_stream::separations, 12, ids[i], 0)[1]));
        });
    for (std::size_t i = 0; i < ids.size(); ++i) REQUIRE(seen[i] == (i >= 10 && i < 990 ? 1 : 0));
}

TEST_CASE("rng batch: for_each_drawn_if gives the kept agents, in order, the words for_each_drawn gives them",
          "[rng]") {
    const counter_rng rng(4242);
    std::vector<std::uint32_t> ids(3000);
    for (std::size_t j = 0; j < ids.size(); ++j) ids[j] = static_cast<std::uint32_t>(j * 7919u + 3u);
    const draw_slot slot{rng_stream::migration, 0};
    // Kept sets that fill chunks exactly, leave tails, keep all, one or none.
    for (const int every : {1, 2, 3, 7, 256, 100000}) {
        INFO("keep every " << every);
        std::vector<std::size_t> visited;
        for_each_drawn_if(
            rng, slot, 31, ids.data(), 5, 2990, [&](std::size_t i) { return i % static_cast<std::size_t>(every) == 0; },
            [&](std::size_t i, const draw_words& d, std::size_t j) {
                visited.push_back(i);
                const auto expect = rng.words(slot.stream, 31, ids[i], slot.index);
                for (std::size_t k = 0; k < 4; ++k) REQUIRE(d.word(j, k) == expect[k]);
            });
        std::vector<std::size_t> expected;
        for (std::size_t i = 5; i < 2990; ++i)
            if (i % static_cast<std::size_t>(every) == 0) expected.push_back(i);
        REQUIRE(visited == expected);
    }
}
