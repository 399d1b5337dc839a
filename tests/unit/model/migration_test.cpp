// Migration (sim/model/migration.cpp): each labour-force member not in a course considers a
// move with probability migration_rate; the destination is a logit over
//   V_oj = w_inc ln(income_j) + amenity_j + incentive_j - c_d km_oj + [j = o] stay.
// An employed mover quits; moves are counted out of the origin and into the destination.
#include <catch2/catch.hpp>

#include <cmath>

#include "small_world.hpp"

using namespace laborsim;
using namespace laborsim::test;

namespace {

// Two regions about 160 km apart, with a school so that some people are students.
scenario two_regions() {
    auto sc = quiet_scenario({small_region("north", 4000, 22.0, 106.0), small_region("south", 2000, 21.0, 105.0)});
    school_spec s;
    s.id = "north-centre";
    s.region = "north";
    s.seats_per_year = 1200;
    s.program_months = 3;
    sc.schools = {s};
    return sc;
}

struct snapshot {
    std::vector<std::uint16_t> region;
    std::vector<std::uint8_t> status;
    std::int64_t n_lf[2] = {0, 0};
};

snapshot take(const world& w) {
    snapshot s{w.workers.region, w.workers.status};
    for (std::size_t i = 0; i < w.workers.size(); ++i)
        if (w.workers.in_labor_force(i)) s.n_lf[w.workers.region[i]] += 1;
    return s;
}

}  // namespace

TEST_CASE("migration: with rate 0 nobody moves", "[unit][model]") {
    auto sw = make_small_world(two_regions());
    auto& w = sw.w;
    const auto before = take(w);
    begin_month(w, 0);
    run_migration(w);
    CHECK(w.workers.region == before.region);
    CHECK(w.workers.status == before.status);
    CHECK(flow_total(w, flow::migration_in) == 0);
    CHECK(flow_total(w, flow::migration_out) == 0);
}

TEST_CASE("migration: destinations follow the logit on income; people and moves are conserved", "[unit][model]") {
    auto sc = two_regions();
    sc.model.migration_rate = 1;  // everyone considers a move
    sc.model.migration_stay_bonus = 0;
    sc.model.migration_distance_cost = 0;
    sc.model.migration_income_weight = 1;
    auto sw = make_small_world(std::move(sc));
    auto& w = sw.w;
    // South's expected income is three times north's: P(south) = 3 / 4 from either region.
    w.regions[0].expected_income = 2.0e6;
    w.regions[1].expected_income = 6.0e6;
    // A few labour-force members are in a policy course: they stay.
    std::vector<std::size_t> in_course;
    for (std::size_t i = 0; i < w.workers.size() && in_course.size() < 20; i += 7)
        if (w.workers.in_labor_force(i)) {
            w.workers.course[i] = 0;
            in_course.push_back(i);
        }
    const auto before = take(w);
    const auto n = w.workers.size();
    begin_month(w, 0);
    run_migration(w);

    REQUIRE(w.workers.size() == n);
    std::int64_t moved[2] = {0, 0};  // out of region r
    std::int64_t considered[2] = {before.n_lf[0], before.n_lf[1]};
    for (auto i : in_course) considered[before.region[i]] -= 1;
    for (std::size_t i = 0; i < n; ++i) {
        const auto from = before.region[i];
        if (w.workers.region[i] == from) continue;
        moved[from] += 1;
        INFO("worker " << i);
        CHECK(w.workers.in_labor_force(i));
        CHECK(w.workers.course[i] == no_course);
        CHECK(has_status(w, i, worker_status::unemployed));  // an employed mover quits
        CHECK(w.workers.has(i, worker_flag::moved));
        if (before.status[i] == static_cast<std::uint8_t>(worker_status::employed)) {
            CHECK(w.workers.employer[i] == no_employer);
            CHECK(w.workers.months_in_status[i] == 0);
        }
    }
    // Students stay where they study.
    for (std::size_t i = 0; i < n; ++i)
        if (before.status[i] == static_cast<std::uint8_t>(worker_status::student))
            CHECK(w.workers.region[i] == before.region[i]);
    CHECK(flow_of(w, 0, flow::migration_out) == moved[0]);
    CHECK(flow_of(w, 1, flow::migration_in) == moved[0]);
    CHECK(flow_of(w, 1, flow::migration_out) == moved[1]);
    CHECK(flow_of(w, 0, flow::migration_in) == moved[1]);
    CHECK(positions_consistent(w));
    // The logit: from north 3/4 leave, from south 1/4 do.
    const double n0 = static_cast<double>(considered[0]), n1 = static_cast<double>(considered[1]);
    CHECK(std::abs(static_cast<double>(moved[0]) - 0.75 * n0) < 4 * binomial_sd(n0, 0.75));
    CHECK(std::abs(static_cast<double>(moved[1]) - 0.25 * n1) < 4 * binomial_sd(n1, 0.25));
}

TEST_CASE("migration: the stay bonus and distance keep people home in proportion to the logit", "[unit][model]") {
    auto sc = two_regions();
    sc.model.migration_rate = 0.5;
    sc.model.migration_stay_bonus = 1.0;
    sc.model.migration_income_weight = 0;
    auto sw = make_small_world(std::move(sc));
    auto& w = sw.w;
    const double km = w.distance_km[1];
    REQUIRE(km > 100);
    REQUIRE(w.distance_km[0] == 0);
    const double c = w.sc->model.migration_distance_cost;
    // P(move | considering) = e^(-c km) / (e^(-c km) + e^stay).
    const double p_move = 0.5 * std::exp(-c * km) / (std::exp(-c * km) + std::exp(1.0));
    const auto before = take(w);
    begin_month(w, 2);
    run_migration(w);
    for (int r = 0; r < 2; ++r) {
        const double n = static_cast<double>(before.n_lf[r]);
        const auto out = static_cast<double>(flow_of(w, r, flow::migration_out));
        INFO("region " << r << " moves out " << out << " expected " << p_move * n);
        CHECK(std::abs(out - p_move * n) < 4 * binomial_sd(n, p_move) + 1);
    }
    CHECK(flow_total(w, flow::migration_in) == flow_total(w, flow::migration_out));
}

TEST_CASE("migration: a single region has nowhere to go", "[unit][model]") {
    auto sc = quiet_scenario({small_region("only", 1000)});
    sc.model.migration_rate = 1;
    auto sw = make_small_world(std::move(sc));
    auto& w = sw.w;
    const auto status = w.workers.status;
    begin_month(w, 0);
    run_migration(w);
    CHECK(w.workers.status == status);  // nobody quits a job to stay put
    CHECK(flow_total(w, flow::migration_out) == 0);
}
