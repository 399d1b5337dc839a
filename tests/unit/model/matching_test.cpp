// Search and matching (sim/model/matching.cpp): in each region x field market
// M = min(S, V, A S^alpha V^(1-alpha)) meetings; applicants ranked by skill + premium +
// noise meet the open posts; a meeting with p >= r is an offer at the Nash wage
//   w = max(min wage, r' + beta (p - r')),  r' = max(min wage, r);
// hires never exceed vacancies; the employed take only better-paid offers; a job in
// another region moves the worker there (counted as migration). Every job is formal here
// (small_world.hpp); formality_test.cpp tests formal matches out of reach at the minimum and
// informal jobs without a floor.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "small_world.hpp"

using namespace laborsim;
using namespace laborsim::test;

namespace {

// One firm agent per establishment (about 25 workers each), so that markets have many.
scenario market_scenario() {
    auto region = small_region("north", 3000);
    region.unemployment_rate = 0.3;
    auto sc = quiet_scenario({region});
    sc.model.establishments_per_firm_agent = 1;
    sc.model.firm_agents_per_market = 1000;
    return sc;
}

// What a worker brings to a firm, as matching.cpp's productivity: P_j exp(a + z + s + b - penalties).
double match_productivity(const world& w, std::size_t i, std::size_t f, std::uint8_t level, std::uint8_t field) {
    const auto& m = w.sc->model;
    const auto& fs = w.firms;
    const double penalty =
        (level < fs.min_level[f] ? m.mismatch_penalty : 0.0) + (field != fs.field[f] ? m.field_switch_penalty : 0.0);
    return w.regions[fs.region[f]].productivity_scale *
           std::exp(fs.log_productivity[f] + fs.shock[f] + w.workers.skill[i] + w.wage_premium(level) - penalty);
}

struct before_matching {
    std::vector<std::uint8_t> status, level, field;
    std::vector<std::uint16_t> region, months;
    std::vector<std::int32_t> employer, vacancies, headcount;
    std::vector<std::uint32_t> wage;
    std::vector<double> reservation;  // of the unemployed
    explicit before_matching(const world& w)
        : status(w.workers.status),
          level(w.workers.level),
          field(w.workers.field),
          region(w.workers.region),
          months(w.workers.months_in_status),
          employer(w.workers.employer),
          vacancies(w.firms.vacancies),
          headcount(w.firms.headcount),
          wage(w.workers.wage_vnd),
          reservation(w.workers.size(), 0.0) {
        for (std::size_t i = 0; i < w.workers.size(); ++i)
            if (has_status(w, i, worker_status::unemployed)) reservation[i] = w.reservation_wage(i);
    }
    [[nodiscard]] bool was_unemployed(std::size_t i) const {
        return status[i] == static_cast<std::uint8_t>(worker_status::unemployed);
    }
    [[nodiscard]] std::int64_t unemployed() const {
        return std::count(status.begin(), status.end(), static_cast<std::uint8_t>(worker_status::unemployed));
    }
};

// Unemployed workers hired this month.
std::vector<std::size_t> hired_from_unemployment(const world& w, const before_matching& b) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < w.workers.size(); ++i)
        if (b.was_unemployed(i) && has_status(w, i, worker_status::employed)) out.push_back(i);
    return out;
}

}  // namespace

TEST_CASE("matching: with no vacancies nobody is hired", "[unit][model]") {
    auto sc = market_scenario();
    sc.model.on_the_job_search = 0.5;
    auto sw = make_small_world(std::move(sc));
    auto& w = sw.w;
    open_posts(w, 0);
    const before_matching b(w);
    begin_month(w, 0);
    run_matching(w);
    CHECK(w.workers.status == b.status);
    CHECK(w.workers.employer == b.employer);
    CHECK(flow_total(w, flow::hires) == 0);
    CHECK(flow_total(w, flow::unemployed_searchers) == b.unemployed());
}

