// Demography (sim/model/demography.cpp): everyone ages a month; workers leave at the
// retirement age or by the Gompertz hazard; entrants = exits + N_r0 g_r / 12 (stochastically
// rounded), unemployed, aged U(entrant_age_min, entrant_age_max); those abroad never leave.
#include <catch2/catch.hpp>

#include <map>

#include "small_world.hpp"

using namespace laborsim;
using namespace laborsim::test;

namespace {

constexpr std::uint16_t age_30 = 30 * 12;

// Everyone aged 30, so that only the workers a test places elsewhere can retire.
void make_everyone_30(world& w) {
    for (auto& a : w.workers.age_months) a = age_30;
}

std::map<std::uint32_t, std::uint16_t> ages_by_id(const world& w) {
    std::map<std::uint32_t, std::uint16_t> out;
    for (std::size_t i = 0; i < w.workers.size(); ++i) out[w.workers.id[i]] = w.workers.age_months[i];
    return out;
}

}  // namespace

TEST_CASE("demography: everyone ages one month; without exits or growth nobody enters", "[unit][model]") {
    auto sw = make_small_world(quiet_scenario({small_region("north", 2000)}));
    auto& w = sw.w;
    begin_month(w, 0);
    const auto before = ages_by_id(w);
    const auto next_id = w.next_worker_id;
    w.workers.set(5, worker_flag::moved, true);  // last month's mover
    run_demography(w);
    CHECK(ages_by_id(w).size() == before.size());
    for (std::size_t i = 0; i < w.workers.size(); ++i) CHECK(w.workers.age_months[i] == before.at(w.workers.id[i]) + 1);
    CHECK(w.next_worker_id == next_id);
    CHECK(flow_total(w, flow::exits) == 0);
    CHECK(flow_total(w, flow::entries) == 0);
    CHECK_FALSE(w.workers.has(5, worker_flag::moved));  // the flag lasts one month
}

TEST_CASE("demography: a worker reaching the retirement age of its sex leaves and is replaced", "[unit][model]") {
    auto sc = quiet_scenario({small_region("north", 2000)});
    sc.model.retirement_age_men = 60;
    sc.model.retirement_age_women = 55;
    auto sw = make_small_world(std::move(sc));
    auto& w = sw.w;
    make_everyone_30(w);
    auto& ws = w.workers;
    // Find two men and two women, the first of each employed.
    std::vector<std::size_t> men, women;
    for (std::size_t i = 0; i < ws.size() && (men.size() < 2 || women.size() < 2); ++i) {
        if (!has_status(w, i, worker_status::employed)) continue;
        (ws.has(i, worker_flag::female) ? women : men).push_back(i);
    }
    REQUIRE(men.size() == 2);
    REQUIRE(women.size() == 2);
    ws.age_months[men[0]] = 60 * 12 - 1;    // reaches 60 this month: leaves
    ws.age_months[men[1]] = 55 * 12 - 1;    // a man at the women's age: stays
    ws.age_months[women[0]] = 55 * 12 - 1;  // leaves
    ws.age_months[women[1]] = 55 * 12 - 2;  // one month short: stays
    const std::uint32_t leaving[] = {ws.id[men[0]], ws.id[women[0]]};
    const std::uint32_t staying[] = {ws.id[men[1]], ws.id[women[1]]};
    const auto firm = ws.employer[men[0]];
    const auto firm_head = w.firms.headcount[firm];
    const int firm_leavers = 1 + (ws.employer[women[0]] == firm ? 1 : 0);
    const auto n = ws.size();
    const auto first_new_id = w.next_worker_id;
    begin_month(w, 0);
    run_demography(w);
    for (auto id : leaving) CHECK(index_of(w, id) == ws.size());
    for (auto id : staying) CHECK(index_of(w, id) < ws.size());
    CHECK(flow_total(w, flow::exits) == 2);
    CHECK(flow_total(w, flow::entries) == 2);  // replaces the exits (no growth)
    CHECK(ws.size() == n);
    CHECK(w.firms.headcount[firm] == firm_head - firm_leavers);  // the leaver's job is freed
    CHECK(positions_consistent(w));
    // The entrants: new ids, unemployed, school-leaver ages, with the entry wage.
    const auto& m = w.sc->model;
    int entrants = 0;
    for (std::size_t i = 0; i < ws.size(); ++i) {
        if (ws.id[i] < first_new_id) continue;
        ++entrants;
        CHECK(has_status(w, i, worker_status::unemployed));
        CHECK(ws.months_in_status[i] == 0);
        CHECK(ws.age_months[i] >= m.entrant_age_min * 12);
        CHECK(ws.age_months[i] <= m.entrant_age_max * 12);
        CHECK(ws.wage_vnd[i] >= w.regions[0].min_wage_vnd - 1);
    }
    CHECK(entrants == 2);
}

