// People are conserved: every month and in every region, the change in the population
// equals entrants - exits + moves in - moves out - departures abroad + returns, and the
// stock abroad changes by departures - returns - emigrants. The whole model runs:
// migration, search in other regions, schools in other regions, study abroad.
#include <catch2/catch.hpp>

#include "validation_support.hpp"

using namespace laborsim;
using namespace laborsim::validation;

TEST_CASE("people are conserved month by month, per region and in total", "[validation]") {
    auto sc = base_scenario(36);
    sc.regions = {make_region("north", 9000, 22.7, 106.3, 5.0e6), make_region("coast", 7000, 21.0, 107.3, 8.0e6),
                  make_region("delta", 6000, 20.9, 106.7, 8.5e6)};
    sc.schools = {make_school("coast-college", "coast", school_kind::vocational_college, 1200, 12),
                  make_school("north-centre", "north", school_kind::vocational_centre, 1200, 4)};
    sc.model.migration_rate = 0.01;
    sc.model.migration_stay_bonus = 1.0;
    sc.model.outside_search_share = 0.4;
    sc.model.study_abroad_rate = 0.01;
    sc.model.abroad_program_months = 6;
    sc.model.application_rate_young = 0.05;

    const auto rec = run(sc);
    const std::size_t R = sc.regions.size();
    std::int64_t worst = 0, moves = 0, returns = 0, emigrants = 0;
    for (std::size_t t = 0; t < rec.months.size(); ++t) {
        std::int64_t total = 0, in = 0, out = 0;
        for (std::size_t r = 0; r < R; ++r) {
            auto a = [&](indicator i) { return rec.agents(t, r, i, sc.scale); };
            const std::int64_t pop_before =
                t == 0 ? rec.initial_population[r] : rec.agents(t - 1, r, indicator::population, sc.scale);
            const std::int64_t abroad_before =
                t == 0 ? rec.initial_abroad[r] : rec.agents(t - 1, r, indicator::students_abroad, sc.scale);
            const std::int64_t pop_change = a(indicator::population) - pop_before;
            const std::int64_t pop_flows = a(indicator::entrants) - a(indicator::exits) + a(indicator::migration_in) -
                                           a(indicator::migration_out) - a(indicator::abroad_departures) +
                                           a(indicator::abroad_returns);
            const std::int64_t abroad_change = a(indicator::students_abroad) - abroad_before;
            const std::int64_t abroad_flows =
                a(indicator::abroad_departures) - a(indicator::abroad_returns) - a(indicator::abroad_emigrants);
            worst = std::max({worst, std::abs(pop_change - pop_flows), std::abs(abroad_change - abroad_flows)});
            CHECK(pop_change == pop_flows);
            CHECK(abroad_change == abroad_flows);
            total += a(indicator::population) + a(indicator::students_abroad);
            in += a(indicator::migration_in);
            out += a(indicator::migration_out);
            returns += a(indicator::abroad_returns);
            emigrants += a(indicator::abroad_emigrants);
        }
        CHECK(in == out);  // a move out of one region is a move into another
        CHECK(total == rec.workers[t]);
        moves += in;
    }
    // The flows the identity balances must all have happened.
    CHECK(moves > 100);
    CHECK(returns > 10);
    CHECK(emigrants > 10);
    report("conservation", "max |stock change - net flows| (agents)", static_cast<double>(worst), 0, 0);
    report("conservation", "moves between regions (agents, 36 months)", static_cast<double>(moves), 0, 0);
}
