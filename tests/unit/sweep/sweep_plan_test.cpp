#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <set>

#include "laborsim/errors.hpp"
#include "laborsim/replicates.hpp"
#include "laborsim/sweep.hpp"
#include "sweep/sobol.hpp"

using namespace laborsim;

namespace {

const std::string scenarios_dir = std::string(LABORSIM_SOURCE_DIR) + "/scenarios";

sweep_plan plan_of(const std::string& body) {
    return expand_sweep(load_sweep_spec_text("name: t\nbase: quickstart.yaml\n" + body, "t.yaml", scenarios_dir));
}

std::string load_error(const std::string& text) {
    try {
        load_sweep_spec_text(text, "t.yaml", scenarios_dir);
    } catch (const input_error& e) {
        return e.what();
    }
    return "no error";
}

double value(const sweep_run& r, std::size_t j) { return std::stod(r.values[j]); }

}  // namespace

TEST_CASE("sweep grid: the cartesian product in file order, with stable ids and seeds", "[sweep]") {
    const auto plan = plan_of(R"(
replicates: 3
parameters:
  - {key: policies.cb-rural-training.seats_per_year, values: [0, 6423]}
  - {key: model.separation_rate, values: [0.008, 0.012, 0.02]}
  - {key: policies.cb-rural-training.course_level, values: [short_course, elementary]}
)");
    REQUIRE(plan.points == 12);
    REQUIRE(plan.runs.size() == 36);
    std::set<std::vector<std::string>> combos;
    for (const auto& r : plan.runs) combos.insert(r.values);
    CHECK(combos.size() == 12);  // every combination once per replicate
    CHECK(plan.runs[0].id == "p0000-r00");
    CHECK(plan.runs[1].id == "p0000-r01");
    CHECK(plan.runs[35].id == "p0011-r02");
    CHECK(plan.runs[3].values == std::vector<std::string>{"0", "0.008", "elementary"});  // last varies fastest
    CHECK(plan.runs[6].values == std::vector<std::string>{"0", "0.012", "short_course"});
    CHECK(plan.runs[18].values == std::vector<std::string>{"6423", "0.008", "short_course"});  // first slowest
    std::map<int, std::set<std::uint64_t>> seeds_by_replicate;
    for (const auto& r : plan.runs) {
        CHECK(r.index == &r - plan.runs.data());
        seeds_by_replicate[r.replicate].insert(r.seed);
    }
    // Common random numbers: a replicate has one seed at every point; replicates differ.
    for (const auto& [rep, seeds] : seeds_by_replicate) CHECK(seeds.size() == 1);
    for (int r = 0; r < 3; ++r)
        CHECK(*seeds_by_replicate[r].begin() == replicate_seed(20210101, r));  // as run --replicates
    CHECK(*seeds_by_replicate[1].begin() != *seeds_by_replicate[2].begin());
    CHECK(plan.overrides(plan.runs[3]) ==
          std::vector<std::string>{"policies.cb-rural-training.seats_per_year=0", "model.separation_rate=0.008",
                                   "policies.cb-rural-training.course_level=elementary"});
    CHECK(plan.listing() == plan_of(R"(
replicates: 3
parameters:
  - {key: policies.cb-rural-training.seats_per_year, values: [0, 6423]}
  - {key: model.separation_rate, values: [0.008, 0.012, 0.02]}
  - {key: policies.cb-rural-training.course_level, values: [short_course, elementary]}
)")
                                .listing());
}

TEST_CASE("sweep grid over ranges: evenly spaced, log-spaced and whole-number steps", "[sweep]") {
    const auto plan = plan_of(R"(
set: [seed=7]
parameters:
  - {key: model.separation_rate, range: [0.01, 0.02], steps: 3}
  - {key: model.migration_rate, range: [0.0001, 0.01], steps: 3, log: true}
  - {key: policies.cb-rural-training.course_months, range: [1, 12], steps: 2, integer: true}
)");
    REQUIRE(plan.runs.size() == 18);
    CHECK(plan.runs[0].seed == replicate_seed(7, 0));  // the base scenario's seed after `set`
    CHECK(plan.runs[0].values == std::vector<std::string>{"0.01", "0.0001", "1"});
    CHECK(plan.runs[1].values[2] == "12");
    CHECK(plan.runs[2].values[1] == "0.001");
    CHECK(plan.runs[4].values[1] == "0.01");
    CHECK(plan.runs[6].values[0] == "0.015");
    CHECK(plan.runs[12].values[0] == "0.02");
}

