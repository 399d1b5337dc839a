// Formal and informal jobs (sim/model/formality.cpp): the least productive informal_share of
// each field's private firms are informal; formal matches worth less than the minimum wage
// plus social insurance are not formed and existing ones end; informal jobs have no floor;
// an employed searcher never meets its own employer's posts (matching.cpp).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "model/formality.hpp"
#include "small_world.hpp"

using namespace laborsim;
using namespace laborsim::test;

namespace {

scenario formality_scenario(double informal) {
    auto region = small_region("north", 20000);
    region.firms_per_1000_workers = 100;
    auto sc = quiet_scenario({region});
    sc.model.informal_share.fill(informal);
    sc.model.public_employer_share.fill(0);
    sc.model.establishments_per_firm_agent = 1;  // many firm agents a field, to count shares
    sc.model.firm_agents_per_market = 1000;
    return sc;
}

}  // namespace

TEST_CASE("formality: the informal are the least productive share of each field; public is formal", "[unit][model]") {
    auto sc = formality_scenario(0.6);
    sc.model.public_employer_share = {0, 0.5, 0, 0, 0, 0};
    auto sw = make_small_world(std::move(sc));
    const auto& fs = sw.w.firms;
    for (std::size_t field : {0u, 2u}) {
        double n = 0, informal = 0, max_informal = -1e9, min_formal = 1e9;
        for (std::size_t f = 0; f < fs.size(); ++f) {
            if (fs.field[f] != field) continue;
            n += 1;
            if (fs.is_formal[f]) min_formal = std::min<double>(min_formal, fs.log_productivity[f]);
            else {
                informal += 1;
                max_informal = std::max<double>(max_informal, fs.log_productivity[f]);
            }
        }
        REQUIRE(n > 200);
        CHECK(std::abs(informal - 0.6 * n) < 4 * binomial_sd(n, 0.6));
        CHECK(max_informal < min_formal);
    }
    for (std::size_t f = 0; f < fs.size(); ++f)
        if (fs.is_public[f]) CHECK(fs.is_formal[f]);
}

TEST_CASE("formality: a minimum above every formal match's worth stops formal hiring, not informal", "[unit][model]") {
    for (const double informal : {0.0, 1.0}) {
        auto sw = make_small_world(formality_scenario(informal));
        auto& w = sw.w;
        begin_month(w, 1);
        w.regions[0].min_wage_vnd = 1e9;  // no match is worth it
        open_posts(w, 5);
        run_matching(w);
        const auto hires = flow_total(w, flow::hires);
        if (informal == 0.0) {
            CHECK(hires == 0);
        } else {
            CHECK(hires > 100);
            // No floor: informal wages stay far below the (absurd) minimum.
            for (std::size_t i = 0; i < w.workers.size(); ++i)
                if (has_status(w, i, worker_status::employed)) CHECK(w.workers.wage_vnd[i] < 1e9);
        }
        CHECK(positions_consistent(w));
    }
}

TEST_CASE("formality: formal offers pay at least the minimum and bargain net of social insurance", "[unit][model]") {
    auto sc = formality_scenario(0.0);
    sc.model.social_insurance_rate = 0.2;
    auto sw = make_small_world(std::move(sc));
    auto& w = sw.w;
    begin_month(w, 1);
    std::vector<std::uint8_t> was_unemployed(w.workers.size());
    std::vector<double> reservation(w.workers.size());
    for (std::size_t i = 0; i < w.workers.size(); ++i) {
        was_unemployed[i] = has_status(w, i, worker_status::unemployed);
        reservation[i] = w.reservation_wage(i);
    }
    open_posts(w, 5);
    run_matching(w);
    const double floor = w.regions[0].min_wage_vnd;
    const double beta = sw.params().nash_share;
    int hired = 0;
    for (std::size_t i = 0; i < w.workers.size(); ++i) {
        if (!was_unemployed[i] || !has_status(w, i, worker_status::employed)) continue;
        const auto f = static_cast<std::size_t>(w.workers.employer[i]);
        const double p_net = match_productivity(w, i, f) / 1.2;
        const double r = std::max(floor, reservation[i]);
        CHECK(p_net >= floor * (1 - 1e-6));
        CHECK(w.workers.wage_vnd[i] >= floor - 1);
        CHECK(w.workers.wage_vnd[i] == Approx(std::max(floor, r + beta * (p_net - r))).epsilon(1e-4));
        ++hired;
    }
    CHECK(hired > 100);
}

TEST_CASE("formality: a higher minimum ends formal matches below it, and only those", "[unit][model]") {
    auto sw = make_small_world(formality_scenario(0.5));
    auto& w = sw.w;
    begin_month(w, 1);
    const double floor = 6.0e6;
    w.regions[0].min_wage_vnd = floor;
    std::int64_t below = 0, informal = 0;
    for (std::size_t i = 0; i < w.workers.size(); ++i) {
        if (!has_status(w, i, worker_status::employed)) continue;
        const auto f = static_cast<std::size_t>(w.workers.employer[i]);
        if (!w.firms.is_formal[f]) ++informal;
        else if (net_productivity(w, match_productivity(w, i, f), f) < floor) ++below;
    }
    REQUIRE(below > 50);
    run_separations(w);  // rate 0: only the minimum ends matches
    CHECK(flow_total(w, flow::minimum_wage_separations) == below);
    CHECK(flow_total(w, flow::separations) == below);
    std::int64_t informal_after = 0;
    for (std::size_t i = 0; i < w.workers.size(); ++i) {
        if (!has_status(w, i, worker_status::employed)) continue;
        const auto f = static_cast<std::size_t>(w.workers.employer[i]);
        if (!w.firms.is_formal[f]) ++informal_after;
        else CHECK(net_productivity(w, match_productivity(w, i, f), f) >= floor);
    }
    CHECK(informal_after == informal);
    CHECK(positions_consistent(w));
}

TEST_CASE("matching: an employed searcher is never hired by its own employer", "[unit][model]") {
    // One firm per market, everyone employed and searching: the only posts are their own.
    auto region = small_region("north", 3000);
    region.firms_per_1000_workers = 0.001;
    region.unemployment_rate = 0;
    auto sc = quiet_scenario({region});
    sc.model.on_the_job_search = 1;
    sc.model.informal_on_the_job_search = 1;
    auto sw = make_small_world(std::move(sc));
    auto& w = sw.w;
    REQUIRE(w.firms.size() == 3);
    REQUIRE(count_status(w, worker_status::unemployed) == 0);
    begin_month(w, 1);
    open_posts(w, 100);
    const auto months = w.workers.months_in_status;
    run_matching(w);
    CHECK(flow_total(w, flow::hires) == 0);
    for (std::size_t f = 0; f < w.firms.size(); ++f) CHECK(w.firms.hires[f] == 0);
    CHECK(w.workers.months_in_status == months);  // no one was re-hired into its own job
}
