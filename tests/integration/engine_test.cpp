// The engine end to end, in process: the quickstart scenario at a reduced scale gives
// bit-identical monthly statistics and policy reports for any thread count and block size,
// accounts for every person, and keeps its rates in [0, 1].
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "laborsim/engine.hpp"
#include "laborsim/scenario_io.hpp"

using namespace laborsim;

namespace {

// Stores everything the engine hands its observers each month.
class recording_observer final : public run_observer {
public:
    void on_start(const scenario&, const world&) override { started = true; }
    void on_month(const month_stats& s, const std::vector<policy_month_report>& r, const world&) override {
        months.push_back(s);
        reports.push_back(r);
    }
    void on_finish(const world&, bool c) override { completed = c; }

    bool started = false;
    bool completed = false;
    std::vector<month_stats> months;
    std::vector<std::vector<policy_month_report>> reports;
};

// The quickstart at about 1/4 of its size and 18 months: enough agents for several 1024
// blocks and for the training policy to enrol, small enough to run six times in seconds.
const scenario& small_quickstart() {
    static const scenario sc = load_scenario(std::string(LABORSIM_SOURCE_DIR) + "/scenarios/quickstart.yaml",
                                             {"scale=0.01", "calendar.end=2022-06"});
    return sc;
}

recording_observer run_with(const scenario& sc, int threads, std::size_t block_size) {
    recording_observer obs;
    const auto summary = run_scenario(sc, run_options{threads, block_size}, {&obs});
    REQUIRE(summary.months == sc.calendar.months());
    REQUIRE(obs.started);
    REQUIRE(obs.completed);
    REQUIRE(obs.months.size() == static_cast<std::size_t>(sc.calendar.months()));
    return obs;
}

// Exact equality of everything observed (== on doubles, never approximate).
void require_identical(const recording_observer& a, const recording_observer& b) {
    REQUIRE(a.months.size() == b.months.size());
    for (std::size_t t = 0; t < a.months.size(); ++t) {
        INFO("month " << t);
        const auto& x = a.months[t];
        const auto& y = b.months[t];
        REQUIRE(x.month_index == y.month_index);
        REQUIRE(x.by_region.size() == y.by_region.size());
        for (std::size_t r = 0; r < x.by_region.size(); ++r) {
            for (int k = 0; k < indicator_count; ++k) {
                INFO("region " << r << ", " << indicator_table[k].name);
                REQUIRE(x.by_region[r][k] == y.by_region[r][k]);
            }
            REQUIRE(x.labor_force_by_education[r] == y.labor_force_by_education[r]);
            REQUIRE(x.employed_by_field[r] == y.employed_by_field[r]);
        }
        const auto& p = a.reports[t];
        const auto& q = b.reports[t];
        REQUIRE(p.size() == q.size());
        for (std::size_t i = 0; i < p.size(); ++i) {
            REQUIRE(p[i].id == q[i].id);
            REQUIRE(p[i].type == q[i].type);
            REQUIRE(p[i].series == q[i].series);  // names and values, in order
        }
    }
}

// A value in persons back to the agent count it was computed from.
std::int64_t agents(double persons, double scale) { return std::llround(persons * scale); }

}  // namespace

TEST_CASE("engine: results are bit-identical for 1, 2 and 4 threads and any block size", "[engine][determinism]") {
    const scenario& sc = small_quickstart();
    const auto reference = run_with(sc, 1, 16384);
    for (int threads : {1, 2, 4})
        for (std::size_t block : {std::size_t{1024}, std::size_t{16384}}) {
            if (threads == 1 && block == 16384) continue;  // the reference itself
            INFO(threads << " threads, block size " << block);
            require_identical(reference, run_with(sc, threads, block));
        }
}