TEST_CASE("sweep ids widen with the number of points and replicates", "[sweep]") {
    const auto many_points =
        plan_of("parameters:\n  - {key: model.separation_rate, range: [0.01, 0.02], steps: 12000}\n");
    CHECK(many_points.runs.front().id == "p00000-r00");
    CHECK(many_points.runs.back().id == "p11999-r00");
    const auto many_replicates =
        plan_of("replicates: 120\nparameters:\n  - {key: model.separation_rate, values: [0.01]}\n");
    CHECK(many_replicates.runs.front().id == "p0000-r000");
    CHECK(many_replicates.runs.back().id == "p0000-r119");
}

TEST_CASE("sweep lhs: each parameter's range is cut into N strata, each hit once", "[sweep]") {
    const auto plan = plan_of(R"(
sampling: {method: lhs, points: 40, seed: 3}
replicates: 2
parameters:
  - {key: model.separation_rate, range: [0.005, 0.025]}
  - {key: model.migration_rate, range: [0.0001, 0.01], log: true}
  - {key: policies.cb-rural-training.seats_per_year, values: [a, b]}
)");
    REQUIRE(plan.runs.size() == 80);
    std::vector<int> linear(40, 0), logs(40, 0);
    std::map<std::string, int> choices;
    for (const auto& r : plan.runs) {
        if (r.replicate != 0) continue;
        ++linear[static_cast<std::size_t>((value(r, 0) - 0.005) / 0.02 * 40)];
        ++logs[static_cast<std::size_t>(std::log(value(r, 1) / 0.0001) / std::log(100.0) * 40)];
        ++choices[r.values[2]];
    }
    for (int h : linear) CHECK(h == 1);
    for (int h : logs) CHECK(h == 1);
    CHECK(choices == std::map<std::string, int>{{"a", 20}, {"b", 20}});  // listed values are stratified too
    CHECK(plan.runs[0].values == plan.runs[1].values);                   // replicates share the point
}

TEST_CASE("sweep lhs with whole numbers: N points over N integers use each integer once", "[sweep]") {
    const auto plan = plan_of(R"(
sampling: {method: lhs, points: 12}
parameters:
  - {key: policies.cb-rural-training.course_months, range: [1, 12], integer: true}
)");
    std::set<std::string> seen;
    for (const auto& r : plan.runs) seen.insert(r.values[0]);
    CHECK(seen.size() == 12);
    CHECK(seen.count("1") == 1);
    CHECK(seen.count("12") == 1);
}

TEST_CASE("sweep sobol: points are the Sobol sequence from its second point, mapped onto the ranges", "[sweep]") {
    const auto plan = plan_of(R"(
sampling: {method: sobol, points: 16}
parameters:
  - {key: model.separation_rate, range: [0, 1]}
  - {key: model.nash_share, range: [0.2, 0.6]}
)");
    const sobol_sequence seq(2);
    REQUIRE(plan.runs.size() == 16);
    CHECK(plan.runs[0].values == std::vector<std::string>{"0.5", "0.4"});
    CHECK(plan.runs[1].values[0] == "0.75");
    for (const auto& r : plan.runs) {
        const auto u = seq.point(static_cast<std::uint32_t>(r.point) + 1);
        CHECK(value(r, 0) == u[0]);
        CHECK(value(r, 1) == Approx(0.2 + 0.4 * u[1]).epsilon(1e-15));
    }
}

