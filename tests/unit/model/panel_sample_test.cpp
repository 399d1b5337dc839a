// The panel sample (sim/model/panel_sample.cpp): size, determinism, uniformity.
#include <catch2/catch.hpp>

#include "model/panel_sample.hpp"

using namespace laborsim;

namespace {

world make_world(std::size_t n, std::uint64_t seed, std::size_t block) {
    world w;
    w.rng = counter_rng(seed);
    w.block_size = block;
    for (std::uint32_t id = 0; id < n; ++id) w.workers.push_back(id);
    return w;
}

std::vector<std::uint32_t> panel_ids(const world& w) {
    std::vector<std::uint32_t> ids;
    for (std::size_t i = 0; i < w.workers.size(); ++i)
        if (w.workers.has(i, worker_flag::panel)) ids.push_back(w.workers.id[i]);
    return ids;
}

}  // namespace

TEST_CASE("mark_panel flags exactly the requested number of workers", "[model][panel]") {
    auto w = make_world(20000, 7, 256);
    mark_panel(w, 500);
    CHECK(panel_ids(w).size() == 500);
    auto small = make_world(30, 7, 256);
    mark_panel(small, 100);  // more than there are: everyone
    CHECK(panel_ids(small).size() == 30);
    auto none = make_world(30, 7, 256);
    mark_panel(none, 0);
    CHECK(panel_ids(none).empty());
}

TEST_CASE("mark_panel depends on the seed and ids only, not on the block size", "[model][panel]") {
    auto a = make_world(20000, 11, 64);
    auto b = make_world(20000, 11, 100000);
    mark_panel(a, 1000);
    mark_panel(b, 1000);
    CHECK(panel_ids(a) == panel_ids(b));
    auto c = make_world(20000, 12, 64);
    mark_panel(c, 1000);
    CHECK(panel_ids(a) != panel_ids(c));
}

TEST_CASE("mark_panel samples ids uniformly", "[model][panel]") {
    // Mean of a uniform sample of k ids from 0..n-1: (n-1)/2 with sd ~ n / sqrt(12 k).
    const std::size_t n = 100000, k = 4000;
    auto w = make_world(n, 3, 4096);
    mark_panel(w, static_cast<std::int64_t>(k));
    double sum = 0;
    const auto ids = panel_ids(w);
    for (auto id : ids) sum += id;
    const double mean = sum / static_cast<double>(ids.size());
    const double sd = static_cast<double>(n) / std::sqrt(12.0 * static_cast<double>(k));
    CHECK(std::abs(mean - (n - 1) / 2.0) < 4 * sd);
}
