// Statistics (sim/model/statistics.cpp): per-region indicators in persons (agents / scale)
// from a world whose every worker is set by hand, against counts worked out on paper;
// and update_region_state, which feeds next month's phases.
#include <catch2/catch.hpp>

#include <cmath>

#include "small_world.hpp"

using namespace laborsim;
using namespace laborsim::test;

namespace {

// Region 0: 700 agents; worker k (k-th of the region) has level k % 7; every fifth (k % 5 == 0)
// is unemployed, the rest employed at a firm requiring no qualification; k % 4 == 1 employed
// are flagged under-qualified; wages 4 or 6 million by parity, skill 0.25, field agriculture.
// Region 1: 350 agents, all employed at university level, wage 9 million.
// Scale 2 (agents per person): the indicators are half the agent counts.
struct hand_world {
    small_world sw;
    explicit hand_world(int gap)
        : sw(make_small_world([gap] {
              auto sc = quiet_scenario({small_region("a", 350, 22, 106), small_region("b", 175, 21, 105)});
              sc.scale = 2.0;
              sc.model.overqualification_gap = gap;
              return sc;
          }())) {
        auto& w = sw.w;
        auto& ws = w.workers;
        for (auto& m : w.firms.min_level) m = 0;
        std::size_t firm_of[2] = {w.market_firm_begin[world::market_of(0, 0)],
                                  w.market_firm_begin[world::market_of(1, 0)]};
        std::size_t k_of[2] = {0, 0};
        for (std::size_t i = 0; i < ws.size(); ++i) {
            const std::size_t r = ws.region[i];
            const std::size_t k = k_of[r]++;
            ws.field[i] = static_cast<std::uint8_t>(field_kind::agriculture);
            ws.skill[i] = 0.25f;
            ws.set(i, worker_flag::mismatched, false);
            if (r == 1) {
                employ(w, i, firm_of[1], 9'000'000);
                ws.level[i] = static_cast<std::uint8_t>(education_level::university);
                continue;
            }
            ws.level[i] = static_cast<std::uint8_t>(k % 7);
            if (k % 5 == 0) {
                make_unemployed(w, i);
                ws.wage_vnd[i] = 1;  // the last wage of the unemployed must not count
            } else {
                employ(w, i, firm_of[0], k % 2 ? 6'000'000 : 4'000'000);
                ws.set(i, worker_flag::mismatched, k % 4 == 1);
            }
        }
    }
};

}  // namespace

TEST_CASE("statistics: stocks and rates of a hand-set world equal the counts on paper", "[unit][model]") {
    hand_world h(3);
    auto& w = h.sw.w;
    REQUIRE(w.workers.size() == 1050);
    REQUIRE(w.scale == 2.0);
    REQUIRE(positions_consistent(w));
    month_stats s;
    collect_statistics(w, s);
    REQUIRE(s.by_region.size() == 2);
    // Region 0, in agents: L = 700, U = 140, E = 560; levels 0..6 are 100 each.
    const double per = 1.0 / w.scale;
    CHECK(s.at(0, indicator::labor_force) == 700 * per);
    CHECK(s.at(0, indicator::employed) == 560 * per);
    CHECK(s.at(0, indicator::unemployed) == 140 * per);
    CHECK(s.at(0, indicator::unemployment_rate) == Approx(0.2));
    CHECK(s.at(0, indicator::trained_rate) == Approx(6.0 / 7.0));       // level >= short course
    CHECK(s.at(0, indicator::certified_rate) == Approx(5.0 / 7.0));     // level >= elementary
    CHECK(s.at(0, indicator::high_quality_rate) == Approx(2.0 / 7.0));  // university and above
    CHECK(s.at(0, indicator::population) == 700 * per);
    CHECK(s.at(0, indicator::students) == 0);
    CHECK(s.at(0, indicator::students_abroad) == 0);
    // The employed: k % 5 != 0 are 4 in 5 of each parity, so half earn 4 and half 6 million.
    CHECK(s.at(0, indicator::mean_wage) == Approx(5.0e6));
    CHECK(s.at(0, indicator::wage_p10) == Approx(4.0e6).epsilon(0.03));  // 1/40 log-point bins
    CHECK(s.at(0, indicator::wage_p90) == Approx(6.0e6).epsilon(0.03));
    CHECK(s.at(0, indicator::mean_skill) == Approx(0.25).margin(1e-6));
    // Under-qualified: k = 1 mod 4 and not 0 mod 5: 4 residues of 20, 140 of 560.
    CHECK(s.at(0, indicator::mismatch_rate) == Approx(0.25));
    // Over-qualified with gap 3 and no requirement: level >= 3, 16 of each 35 employed residues.
    CHECK(s.at(0, indicator::overqualification_rate) == Approx(320.0 / 560.0));
    for (int k = 0; k < education_count; ++k) CHECK(s.labor_force_by_education[0][k] == 100 * per);
    CHECK(s.employed_by_field[0][0] == 560 * per);
    for (int k = 1; k < field_count; ++k) CHECK(s.employed_by_field[0][k] == 0);
    // Region 1: everyone employed and a graduate.
    CHECK(s.at(1, indicator::labor_force) == 350 * per);
    CHECK(s.at(1, indicator::unemployment_rate) == 0);
    CHECK(s.at(1, indicator::high_quality_rate) == 1);
    CHECK(s.at(1, indicator::mean_wage) == Approx(9.0e6));
    CHECK(s.at(1, indicator::wage_p50) == Approx(9.0e6).epsilon(0.03));
    CHECK(s.at(1, indicator::overqualification_rate) == 1);
}