TEST_CASE("sweep outcomes: one column per indicator, region and month; `all` aggregate; default last month",
          "[sweep]") {
    const auto plan = plan_of(R"(
parameters: [{key: model.separation_rate, values: [0.01]}]
outcomes: {indicators: [certified_rate, mean_wage], regions: [hai-phong, all, hai-phong]}
)");
    const auto& o = plan.spec.outcomes;
    REQUIRE(o.size() == 4);  // hai-phong once, not twice; `all` is one national column
    CHECK(o[0].column == "certified_rate:hai-phong:2026-12");
    CHECK(o[1].column == "certified_rate:all:2026-12");
    CHECK(o[1].region == "all");
    CHECK(o[2].column == "mean_wage:hai-phong:2026-12");

    // Without `regions`: one column per region of the base scenario.
    const auto every = plan_of(R"(
parameters: [{key: model.separation_rate, values: [0.01]}]
outcomes: {indicators: [certified_rate]}
)");
    std::vector<std::string> columns;
    for (const auto& e : every.spec.outcomes) columns.push_back(e.column);
    CHECK(columns == std::vector<std::string>{"certified_rate:cao-bang:2026-12", "certified_rate:bac-kan:2026-12",
                                              "certified_rate:quang-ninh:2026-12", "certified_rate:hai-phong:2026-12"});
}

TEST_CASE("sweep spec errors are located and suggest fixes", "[sweep]") {
    const std::string head = "name: t\nbase: quickstart.yaml\n";
    CHECK_THAT(load_error(head + "parameters:\n  - key: model.separaton_rate\n    values: [1]\n"),
               Catch::Contains("t.yaml:4:10: parameters[0].key: unknown key 'separaton_rate' in 'model', did you mean "
                               "'separation_rate'?"));
    CHECK_THAT(load_error(head + "replicate: 2\nparameters: [{key: scale, values: [0.1]}]\n"),
               Catch::Contains("t.yaml:3:1: replicate: unknown key 'replicate', did you mean 'replicates'?"));
    CHECK_THAT(load_error(head + "parameters: [{key: policies.no-such.seats_per_year, values: [1]}]\n"),
               Catch::Contains("the base scenario has no item no-such in 'policies'"));
    CHECK_THAT(load_error(head + "parameters: [{key: model.separation_rate, range: [0.02, 0.01], steps: 2}]\n"),
               Catch::Contains("parameters[0].range: expected low < high"));
    CHECK_THAT(load_error(head + "parameters: [{key: model.separation_rate, range: [0.01, 0.02]}]\n"),
               Catch::Contains("needs 'steps'"));
    CHECK_THAT(load_error(head + "parameters: [{key: model.separation_rate, range: [0.01, 0.02], values: [1]}]\n"),
               Catch::Contains("expected exactly one of 'values' or 'range'"));
    CHECK_THAT(load_error(head + "sampling: {method: lhs}\nparameters: [{key: scale, range: [0.01, 0.02]}]\n"),
               Catch::Contains("sampling.points: expected the number of points"));
    CHECK_THAT(
        load_error(head + "sampling: {method: sobl, points: 3}\nparameters: [{key: scale, range: [0.01, 0.02]}]\n"),
        Catch::Contains("did you mean 'sobol'"));
    CHECK_THAT(load_error(head + "parameters: [{key: scale, values: [0.1]}]\noutcomes: {indicators: [certified_rat], "
                                 "regions: [hai-phng]}\n"),
               Catch::Contains("did you mean 'certified_rate'") && Catch::Contains("did you mean 'hai-phong'"));
    CHECK_THAT(
        load_error(
            head +
            "parameters: [{key: scale, values: [0.1]}]\noutcomes: {indicators: [mean_wage], dates: [2031-01]}\n"),
        Catch::Contains("outcomes.dates[0]: expected a month the base scenario simulates (2021-01 to 2026-12)"));
    CHECK_THAT(load_error(head + "parameters: [{key: seed, values: [1, 2]}]\n"), Catch::Contains("use `replicates`"));
    CHECK_THAT(load_error("name: t\nbase: missing.yaml\nparameters: [{key: scale, values: [0.1]}]\n"),
               Catch::Contains("t.yaml:2:7: base: no scenario file at"));
    CHECK_THAT(load_error(head + "set: [scale=2]\nparameters: [{key: model.separation_rate, values: [0.1]}]\n"),
               Catch::Contains("scale: expected a number in [0, 1]"));  // the base with `set` is validated up front
}

