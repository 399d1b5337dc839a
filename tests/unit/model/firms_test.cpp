// Firms (sim/model/firms.cpp): z_t = rho z_t-1 + sd eps; desired = round(base * exp(e z) *
// growth) for private firms, round(base * population ratio * norm ratio) for public ones;
// vacancies = max(0, desired - headcount); layoffs = headcount - desired beyond the
// threshold; exit (private only) at firm_entry_rate or after unfilled_exit_months of
// posts open without a hire, the old workforce laid off.
#include <catch2/catch.hpp>

#include <cmath>

#include "small_world.hpp"

using namespace laborsim;
using namespace laborsim::test;

namespace {

// Many firms: 200 per 1,000 workers.
scenario firm_scenario() {
    auto region = small_region("north", 10000);
    region.firms_per_1000_workers = 200;
    return quiet_scenario({region});
}

}  // namespace

TEST_CASE("firms: with shock sd 0 productivity stays and the shock decays by rho", "[unit][model]") {
    auto sw = make_small_world(firm_scenario());
    auto& w = sw.w;
    auto& fs = w.firms;
    for (std::size_t f = 0; f < fs.size(); ++f) fs.shock[f] = f % 2 ? 0.2f : 0.f;
    const auto log_productivity = fs.log_productivity;
    begin_month(w, 0);
    run_firms(w);
    const double rho = w.sc->model.productivity_rho;
    CHECK(fs.log_productivity == log_productivity);
    for (std::size_t f = 0; f < fs.size(); ++f) CHECK(fs.shock[f] == Approx(f % 2 ? rho * 0.2 : 0.0).margin(1e-7));
    CHECK(w.regions[0].aggregate_shock == 0);
}

TEST_CASE("firms: the innovation of the shock has the configured sd", "[unit][model]") {
    auto sc = firm_scenario();
    sc.model.productivity_shock_sd = 0.05;
    auto sw = make_small_world(std::move(sc));
    auto& w = sw.w;
    begin_month(w, 0);
    run_firms(w);
    const auto& fs = w.firms;
    const double n = static_cast<double>(fs.size());
    REQUIRE(n > 1000);
    double sum = 0, sum2 = 0;
    for (float z : fs.shock) {
        sum += z;
        sum2 += static_cast<double>(z) * z;
    }
    const double mean = sum / n, sd = std::sqrt(sum2 / n - mean * mean);
    // Sampling error of the mean: sd / sqrt(n); of the sd: about sd / sqrt(2n).
    CHECK(std::abs(mean) < 4 * 0.05 / std::sqrt(n));
    CHECK(std::abs(sd - 0.05) < 4 * 0.05 / std::sqrt(2 * n));
}

TEST_CASE("firms: vacancies fill the gap to desired headcount; layoffs only beyond the threshold", "[unit][model]") {
    auto sc = firm_scenario();
    sc.model.layoff_threshold = 0.15;
    auto sw = make_small_world(std::move(sc));
    auto& w = sw.w;
    auto& fs = w.firms;
    // At t = 0, with no shocks and the labour force at its initial size, desired = round(base).
    // Firms with at least 20 workers get a desired size of 1.1x, 1/1.1x (inside the
    // threshold) or 1/2x (beyond it) of their headcount, in turn.
    std::vector<int> kind(fs.size(), -1);
    int k = 0;
    for (std::size_t f = 0; f < fs.size(); ++f) {
        if (fs.headcount[f] < 20 || fs.is_public[f]) continue;
        kind[f] = k++ % 3;
        const double factor = kind[f] == 0 ? 1.1 : kind[f] == 1 ? 1 / 1.1 : 0.5;
        fs.base_size[f] = static_cast<float>(fs.headcount[f] * factor);
    }
    REQUIRE(k >= 9);
    begin_month(w, 0);
    run_firms(w);
    std::int64_t vacancies = 0;
    for (std::size_t f = 0; f < fs.size(); ++f) {
        vacancies += fs.vacancies[f];
        CHECK(fs.vacancies[f] >= 0);
        CHECK(fs.vacancies[f] == std::max(0, fs.desired[f] - fs.headcount[f]));
        if (kind[f] < 0) continue;
        INFO("firm " << f << " headcount " << fs.headcount[f] << " kind " << kind[f]);
        CHECK(fs.desired[f] == std::lround(fs.base_size[f]));
        if (kind[f] == 0) {
            CHECK(fs.vacancies[f] > 0);
            CHECK(fs.layoffs[f] == 0);
        } else if (kind[f] == 1) {  // over desired by 10 %: hoarded
            CHECK(fs.vacancies[f] == 0);
            CHECK(fs.layoffs[f] == 0);
        } else {
            CHECK(fs.vacancies[f] == 0);
            CHECK(fs.layoffs[f] == fs.headcount[f] - fs.desired[f]);
        }
    }
    CHECK(flow_total(w, flow::vacancies) == vacancies);
}