TEST_CASE("statistics: status changes move people between the stocks", "[unit][model]") {
    hand_world h(100);
    auto& w = h.sw.w;
    // Ten of region 1 go abroad; they leave its population and labour force.
    std::size_t sent = 0;
    for (std::size_t i = 0; i < w.workers.size() && sent < 10; ++i)
        if (w.workers.region[i] == 1) {
            send_abroad(w, i, 0);
            ++sent;
        }
    month_stats s;
    collect_statistics(w, s);
    const double per = 1.0 / w.scale;
    CHECK(s.at(1, indicator::students_abroad) == 10 * per);
    CHECK(s.at(1, indicator::population) == 340 * per);
    CHECK(s.at(1, indicator::labor_force) == 340 * per);
    CHECK(s.at(0, indicator::overqualification_rate) == 0);  // gap 100: nobody
}

TEST_CASE("statistics: flow indicators are the month's flows in persons and their ratios", "[unit][model]") {
    hand_world h(3);
    auto& w = h.sw.w;
    begin_month(w, 0);
    w.add_flow(0, flow::unemployed_searchers, 120);
    w.add_flow(0, flow::hires_from_unemployment, 30);
    w.add_flow(0, flow::hires, 40);
    w.add_flow(0, flow::vacancies, 80);
    w.add_flow(0, flow::separations, 12);
    w.add_flow(0, flow::migration_in, 5);
    w.add_flow(1, flow::migration_out, 5);
    w.add_flow(1, graduates_at(5), 7);
    month_stats s;
    collect_statistics(w, s);
    const double per = 1.0 / w.scale;
    CHECK(s.at(0, indicator::job_finding_rate) == Approx(0.25));
    CHECK(s.at(0, indicator::vacancy_filling_rate) == Approx(0.5));
    CHECK(s.at(0, indicator::hires) == 40 * per);
    CHECK(s.at(0, indicator::vacancies) == 80 * per);
    CHECK(s.at(0, indicator::separations) == 12 * per);
    CHECK(s.at(0, indicator::migration_in) == 5 * per);
    CHECK(s.at(1, indicator::migration_out) == 5 * per);
    CHECK(s.graduates_by_education[1][5] == 7 * per);
    CHECK(s.at(1, indicator::job_finding_rate) == 0);  // no searchers: 0, not NaN
}

TEST_CASE("statistics: update_region_state passes income and population to next month", "[unit][model]") {
    hand_world h(3);
    auto& w = h.sw.w;
    month_stats s;
    collect_statistics(w, s);
    update_region_state(w, s);
    CHECK(w.regions[0].expected_income == Approx(5.0e6 * 0.8));
    CHECK(w.regions[1].expected_income == Approx(9.0e6));
    CHECK(w.regions[0].population_agents == 700);
    CHECK(w.regions[1].population_agents == 350);
    CHECK(w.regions[0].labor_force_agents == Approx(700));
}
