// The initial world (sim/model/build_world.cpp), from a short YAML scenario: agent counts
// are labour_force x scale, the drawn shares match the inputs within sampling error, firms
// sit in their region x field market with headcounts that match their workers, the mean
// wage reproduces the input, schools start in their steady state, and the result does not
// depend on the block size.
#include <catch2/catch.hpp>

#include <algorithm>

#include <array>
#include <cmath>

#include "laborsim/scenario_io.hpp"
#include "small_world.hpp"

using namespace laborsim;
using namespace laborsim::test;

namespace {

const char* const yaml = R"(name: build-world-test
calendar: {start: 2021-01, end: 2021-12}
seed: 424242
scale: 0.1
model: {share_women: 0.4, initial_skill_sd: 0.3}
regions:
  - id: north
    labor_force: 40000
    urban_share: 0.3
    unemployment_rate: 0.1
    education_shares: {none: 0.5, elementary: 0.3, university: 0.2}
    field_shares: {agriculture: 0.6, services: 0.4}
    mean_wage_vnd: 5000000
    min_wage_vnd: 100000
    latitude: 22.0
    longitude: 106.0
  - id: south
    labor_force: 20005
    urban_share: 0.8
    unemployment_rate: 0.02
    education_shares: {none: 0.2, college: 0.3, university: 0.5}
    field_shares: {industry: 0.5, digital: 0.5}
    mean_wage_vnd: 9000000
    min_wage_vnd: 100000
    latitude: 10.8
    longitude: 106.7
schools:
  - {id: centre, region: north, kind: vocational_centre, field: services, seats_per_year: 1200, program_months: 6, completion_rate: 1}
)";

const scenario& yaml_scenario() {
    static const scenario sc = load_scenario_text(yaml, "build_world_test.yaml");
    return sc;
}

// |observed share - p| within 4 binomial sd of n draws.
bool share_ok(double count, double n, double p) {
    return std::abs(count / n - p) <= 4 * std::sqrt(p * (1 - p) / n) + 1e-12;
}

}  // namespace

TEST_CASE("build_world: labour-force agents per region are labour_force x scale, students come on top",
          "[unit][model]") {
    const auto& sc = yaml_scenario();
    const world w = build_world(sc, 256);
    std::array<std::int64_t, 2> lf{}, students{};
    for (std::size_t i = 0; i < w.workers.size(); ++i) {
        if (w.workers.in_labor_force(i)) lf[w.workers.region[i]] += 1;
        if (has_status(w, i, worker_status::student)) students[w.workers.region[i]] += 1;
    }
    CHECK(lf[0] == 4000);
    CHECK(lf[1] == std::llround(20005 * 0.1));  // 2000.5 rounds to 2001
    // Steady-state school: completion 1, so each of the 6 cohorts is the monthly intake, 10.
    CHECK(students[0] == 60);
    CHECK(students[1] == 0);
    CHECK(w.schools.enrolled[0] == 60);
    std::array<int, 6> by_month{};
    for (std::size_t i = 0; i < w.workers.size(); ++i)
        if (has_status(w, i, worker_status::student)) by_month.at(w.workers.months_in_status[i]) += 1;
    for (int k = 0; k < 6; ++k) CHECK(by_month[k] == 10);
    // The working-age inactive come on top of both (participation_test.cpp checks their number).
    std::array<std::int64_t, 2> inactive{};
    for (std::size_t i = 0; i < w.workers.size(); ++i)
        if (has_status(w, i, worker_status::inactive)) inactive[w.workers.region[i]] += 1;
    CHECK(inactive[0] > 0);
    CHECK(static_cast<std::int64_t>(w.workers.size()) == 4000 + 2001 + 60 + inactive[0] + inactive[1]);
    CHECK(w.next_worker_id == w.workers.size());  // ids 0..n-1, unique
    CHECK(w.regions[0].population_agents_initial == 4060 + inactive[0]);
    CHECK(w.regions[1].population_agents_initial == 2001 + inactive[1]);
}

TEST_CASE("build_world: drawn shares match the scenario's within sampling error", "[unit][model]") {
    const auto& sc = yaml_scenario();
    const world w = build_world(sc, 256);
    const auto& ws = w.workers;
    for (std::size_t r = 0; r < 2; ++r) {
        const auto& spec = sc.regions[r];
        double n = 0, unemployed = 0, women = 0, rural = 0;
        std::array<double, education_count> level{};
        std::array<double, field_count> field{};
        for (std::size_t i = 0; i < ws.size(); ++i) {
            if (ws.region[i] != r || !ws.in_labor_force(i)) continue;
            n += 1;
            unemployed += has_status(w, i, worker_status::unemployed);
            women += ws.has(i, worker_flag::female);
            rural += ws.has(i, worker_flag::rural);
            level[ws.level[i]] += 1;
            field[ws.field[i]] += 1;
        }
        INFO("region " << spec.id);
        CHECK(share_ok(unemployed, n, spec.unemployment_rate));
        CHECK(share_ok(women, n, sc.model.share_women));
        CHECK(share_ok(rural, n, 1 - spec.urban_share));
        for (int k = 0; k < education_count; ++k) {
            INFO("level " << education_names[k]);
            CHECK(share_ok(level[k], n, spec.education_shares[k]));
        }
        for (int k = 0; k < field_count; ++k) {
            INFO("field " << field_names[k]);
            CHECK(share_ok(field[k], n, spec.field_shares[k]));
        }
    }
}

