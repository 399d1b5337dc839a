// Population changes shared by phases and policies (sim/model/population.cpp): leaving a
// job or a seat, removing workers (dense store, stable ids), going abroad, and the wage
// references world::market_wage, reservation_wage and entry_wage.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <set>

#include "small_world.hpp"

using namespace laborsim;
using namespace laborsim::test;

namespace {

scenario population_scenario() {
    auto sc = quiet_scenario({small_region("north", 1500)});
    school_spec s;
    s.id = "centre";
    s.region = "north";
    s.seats_per_year = 600;
    s.program_months = 3;
    sc.schools = {s};
    return sc;
}

std::size_t first_with(const world& w, worker_status s) {
    for (std::size_t i = 0; i < w.workers.size(); ++i)
        if (has_status(w, i, s)) return i;
    return w.workers.size();
}

}  // namespace

TEST_CASE("population: release_position frees a job or a seat and nothing else", "[unit][model]") {
    auto sw = make_small_world(population_scenario());
    auto& w = sw.w;
    const auto e = first_with(w, worker_status::employed);
    const auto s = first_with(w, worker_status::student);
    const auto u = first_with(w, worker_status::unemployed);
    REQUIRE(e < w.workers.size());
    REQUIRE(s < w.workers.size());
    REQUIRE(u < w.workers.size());
    const auto head = w.firms.headcount;
    const auto enrolled = w.schools.enrolled;
    release_position(w, e);
    release_position(w, s);
    release_position(w, u);
    for (std::size_t f = 0; f < w.firms.size(); ++f)
        CHECK(w.firms.headcount[f] == head[f] - (static_cast<std::int32_t>(f) == w.workers.employer[e] ? 1 : 0));
    CHECK(w.schools.enrolled[0] == enrolled[0] - 1);
    // The status is the caller's to change.
    CHECK(has_status(w, e, worker_status::employed));
    CHECK(has_status(w, s, worker_status::student));
}

TEST_CASE("population: remove_workers keeps the store dense and the other workers intact", "[unit][model]") {
    auto sw = make_small_world(population_scenario());
    auto& w = sw.w;
    const auto n = w.workers.size();
    // Every seventh worker, the last one included.
    std::vector<std::uint32_t> gone;
    std::set<std::uint32_t> gone_ids;
    for (std::size_t i = 0; i < n; ++i)
        if (i % 7 == 3 || i == n - 1) {
            gone.push_back(static_cast<std::uint32_t>(i));
            gone_ids.insert(w.workers.id[i]);
        }
    std::vector<std::pair<std::uint32_t, float>> kept;
    for (std::size_t i = 0; i < n; ++i)
        if (!gone_ids.count(w.workers.id[i])) kept.emplace_back(w.workers.id[i], w.workers.skill[i]);
    remove_workers(w, gone);
    CHECK(w.workers.size() == n - gone.size());
    for (const auto& [id, skill] : kept) {
        const auto i = index_of(w, id);
        REQUIRE(i < w.workers.size());
        CHECK(w.workers.skill[i] == skill);  // rows move whole
    }
    for (auto id : gone_ids) CHECK(index_of(w, id) == w.workers.size());
    CHECK(positions_consistent(w));  // the removed gave up their jobs and seats
}

TEST_CASE("population: send_abroad sends a worker once and counts the departure", "[unit][model]") {
    auto sw = make_small_world(population_scenario());
    auto& w = sw.w;
    const auto program = add_abroad_program(w, abroad_program{education_level::postgraduate, 3, 12, 0.9, 0.2, 0.7});
    CHECK(program == 1);  // the baseline programme is 0
    REQUIRE(w.abroad_programs.size() == 2);
    CHECK(w.abroad_month.size() == 2);
    CHECK(w.abroad_programs[1].months == 12);
    const auto e = first_with(w, worker_status::employed);
    w.workers.set(e, worker_flag::placement, true);
    begin_month(w, 0);
    send_abroad(w, e, program);
    CHECK(has_status(w, e, worker_status::abroad));
    CHECK(w.workers.months_in_status[e] == 0);
    CHECK_FALSE(w.workers.has(e, worker_flag::placement));
    CHECK(flow_of(w, 0, flow::abroad_departures) == 1);
    CHECK(positions_consistent(w));  // its job is free
    send_abroad(w, e, program);      // already abroad: nothing happens
    CHECK(flow_of(w, 0, flow::abroad_departures) == 1);
    CHECK(positions_consistent(w));
}

TEST_CASE("population: market, reservation and entry wages follow their formulas", "[unit][model]") {
    auto sc = population_scenario();
    sc.model.reservation_replacement = 0.7;
    sc.model.reservation_decay = 0.9;
    auto sw = make_small_world(std::move(sc));
    auto& w = sw.w;
    const auto& m = w.sc->model;
    const auto i = first_with(w, worker_status::unemployed);
    auto& ws = w.workers;
    ws.skill[i] = 0.2f;
    ws.level[i] = static_cast<std::uint8_t>(education_level::college);
    const double P = w.regions[0].productivity_scale;
    const double market = m.initial_wage_share * P * std::exp(0.2f + m.level_wage_premium[4]);
    CHECK(w.market_wage(i) == Approx(market));
    for (const int months : {0, 1, 6, 1500}) {  // 1500: past the precomputed powers
        ws.months_in_status[i] = static_cast<std::uint16_t>(months);
        CHECK(w.reservation_wage(i) == Approx(0.7 * market * std::pow(0.9, months)));
    }
    // Each month of unemployment lowers the reservation wage by the decay.
    ws.months_in_status[i] = 3;
    const double r3 = w.reservation_wage(i);
    ws.months_in_status[i] = 4;
    CHECK(w.reservation_wage(i) / r3 == Approx(0.9));
    // The entry wage is the market wage, at least the minimum wage.
    CHECK(w.entry_wage(i) == Approx(std::max(market, w.regions[0].min_wage_vnd)));
    ws.skill[i] = -5.0f;
    CHECK(w.entry_wage(i) == w.regions[0].min_wage_vnd);
}