TEST_CASE("sweep parameter keys are checked against the scenario schema", "[sweep]") {
    const std::string head = "name: t\nbase: quickstart.yaml\nparameters:\n  - {values: [1], key: ";
    for (const char* ok : {"scale", "calendar.end", "policies.cb-rural-training.seats_per_year",
                           "policies.cb-rural-training.target.max_level", "policies[0].annual_budget_vnd",
                           "regions.cao-bang.education_shares.none", "regions[1].age_shares[0]",
                           "model.level_wage_premium.university", "schools.qn-university.seats_per_year"}) {
        INFO(ok);
        CHECK(load_error(head + ok + "}\n").find("parameters[0].key") == std::string::npos);
    }
    CHECK_THAT(load_error(head + "scale.x}\n"), Catch::Contains("'scale' is a single value and has no keys"));
    CHECK_THAT(load_error(head + "regions.cao-bang.education_shares.nonee}\n"), Catch::Contains("did you mean 'none'"));
    CHECK_THAT(load_error(head + "policies.cb-rural-training.steps}\n"), Catch::Contains("unknown key 'steps'"));
}

TEST_CASE("the shipped sweep specs load and expand", "[sweep]") {
    const std::string dir = std::string(LABORSIM_SOURCE_DIR) + "/scenarios/sweeps/";
    const auto grid = expand_sweep(load_sweep_spec(dir + "quickstart-grid.yaml"));
    CHECK(grid.runs.size() == 12);
    const auto seeded = plan_of("seed: 99\nreplicates: 2\nparameters: [{key: scale, values: [0.01]}]\n");
    CHECK(seeded.runs[1].seed == replicate_seed(99, 1));  // the spec's seed overrides the scenario's
    const auto lhs = expand_sweep(load_sweep_spec(dir + "quickstart-lhs.yaml"));
    CHECK(lhs.runs.size() == 48);
    CHECK(lhs.spec.outcomes.front().column == "certified_rate:cao-bang:2025-12");
}

TEST_CASE("sweep saltelli: per base sample A, A with each column from B, then B", "[sweep]") {
    const auto plan = plan_of(R"(
sampling: {method: saltelli, points: 8}
parameters:
  - {key: model.separation_rate, range: [0, 1]}
  - {key: model.nash_share, range: [0, 1]}
  - {key: policies.cb-rural-training.course_level, values: [short_course, elementary]}
)");
    const std::size_t d = 3;
    REQUIRE(plan.points == 8 * 5);
    const sobol_sequence seq(6);
    for (int j = 0; j < 8; ++j) {
        const auto u = seq.point(static_cast<std::uint32_t>(j) + 1);
        const auto& a = plan.runs[static_cast<std::size_t>(j) * (d + 2)];
        const auto& b = plan.runs[static_cast<std::size_t>(j) * (d + 2) + d + 1];
        CHECK(value(a, 0) == u[0]);
        CHECK(value(b, 0) == u[3]);
        CHECK(value(b, 1) == u[4]);
        for (std::size_t k = 0; k < d; ++k) {
            const auto& ab = plan.runs[static_cast<std::size_t>(j) * (d + 2) + k + 1];
            for (std::size_t i = 0; i < d; ++i) CHECK(ab.values[i] == (i == k ? b.values[i] : a.values[i]));
        }
    }
    CHECK(load_error("name: t\nbase: quickstart.yaml\nsampling: {method: saltelli, points: 4}\nparameters:\n" +
                     [] {
                         std::string s;
                         for (int i = 0; i <= sobol_max_dimensions / 2; ++i)
                             s += "  - {key: regions." + std::to_string(i % 4) + ".population, range: [1, 2]}\n";
                         return s;
                     }())
              .find("at most " + std::to_string(sobol_max_dimensions / 2) + " parameters") != std::string::npos);
}

TEST_CASE("sweep memory_per_run takes Slurm's --mem sizes", "[sweep]") {
    CHECK(plan_of("memory_per_run: 2G\nparameters: [{key: model.separation_rate, values: [0.01]}]\n")
              .spec.memory_per_run == "2G");
    CHECK(load_error("name: t\nbase: quickstart.yaml\nmemory_per_run: lots\nparameters: [{key: model.separation_rate, "
                     "values: [0.01]}]\n")
              .find("t.yaml:3:17: memory_per_run: expected a memory size") != std::string::npos);
}