TEST_CASE("matching: hires never exceed vacancies and follow the matching function's bound", "[unit][model]") {
    auto sw = make_small_world(market_scenario());
    auto& w = sw.w;
    auto& fs = w.firms;
    open_posts(w, 0);
    for (std::size_t f = 0; f < fs.size(); ++f) fs.vacancies[f] = static_cast<std::int32_t>(f % 4);
    const before_matching b(w);
    begin_month(w, 0);
    run_matching(w);
    std::int64_t hires = 0;
    for (std::size_t f = 0; f < fs.size(); ++f) {
        INFO("firm " << f);
        CHECK(fs.hires[f] <= b.vacancies[f]);
        CHECK(fs.vacancies[f] == b.vacancies[f] - fs.hires[f]);
        CHECK(fs.headcount[f] == b.headcount[f] + fs.hires[f]);
        hires += fs.hires[f];
    }
    const auto hired = hired_from_unemployment(w, b);
    REQUIRE(hires > 0);
    CHECK(flow_total(w, flow::hires) == hires);
    CHECK(flow_total(w, flow::hires_from_unemployment) == hires);
    CHECK(static_cast<std::int64_t>(hired.size()) == hires);
    CHECK(positions_consistent(w));
    for (auto i : hired) {
        const auto f = static_cast<std::size_t>(w.workers.employer[i]);
        CHECK(fs.field[f] == b.field[i]);  // own market only: no outside search
        CHECK(w.workers.months_in_status[i] == 0);
        CHECK(w.workers.has(i, worker_flag::mismatched) == (w.workers.level[i] < fs.min_level[f]));
    }
    // Per market: hires <= min(S, V, ceil(A S^alpha V^(1-alpha))).
    const auto& m = w.sc->model;
    for (std::size_t k = 0; k < field_count; ++k) {
        const std::size_t mk = world::market_of(0, k);
        double S = 0, V = 0, H = 0;
        for (std::size_t i = 0; i < w.workers.size(); ++i) S += b.was_unemployed(i) && b.field[i] == k;
        for (std::size_t f = w.market_firm_begin[mk]; f < w.market_firm_begin[mk + 1]; ++f) {
            V += b.vacancies[f];
            H += fs.hires[f];
        }
        INFO("field " << k << " S " << S << " V " << V << " hires " << H);
        CHECK(H <= std::min(S, V));
        CHECK(H <= std::ceil(m.matching_efficiency * std::pow(S, m.matching_elasticity) *
                             std::pow(V, 1 - m.matching_elasticity)));
    }
}

TEST_CASE("matching: a hire's wage is the Nash wage, between reservation wage and productivity, at least the minimum",
          "[unit][model]") {
    auto sw = make_small_world(market_scenario());
    auto& w = sw.w;
    open_posts(w, 5);
    const before_matching b(w);
    begin_month(w, 0);
    run_matching(w);
    const auto hired = hired_from_unemployment(w, b);
    REQUIRE(hired.size() > 20);
    const double floor = w.regions[0].min_wage_vnd, beta = w.sc->model.nash_share;
    int above_floor = 0;
    for (auto i : hired) {
        const auto f = static_cast<std::size_t>(w.workers.employer[i]);
        const double p = match_productivity(w, i, f, b.level[i], b.field[i]);
        const double r = b.reservation[i];
        const double wage = w.workers.wage_vnd[i];
        INFO("worker " << i << " p " << p << " r " << r << " wage " << wage);
        CHECK(p >= r * (1 - 1e-5));  // the surplus test
        CHECK(wage >= floor - 1);
        CHECK(wage >= r * (1 - 1e-6) - 1);
        CHECK(wage <= std::max(p, floor) * (1 + 1e-6) + 1);
        const double r_floor = std::max(floor, r);
        CHECK(wage == Approx(std::max(floor, r_floor + beta * (p - r_floor))).epsilon(1e-6));
        above_floor += wage > floor + 1;
    }
    CHECK(above_floor > 0);  // the bargaining part of the formula was exercised
}