TEST_CASE("build_world: ages lie between 15 and the retirement age of each sex", "[unit][model]") {
    const auto& sc = yaml_scenario();
    const world w = build_world(sc, 256);
    const auto& ws = w.workers;
    for (std::size_t i = 0; i < ws.size(); ++i) {
        if (!ws.in_labor_force(i)) continue;
        const double retire =
            ws.has(i, worker_flag::female) ? sc.model.retirement_age_women : sc.model.retirement_age_men;
        CHECK(ws.age_months[i] >= 15 * 12);
        CHECK(ws.age_months[i] < retire * 12);
    }
}

TEST_CASE("build_world: firms sit in their markets, employ workers of that market, and reproduce the mean wage",
          "[unit][model]") {
    const auto& sc = yaml_scenario();
    const world w = build_world(sc, 256);
    const auto& ws = w.workers;
    const auto& fs = w.firms;
    REQUIRE(w.market_firm_begin.size() == w.market_count() + 1);
    REQUIRE(w.market_firm_begin.back() == fs.size());
    for (std::size_t mk = 0; mk < w.market_count(); ++mk) {
        const std::size_t r = mk / field_count, k = mk % field_count;
        const std::size_t n = w.market_firm_begin[mk + 1] - w.market_firm_begin[mk];
        // Firms only where the field has workers.
        CHECK((n > 0) == (sc.regions[r].field_shares[k] > 0));
        for (std::size_t f = w.market_firm_begin[mk]; f < w.market_firm_begin[mk + 1]; ++f) {
            CHECK(fs.region[f] == r);
            CHECK(fs.field[f] == k);
            CHECK(fs.base_size[f] == Approx(fs.headcount[f] * (1 + sc.model.vacancy_rate)));
        }
    }
    // Firm agents are strata of establishments: per market, the data's establishments
    // (firms_per_1000_workers x persons / 1000) over establishments_per_firm_agent, capped.
    for (std::size_t mk = 0; mk < w.market_count(); ++mk) {
        const auto& reg = sc.regions[mk / field_count];
        const double persons = reg.labor_force * reg.field_shares[mk % field_count];
        const double expected = persons <= 0 ? 0.0
                                             : std::clamp(std::ceil(persons * reg.firms_per_1000_workers / 1000.0 /
                                                                    sc.model.establishments_per_firm_agent),
                                                          1.0, sc.model.firm_agents_per_market);
        CHECK(static_cast<double>(w.market_firm_begin[mk + 1] - w.market_firm_begin[mk]) == expected);
    }
    CHECK(positions_consistent(w));
    std::array<double, 2> wage_sum{}, employed{};
    for (std::size_t i = 0; i < ws.size(); ++i) {
        if (!has_status(w, i, worker_status::employed)) continue;
        const auto f = static_cast<std::size_t>(ws.employer[i]);
        CHECK(fs.region[f] == ws.region[i]);
        CHECK(fs.field[f] == ws.field[i]);
        CHECK(ws.has(i, worker_flag::mismatched) == (ws.level[i] < fs.min_level[f]));
        wage_sum[ws.region[i]] += ws.wage_vnd[i];
        employed[ws.region[i]] += 1;
    }
    // P_r is set so that the mean wage is the input (the minimum wage does not bind here;
    // wages are stored in whole VND).
    CHECK(wage_sum[0] / employed[0] == Approx(5.0e6).epsilon(1e-6));
    CHECK(wage_sum[1] / employed[1] == Approx(9.0e6).epsilon(1e-6));
}

TEST_CASE("build_world: the world does not depend on the block size, and does on the seed", "[unit][model]") {
    const auto& sc = yaml_scenario();
    const world a = build_world(sc, 64);
    const world b = build_world(sc, 100000);
    CHECK(a.workers.id == b.workers.id);
    CHECK(a.workers.region == b.workers.region);
    CHECK(a.workers.age_months == b.workers.age_months);
    CHECK(a.workers.level == b.workers.level);
    CHECK(a.workers.skill == b.workers.skill);
    CHECK(a.workers.employer == b.workers.employer);
    CHECK(a.workers.wage_vnd == b.workers.wage_vnd);
    CHECK(a.firms.log_productivity == b.firms.log_productivity);
    CHECK(a.firms.headcount == b.firms.headcount);
    auto other = sc;
    other.seed += 1;
    const world c = build_world(other, 64);
    CHECK(a.workers.skill != c.workers.skill);
}
