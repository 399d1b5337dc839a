// Separations (sim/model/separations.cpp): P(separation) = s + layoffs_f / headcount_f;
// the part beyond s is counted as layoffs; the separated are unemployed with 0 months.
#include <catch2/catch.hpp>

#include "small_world.hpp"

using namespace laborsim;
using namespace laborsim::test;

namespace {

// No minimum wage: formal matches ending under it are the other separation (formality_test.cpp).
region_spec unfloored_region() {
    auto r = small_region("north", 3000);
    r.min_wage_vnd = 0;
    return r;
}

small_world separation_world() { return make_small_world(quiet_scenario({unfloored_region()})); }

std::vector<std::uint8_t> statuses(const world& w) { return w.workers.status; }

}  // namespace

TEST_CASE("separations: with rate 0 and no layoffs nobody separates", "[unit][model]") {
    auto sw = make_small_world(quiet_scenario({unfloored_region()}));
    auto& w = sw.w;
    begin_month(w, 0);
    const auto before = statuses(w);
    const auto head = w.firms.headcount;
    run_separations(w);
    CHECK(statuses(w) == before);
    CHECK(w.firms.headcount == head);
    CHECK(flow_total(w, flow::separations) == 0);
    CHECK(flow_total(w, flow::layoffs) == 0);
}

TEST_CASE("separations: with rate 1 every employed worker separates and firms empty", "[unit][model]") {
    auto sw = separation_world();
    auto& w = sw.w;
    sw.params().separation_rate = 1.0;
    begin_month(w, 3);
    const auto employed = count_status(w, worker_status::employed);
    const auto unemployed = count_status(w, worker_status::unemployed);
    REQUIRE(employed > 2000);
    // A mismatched worker loses the flag with the job.
    for (std::size_t i = 0; i < w.workers.size(); ++i)
        if (has_status(w, i, worker_status::employed)) w.workers.set(i, worker_flag::mismatched, true);
    run_separations(w);
    CHECK(count_status(w, worker_status::employed) == 0);
    CHECK(count_status(w, worker_status::unemployed) == employed + unemployed);
    CHECK(flow_total(w, flow::separations) == employed);
    CHECK(flow_total(w, flow::layoffs) == 0);  // nothing beyond the exogenous rate
    for (std::size_t f = 0; f < w.firms.size(); ++f) CHECK(w.firms.headcount[f] == 0);
    std::int64_t fresh = 0;
    for (std::size_t i = 0; i < w.workers.size(); ++i) {
        CHECK(w.workers.employer[i] == no_employer);
        CHECK_FALSE(w.workers.has(i, worker_flag::mismatched));
        fresh += w.workers.months_in_status[i] == 0;
    }
    CHECK(fresh >= employed);  // the separated start at 0 months unemployed
}

TEST_CASE("separations: the exogenous rate holds within binomial tolerance", "[unit][model]") {
    auto sw = separation_world();
    auto& w = sw.w;
    const double s = 0.1;
    sw.params().separation_rate = s;
    begin_month(w, 0);
    const auto before = statuses(w);
    const auto employed = count_status(w, worker_status::employed);
    run_separations(w);
    std::int64_t changed = 0;
    for (std::size_t i = 0; i < w.workers.size(); ++i) {
        if (before[i] == w.workers.status[i]) continue;
        CHECK(before[i] == static_cast<std::uint8_t>(worker_status::employed));
        CHECK(has_status(w, i, worker_status::unemployed));
        ++changed;
    }
    CHECK(flow_total(w, flow::separations) == changed);
    CHECK(flow_total(w, flow::layoffs) == 0);
    CHECK(std::abs(static_cast<double>(changed) - s * static_cast<double>(employed)) <
          4 * binomial_sd(static_cast<double>(employed), s));
    CHECK(positions_consistent(w));
}

TEST_CASE("separations: a firm's layoffs are its share of separations and count as layoffs", "[unit][model]") {
    auto sw = separation_world();
    auto& w = sw.w;
    begin_month(w, 0);
    // The biggest firm lays off its whole workforce, the others half of theirs.
    std::size_t big = 0;
    for (std::size_t f = 0; f < w.firms.size(); ++f)
        if (w.firms.headcount[f] > w.firms.headcount[big]) big = f;
    REQUIRE(w.firms.headcount[big] >= 50);
    double expected_half = 0, variance = 0;
    for (std::size_t f = 0; f < w.firms.size(); ++f) {
        const auto h = w.firms.headcount[f];
        w.firms.layoffs[f] = f == big ? h : h / 2;
        if (f == big || h == 0) continue;
        const double p = static_cast<double>(h / 2) / h;
        expected_half += p * h;
        variance += h * p * (1 - p);
    }
    const auto big_head = w.firms.headcount[big];
    const auto total_head = count_status(w, worker_status::employed);
    run_separations(w);
    CHECK(w.firms.headcount[big] == 0);
    const double others = static_cast<double>(total_head - count_status(w, worker_status::employed) - big_head);
    CHECK(std::abs(others - expected_half) < 4 * std::sqrt(variance) + 1);
    // With s = 0 every separation is a layoff.
    CHECK(flow_total(w, flow::layoffs) == flow_total(w, flow::separations));
    CHECK(flow_total(w, flow::separations) == total_head - count_status(w, worker_status::employed));
    CHECK(positions_consistent(w));
}