TEST_CASE("matching: with an abundant matching function and no reservation wage, hires = min(searchers, posts)",
          "[unit][model]") {
    auto sc = market_scenario();
    sc.model.matching_efficiency = 1000;
    sc.model.reservation_replacement = 1e-6;
    sc.model.score_noise = 1e-6;     // a strict queue by skill + premium
    sc.regions[0].min_wage_vnd = 0;  // no formal match is out of reach at the minimum
    auto sw = make_small_world(std::move(sc));
    auto& w = sw.w;
    auto& fs = w.firms;
    // Agriculture: one post a firm (fewer posts than searchers); industry: plenty; services: none.
    for (std::size_t f = 0; f < fs.size(); ++f) {
        fs.hires[f] = 0;
        fs.vacancies[f] = fs.field[f] == 0 ? 1 : fs.field[f] == 1 ? 1000 : 0;
    }
    const before_matching b(w);
    std::int64_t agri_posts = 0;
    for (std::size_t f = 0; f < fs.size(); ++f) agri_posts += fs.field[f] == 0 ? fs.vacancies[f] : 0;
    std::int64_t searchers[3] = {0, 0, 0};
    for (std::size_t i = 0; i < w.workers.size(); ++i)
        if (b.was_unemployed(i)) searchers[b.field[i]] += 1;
    REQUIRE(searchers[0] > agri_posts);
    begin_month(w, 0);
    run_matching(w);
    std::int64_t hired[3] = {0, 0, 0};
    double worst_hired = 1e9, best_left = -1e9;  // agriculture: skill + premium
    for (std::size_t i = 0; i < w.workers.size(); ++i) {
        if (!b.was_unemployed(i)) continue;
        const bool got = has_status(w, i, worker_status::employed);
        hired[b.field[i]] += got;
        if (b.field[i] != 0) continue;
        const double score = w.workers.skill[i] + w.wage_premium(b.level[i]);
        if (got) worst_hired = std::min(worst_hired, score);
        else best_left = std::max(best_left, score);
    }
    CHECK(hired[0] == agri_posts);
    CHECK(hired[1] == searchers[1]);
    CHECK(hired[2] == 0);
    // Firms see through the tiny noise: every hire ranks above everyone left out.
    CHECK(worst_hired >= best_left - 1e-3);
}

TEST_CASE("matching: nobody takes a job paying less than the reservation wage", "[unit][model]") {
    auto sc = market_scenario();
    sc.model.reservation_replacement = 100;  // asks 80x the market wage: no post is that productive
    auto sw = make_small_world(std::move(sc));
    auto& w = sw.w;
    open_posts(w, 10);
    const before_matching b(w);
    begin_month(w, 0);
    run_matching(w);
    CHECK(flow_total(w, flow::hires) == 0);
    CHECK(w.workers.status == b.status);
    CHECK(flow_total(w, flow::unemployed_searchers) == b.unemployed());
}

TEST_CASE("matching: in validation mode the unemployed find jobs at the fixed rate, posts or not", "[unit][model]") {
    auto sc = market_scenario();
    sc.model.fixed_job_finding_rate = 0.3;
    auto sw = make_small_world(std::move(sc));
    auto& w = sw.w;
    open_posts(w, 0);
    const before_matching b(w);
    begin_month(w, 0);
    run_matching(w);
    const auto hired = hired_from_unemployment(w, b);
    const double u = static_cast<double>(b.unemployed());
    CHECK(std::abs(static_cast<double>(hired.size()) - 0.3 * u) < 4 * binomial_sd(u, 0.3));
    CHECK(flow_total(w, flow::hires_from_unemployment) == static_cast<std::int64_t>(hired.size()));
    for (auto i : hired) {
        const auto f = static_cast<std::size_t>(w.workers.employer[i]);
        CHECK(w.firms.field[f] == b.field[i]);
        CHECK(w.firms.region[f] == b.region[i]);
    }
    CHECK(positions_consistent(w));
}