TEST_CASE("demography: deaths follow the hazard; entrants replace exits one for one", "[unit][model]") {
    auto sc = quiet_scenario({small_region("north", 3000)});
    // Gompertz with b = 0: a flat monthly hazard a / 12 = 0.1 at every age.
    sc.model.mortality_gompertz_a = 1.2;
    sc.model.mortality_gompertz_b = 0;
    auto sw = make_small_world(std::move(sc));
    auto& w = sw.w;
    const auto n = static_cast<double>(w.workers.size());
    begin_month(w, 0);
    run_demography(w);
    const auto exits = flow_total(w, flow::exits);
    CHECK(std::abs(static_cast<double>(exits) - 0.1 * n) < 4 * binomial_sd(n, 0.1));
    CHECK(flow_total(w, flow::entries) == exits);
    CHECK(static_cast<double>(w.workers.size()) == n);
    CHECK(positions_consistent(w));
}

TEST_CASE("demography: workers abroad age but neither die nor retire", "[unit][model]") {
    auto sc = quiet_scenario({small_region("north", 1000)});
    sc.model.mortality_gompertz_a = 24;  // a monthly hazard of 2: everyone at home leaves
    sc.model.mortality_gompertz_b = 0;
    auto sw = make_small_world(std::move(sc));
    auto& w = sw.w;
    std::vector<std::uint32_t> abroad;
    for (std::size_t i = 0; i < w.workers.size(); i += 50) {
        send_abroad(w, i, 0);
        w.workers.age_months[i] = 70 * 12;  // past any retirement age too
        abroad.push_back(w.workers.id[i]);
    }
    const auto first_new_id = w.next_worker_id;
    const auto n = w.workers.size();
    begin_month(w, 0);
    run_demography(w);
    CHECK(flow_total(w, flow::exits) == static_cast<std::int64_t>(n - abroad.size()));
    for (auto id : abroad) {
        const auto i = index_of(w, id);
        REQUIRE(i < w.workers.size());
        CHECK(w.workers.age_months[i] == 70 * 12 + 1);
        CHECK(has_status(w, i, worker_status::abroad));
    }
    // Whoever is left at home is an entrant.
    for (std::size_t i = 0; i < w.workers.size(); ++i)
        if (!has_status(w, i, worker_status::abroad)) CHECK(w.workers.id[i] >= first_new_id);
    CHECK(positions_consistent(w));
}

TEST_CASE("demography: entrants arrive at the labour-force growth rate and with the entrant mix", "[unit][model]") {
    auto region = small_region("north", 2000);
    region.labor_force_growth = 0.1224;                       // 2000 x 0.1224 / 12 = 20.4 entrants a month
    region.entrant_education_shares = {0, 0, 0, 1, 0, 0, 0};  // all intermediate
    auto sw = make_small_world(quiet_scenario({region}));
    auto& w = sw.w;
    const double target = 20.4;
    REQUIRE(w.regions[0].workers_target_growth == Approx(target));
    const int months = 60;
    std::int64_t total = 0;
    for (int t = 0; t < months; ++t) {
        begin_month(w, t);
        const auto n = w.workers.size();
        const auto first_new_id = w.next_worker_id;
        run_demography(w);
        const auto entries = flow_total(w, flow::entries);
        // Stochastic rounding of 20.4: 20 or 21, never anything else.
        CHECK((entries == 20 || entries == 21));
        CHECK(w.workers.size() == n + static_cast<std::size_t>(entries));
        for (std::size_t i = 0; i < w.workers.size(); ++i)
            if (w.workers.id[i] >= first_new_id)
                CHECK(w.workers.level[i] == static_cast<std::uint8_t>(education_level::intermediate));
        total += entries;
    }
    // The fraction 0.4 is a Bernoulli draw a month: mean 20.4, sd sqrt(0.24 / months).
    const double mean = static_cast<double>(total) / months;
    CHECK(std::abs(mean - target) < 4 * std::sqrt(0.24 / months));
}