TEST_CASE("firms: public employers ignore demand shocks and follow the population", "[unit][model]") {
    auto sw = make_small_world(firm_scenario());
    auto& w = sw.w;
    auto& fs = w.firms;
    for (auto& z : fs.shock) z = 0.5f;  // a boom: private firms want exp(0.5 rho) more
    w.regions[0].population_agents = 2 * w.regions[0].population_agents_initial;
    begin_month(w, 0);
    run_firms(w);
    const double rho = w.sc->model.productivity_rho;
    int publics = 0;
    for (std::size_t f = 0; f < fs.size(); ++f) {
        REQUIRE(fs.shock[f] == Approx(0.5 * rho));
        const double scale = fs.is_public[f] ? 2.0 : std::exp(static_cast<double>(fs.shock[f]));
        CHECK(fs.desired[f] == std::lround(fs.base_size[f] * scale));
        publics += fs.is_public[f];
    }
    REQUIRE(publics > 0);
}

TEST_CASE("firms: with entry rate 1 every private firm is re-drawn, its workforce laid off", "[unit][model]") {
    auto sc = firm_scenario();
    sc.model.firm_entry_rate = 1.0;
    auto sw = make_small_world(std::move(sc));
    auto& w = sw.w;
    auto& fs = w.firms;
    for (auto& z : fs.shock) z = 0.3f;
    const auto log_productivity = fs.log_productivity;
    begin_month(w, 0);
    run_firms(w);
    int changed = 0, privates = 0;
    for (std::size_t f = 0; f < fs.size(); ++f) {
        if (fs.is_public[f]) {
            CHECK(fs.log_productivity[f] == log_productivity[f]);
            continue;
        }
        ++privates;
        CHECK(fs.layoffs[f] == fs.headcount[f]);
        CHECK(fs.shock[f] == 0);
        CHECK(fs.desired[f] == std::lround(fs.base_size[f]));
        CHECK(fs.vacancies[f] == fs.desired[f]);
        changed += fs.log_productivity[f] != log_productivity[f];
    }
    CHECK(changed == privates);  // a fresh productivity draw
}

TEST_CASE("firms: a private firm whose posts stay unfilled for the patience exits", "[unit][model]") {
    auto sc = firm_scenario();
    sc.model.unfilled_exit_months = 1;  // exit at the monthly rate 1 / 1 once past it
    auto sw = make_small_world(std::move(sc));
    auto& w = sw.w;
    auto& fs = w.firms;
    // Firms with workers, in turn: open posts and no hire (exits), or open posts and a hire (stays).
    std::vector<int> kind(fs.size(), -1);
    int k = 0;
    for (std::size_t f = 0; f < fs.size(); ++f) {
        fs.months_unfilled[f] = 0;
        fs.vacancies[f] = 0;
        fs.hires[f] = 0;
        if (fs.is_public[f] || fs.headcount[f] < 5) continue;
        kind[f] = k++ % 2;
        fs.vacancies[f] = 3;
        fs.hires[f] = kind[f];
    }
    REQUIRE(k >= 4);
    begin_month(w, 0);
    run_firms(w);
    for (std::size_t f = 0; f < fs.size(); ++f) {
        CHECK(fs.hires[f] == 0);  // reset for this month's matching
        if (kind[f] < 0) continue;
        INFO("firm " << f << " kind " << kind[f]);
        if (kind[f] == 0) {
            CHECK(fs.layoffs[f] == fs.headcount[f]);
            CHECK(fs.months_unfilled[f] == 0);
        } else {
            CHECK(fs.layoffs[f] == 0);
            CHECK(fs.months_unfilled[f] == 0);
        }
    }
}