TEST_CASE("matching: the employed change jobs only for a higher wage", "[unit][model]") {
    auto sc = market_scenario();
    sc.model.on_the_job_search = 1;
    sc.model.matching_efficiency = 1000;
    sc.model.reservation_replacement = 1e-6;
    auto sw = make_small_world(std::move(sc));
    auto& w = sw.w;
    open_posts(w, 20);
    const before_matching b(w);
    begin_month(w, 0);
    run_matching(w);
    std::int64_t job_to_job = 0;
    for (std::size_t i = 0; i < w.workers.size(); ++i) {
        if (b.status[i] != static_cast<std::uint8_t>(worker_status::employed)) continue;
        CHECK(has_status(w, i, worker_status::employed));
        // A hire of an employed searcher: a new employer, or (an offer from a post of its
        // own firm) the same one at a new wage. Either way the wage rises.
        if (w.workers.employer[i] == b.employer[i] && w.workers.wage_vnd[i] == b.wage[i]) continue;
        ++job_to_job;
        CHECK(w.workers.wage_vnd[i] > b.wage[i]);
    }
    CHECK(job_to_job > 0);
    const auto from_unemployment = static_cast<std::int64_t>(hired_from_unemployment(w, b).size());
    CHECK(flow_total(w, flow::hires) == job_to_job + from_unemployment);
    CHECK(flow_total(w, flow::hires_from_unemployment) == from_unemployment);
    CHECK(positions_consistent(w));
}

TEST_CASE("matching: a job in another region moves the worker; the newly unemployed search at home", "[unit][model]") {
    auto sc = quiet_scenario({small_region("north", 2000, 22.0, 106.0), small_region("south", 2000, 21.0, 105.5)});
    sc.regions[0].unemployment_rate = 0.3;
    sc.model.outside_search_share = 1;
    sc.model.outside_applications = 2;
    sc.model.search_distance_cost = 0;
    sc.model.matching_efficiency = 1000;
    sc.model.reservation_replacement = 1e-6;
    auto sw = make_small_world(std::move(sc));
    auto& w = sw.w;
    auto& fs = w.firms;
    for (std::size_t f = 0; f < fs.size(); ++f) {
        fs.hires[f] = 0;
        fs.vacancies[f] = fs.region[f] == 1 ? 1000 : 0;  // posts in the south only
    }
    // Half the north's unemployed lost their job this month.
    int k = 0;
    for (std::size_t i = 0; i < w.workers.size(); ++i)
        if (has_status(w, i, worker_status::unemployed))
            w.workers.months_in_status[i] = static_cast<std::uint16_t>(k++ % 2 ? 3 : 0);
    const before_matching b(w);
    begin_month(w, 0);
    run_matching(w);
    std::int64_t moved = 0, fresh_hired = 0;
    for (std::size_t i = 0; i < w.workers.size(); ++i) {
        if (b.region[i] != 0 || !b.was_unemployed(i) || !has_status(w, i, worker_status::employed)) continue;
        ++moved;
        CHECK(w.workers.region[i] == 1);
        CHECK(w.workers.has(i, worker_flag::moved));
        CHECK(w.workers.field[i] == fs.field[w.workers.employer[i]]);  // the job's field is now the worker's
        fresh_hired += b.months[i] == 0;
    }
    // The newly unemployed of the north (0 months) applied at home only, where there are no posts.
    CHECK(fresh_hired == 0);
    REQUIRE(moved > 50);
    CHECK(flow_of(w, 0, flow::migration_out) == moved);
    CHECK(flow_of(w, 1, flow::migration_in) == moved);
    CHECK(flow_of(w, 0, flow::migration_in) == 0);
    CHECK(positions_consistent(w));
}
