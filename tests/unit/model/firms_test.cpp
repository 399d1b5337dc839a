// Firms (sim/model/firms.cpp): z_t = rho z_t-1 + sd eps; desired = sround(base * exp(e z) *
// growth) for private strata, sround(base * population ratio * norm ratio) for public ones;
// vacancies = max(0, desired - headcount); layoffs = headcount - desired beyond the
// threshold, plus turnover at firm_entry_rate (private only); a private stratum whose posts
// stay unfilled for unfilled_exit_months shrinks to what it holds, the rest of its market grows.
#include <catch2/catch.hpp>

#include <cmath>

#include "small_world.hpp"

using namespace laborsim;
using namespace laborsim::test;

namespace {

// Many firm agents: 200 establishments per 1,000 workers, one agent each (about 10 workers).
scenario firm_scenario() {
    auto region = small_region("north", 10000);
    region.firms_per_1000_workers = 200;
    auto sc = quiet_scenario({region});
    sc.model.establishments_per_firm_agent = 1;
    sc.model.firm_agents_per_market = 1000;
    return sc;
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
    // Firms with at least 8 workers get a desired size of 1.2x, 1/1.1x (inside the
    // threshold) or 1/2x (beyond it) of their headcount, in turn.
    std::vector<int> kind(fs.size(), -1);
    int k = 0;
    for (std::size_t f = 0; f < fs.size(); ++f) {
        if (fs.headcount[f] < 8 || fs.is_public[f]) continue;
        kind[f] = k++ % 3;
        const double factor = kind[f] == 0 ? 1.2 : kind[f] == 1 ? 1 / 1.1 : 0.5;
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
        CHECK(std::abs(fs.desired[f] - fs.base_size[f]) < 1);  // rounded up or down at random
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
        CHECK(std::abs(fs.desired[f] - fs.base_size[f] * scale) < 1);
        publics += fs.is_public[f];
    }
    REQUIRE(publics > 0);
}

TEST_CASE("firms: desired headcount is rounded at random, so that its mean is exact at any size", "[unit][model]") {
    auto sw = make_small_world(firm_scenario());
    auto& w = sw.w;
    auto& fs = w.firms;
    for (auto& b : fs.base_size) b = 2.3f;  // round() would give 2: 13 % too few posts
    double sum = 0;
    std::size_t n = 0;
    for (int t = 0; t < 20; ++t) {
        begin_month(w, t);
        run_firms(w);
        for (std::size_t f = 0; f < fs.size(); ++f) {
            if (fs.is_public[f]) continue;
            CHECK((fs.desired[f] == 2 || fs.desired[f] == 3));
            sum += fs.desired[f];
            ++n;
        }
    }
    REQUIRE(n > 10000);
    // Binomial sd of the mean: sqrt(0.3 x 0.7 / n).
    CHECK(std::abs(sum / static_cast<double>(n) - 2.3) < 4 * std::sqrt(0.21 / static_cast<double>(n)));
}

TEST_CASE("firms: turnover lays off firm_entry_rate of a private stratum's workforce; productivity stays",
          "[unit][model]") {
    auto sc = firm_scenario();
    sc.model.firm_entry_rate = 1.0;
    auto sw = make_small_world(std::move(sc));
    auto& w = sw.w;
    auto& fs = w.firms;
    const auto log_productivity = fs.log_productivity;
    begin_month(w, 0);
    run_firms(w);
    int privates = 0;
    for (std::size_t f = 0; f < fs.size(); ++f) {
        CHECK(fs.log_productivity[f] == log_productivity[f]);  // new establishments of the same stratum
        if (fs.is_public[f]) {
            CHECK(fs.layoffs[f] <= std::max(0, fs.headcount[f] - fs.desired[f]));
            continue;
        }
        ++privates;
        CHECK(fs.layoffs[f] == fs.headcount[f]);
    }
    CHECK(privates > 0);
}

TEST_CASE("firms: a stratum whose posts stay unfilled shrinks; its market's other private strata take the jobs",
          "[unit][model]") {
    auto sc = firm_scenario();
    sc.model.unfilled_exit_months = 1;
    auto sw = make_small_world(std::move(sc));
    auto& w = sw.w;
    auto& fs = w.firms;
    // In each market, every third private stratum had open posts and no hire last month.
    std::vector<int> stuck(fs.size(), 0);
    std::vector<double> market_base(w.market_count(), 0.0);
    int k = 0;
    for (std::size_t f = 0; f < fs.size(); ++f) {
        fs.months_unfilled[f] = 0;
        fs.hires[f] = 0;
        fs.vacancies[f] = 0;
        if (!fs.is_public[f]) market_base[world::market_of(fs.region[f], fs.field[f])] += fs.base_size[f];
        if (fs.is_public[f] || k++ % 3 != 0) continue;
        stuck[f] = 1;
        fs.base_size[f] = static_cast<float>(fs.headcount[f] + 4);
        fs.vacancies[f] = 4;
    }
    for (std::size_t mk = 0; mk < w.market_count(); ++mk) {
        market_base[mk] = 0;
        for (std::size_t f = w.market_firm_begin[mk]; f < w.market_firm_begin[mk + 1]; ++f)
            if (!fs.is_public[f]) market_base[mk] += fs.base_size[f];
    }
    const auto before = fs.base_size;
    begin_month(w, 0);
    run_firms(w);
    std::vector<double> after(w.market_count(), 0.0);
    for (std::size_t f = 0; f < fs.size(); ++f) {
        if (fs.is_public[f]) continue;
        after[world::market_of(fs.region[f], fs.field[f])] += fs.base_size[f];
        INFO("stratum " << f << " stuck " << stuck[f]);
        if (stuck[f]) {
            CHECK(fs.base_size[f] == Approx(fs.headcount[f]));  // keeps what it holds
            CHECK(fs.vacancies[f] == 0);
        } else {
            CHECK(fs.base_size[f] >= before[f]);
        }
    }
    for (std::size_t mk = 0; mk < w.market_count(); ++mk) CHECK(after[mk] == Approx(market_base[mk]).epsilon(1e-5));
}