TEST_CASE("engine: a different seed gives different results", "[engine][determinism]") {
    // Guards the determinism test against comparing runs that ignore their randomness.
    scenario other = small_quickstart();
    other.seed += 1;
    const auto a = run_with(small_quickstart(), 2, 16384);
    const auto b = run_with(other, 2, 16384);
    bool any_difference = false;
    for (std::size_t t = 0; t < a.months.size() && !any_difference; ++t)
        any_difference = a.months[t].by_region != b.months[t].by_region;
    CHECK(any_difference);
}

TEST_CASE("engine: every person is accounted for and rates stay in [0, 1]", "[engine]") {
    const scenario& sc = small_quickstart();
    const auto obs = run_with(sc, 2, 1024);
    const double s = sc.scale;
    for (std::size_t t = 0; t < obs.months.size(); ++t) {
        const auto& m = obs.months[t];
        REQUIRE(m.month_index == sc.calendar.start.index() + static_cast<int>(t));
        REQUIRE(m.by_region.size() == sc.regions.size());
        for (std::size_t r = 0; r < sc.regions.size(); ++r) {
            INFO("month " << t << ", region " << sc.regions[r].id);
            for (int k = 0; k < indicator_count; ++k) {
                INFO(indicator_table[k].name);
                REQUIRE(std::isfinite(m.by_region[r][k]));
                // Everything but the mean log skill (a log, so of either sign) is a count or a share.
                if (indicator_table[k].units != "log points") REQUIRE(m.by_region[r][k] >= 0);
            }
            const auto lf = agents(m.at(r, indicator::labor_force), s);
            const auto emp = agents(m.at(r, indicator::employed), s);
            const auto unemp = agents(m.at(r, indicator::unemployed), s);
            const auto students = agents(m.at(r, indicator::students), s);
            const auto pop = agents(m.at(r, indicator::population), s);
            const auto inactive = agents(m.at(r, indicator::inactive), s);
            // Each person is in exactly one of these states.
            REQUIRE(emp + unemp == lf);
            REQUIRE(lf + students + inactive == pop);
            REQUIRE(lf > 0);
            // The breakdowns add up to their totals.
            std::int64_t by_level = 0, by_field = 0;
            for (double v : m.labor_force_by_education[r]) by_level += agents(v, s);
            for (double v : m.employed_by_field[r]) by_field += agents(v, s);
            REQUIRE(by_level == lf);
            REQUIRE(by_field == emp);
            // Rates: shares of a total, or per-month probabilities.
            for (int k = 0; k < indicator_count; ++k) {
                const auto units = indicator_table[k].units;
                if (units != "1" && units != "1/month") continue;
                INFO(indicator_table[k].name);
                REQUIRE(m.by_region[r][k] >= 0.0);
                REQUIRE(m.by_region[r][k] <= 1.0);
            }
            CHECK(m.at(r, indicator::unemployment_rate) == Approx(static_cast<double>(unemp) / lf).epsilon(1e-12));
            // The education indicators are nested: high quality within certified within trained.
            REQUIRE(m.at(r, indicator::high_quality_rate) <= m.at(r, indicator::certified_rate));
            REQUIRE(m.at(r, indicator::certified_rate) <= m.at(r, indicator::trained_rate));
            if (emp > 0) {
                REQUIRE(m.at(r, indicator::wage_p10) <= m.at(r, indicator::wage_p50));
                REQUIRE(m.at(r, indicator::wage_p50) <= m.at(r, indicator::wage_p90));
            }
        }
    }
    // The training quota in Cao Bang reports every month, and enrols people while it runs.
    double beneficiaries = 0;
    for (const auto& month : obs.reports) {
        REQUIRE(month.size() == 1);
        REQUIRE(month[0].id == "cb-rural-training");
        REQUIRE(month[0].type == "vocational_training_quota");
        for (const auto& [name, value] : month[0].series) {
            INFO(name);
            REQUIRE(value >= 0);
            if (name == "beneficiaries") beneficiaries += value;
        }
    }
    CHECK(beneficiaries > 0);
}
