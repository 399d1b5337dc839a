// Participation (sim/model/participation.cpp): the initial inactive population per age band
// and sex, the monthly hazards kappa p(x) (in) and kappa (1 - p(x)) (out), discouragement,
// general education, entrants, and the 15+ participation rate of the statistics.
#include <catch2/catch.hpp>

#include <cmath>

#include "model/participation.hpp"
#include "small_world.hpp"

using namespace laborsim;
using namespace laborsim::test;

namespace {

// A quiet world with the participation margin on: every band's participation p, only the
// hazards acting (no education, job-finding or income effect, no discouragement).
scenario participation_scenario(double p, double kappa) {
    auto sc = quiet_scenario({small_region("north", 20000)});
    auto& m = sc.model;
    m.participation_rate_15plus = 0.6;
    m.participation_men.fill(p);
    m.participation_women.fill(p);
    m.participation_turnover = kappa;
    m.participation_education_effect = 0;
    m.participation_job_finding_effect = 0;
    m.participation_income_effect = 0;
    m.discouragement_effect = 0;
    m.inactive_youth_in_school = 0;
    return sc;
}

double logistic(double x) { return 1.0 / (1.0 + std::exp(-x)); }

}  // namespace

TEST_CASE("participation: the initial inactive are LF (1 - p) / p, the rest of the 15+ a count", "[unit][model]") {
    auto sw = make_small_world(participation_scenario(0.8, 0.0));
    auto& w = sw.w;
    const auto lf =
        static_cast<double>(count_status(w, worker_status::employed) + count_status(w, worker_status::unemployed));
    const auto inactive = static_cast<double>(count_status(w, worker_status::inactive));
    CHECK(lf == Approx(20000).margin(1));
    CHECK(inactive == Approx(lf * 0.25).margin(1));  // (1 - 0.8) / 0.8, no students here
    CHECK(w.regions[0].retired_agents_initial == Approx(lf / 0.6 - lf - inactive).margin(1e-6));
    month_stats s;
    collect_statistics(w, s);
    CHECK(s.at(0, indicator::participation_rate) == Approx(0.6).epsilon(1e-9));
    CHECK(s.at(0, indicator::inactive) == inactive);
    // Every inactive person is of working age.
    for (std::size_t i = 0; i < w.workers.size(); ++i)
        if (has_status(w, i, worker_status::inactive)) {
            const double retire = w.workers.has(i, worker_flag::female) ? sw.params().retirement_age_women
                                                                        : sw.params().retirement_age_men;
            CHECK(w.workers.age_months[i] < retire * 12.0);
            CHECK(w.workers.age_months[i] >= 15 * 12);
        }
}

TEST_CASE("participation: with participation_rate_15plus 0 there is no inactive state", "[unit][model]") {
    auto sc = participation_scenario(0.8, 0.5);
    sc.model.participation_rate_15plus = 0;
    auto sw = make_small_world(std::move(sc));
    auto& w = sw.w;
    CHECK(count_status(w, worker_status::inactive) == 0);
    begin_month(w, 1);
    run_participation(w);
    CHECK(count_status(w, worker_status::inactive) == 0);
    CHECK(flow_total(w, flow::deactivations) == 0);
}

TEST_CASE("participation: hazards kappa p in and kappa (1 - p) out, jobs released", "[unit][model]") {
    const double p = 0.8, kappa = 0.5;
    auto sw = make_small_world(participation_scenario(p, kappa));
    auto& w = sw.w;
    begin_month(w, 1);
    const auto inactive = static_cast<double>(count_status(w, worker_status::inactive));
    const auto lf =
        static_cast<double>(count_status(w, worker_status::employed) + count_status(w, worker_status::unemployed));
    run_participation(w);
    const auto in = static_cast<double>(flow_total(w, flow::activations));
    const auto out = static_cast<double>(flow_total(w, flow::deactivations));
    CHECK(std::abs(in - inactive * kappa * p) < 4 * binomial_sd(inactive, kappa * p));
    CHECK(std::abs(out - lf * kappa * (1 - p)) < 4 * binomial_sd(lf, kappa * (1 - p)));
    CHECK(count_status(w, worker_status::inactive) == static_cast<std::int64_t>(inactive - in + out));
    CHECK(positions_consistent(w));
}

TEST_CASE("participation: the long-term unemployed leave more often (discouragement)", "[unit][model]") {
    const double p = 0.9, kappa = 1.0, effect = 1.0;
    auto sc = participation_scenario(p, kappa);
    sc.model.discouragement_effect = effect;
    auto sw = make_small_world(std::move(sc));
    auto& w = sw.w;
    // Half the labour force unemployed for 24 months, half employed.
    std::size_t k = 0;
    std::vector<std::uint32_t> long_term;
    for (std::size_t i = 0; i < w.workers.size(); ++i)
        if (w.workers.in_labor_force(i) && (k++ % 2 == 0)) {
            make_unemployed(w, i, 24);
            long_term.push_back(w.workers.id[i]);
        }
    begin_month(w, 1);
    run_participation(w);
    double left = 0;
    for (auto id : long_term) left += has_status(w, index_of(w, id), worker_status::inactive);
    const double n = static_cast<double>(long_term.size());
    const double expected = 1.0 - logistic(std::log(p / (1 - p)) - 2.0 * effect);
    CHECK(std::abs(left - n * expected) < 4 * binomial_sd(n, expected));
    CHECK(left > n * 2 * (1 - p));  // more than twice the employed's rate
}

TEST_CASE("participation: people in general education stay out until 25, then leave school", "[unit][model]") {
    auto sw = make_small_world(participation_scenario(0.8, 1.0));
    auto& w = sw.w;
    auto& ws = w.workers;
    std::vector<std::uint32_t> pupils, leavers;
    for (std::size_t i = 0; i < ws.size(); ++i) {
        if (!has_status(w, i, worker_status::inactive)) continue;
        ws.set(i, worker_flag::schooling, true);
        const bool young = (pupils.size() + leavers.size()) % 2 == 0;
        ws.age_months[i] = static_cast<std::uint16_t>(young ? 20 * 12 : 25 * 12);
        (young ? pupils : leavers).push_back(ws.id[i]);
    }
    begin_month(w, 1);
    run_participation(w);
    for (auto id : pupils) {
        const auto i = index_of(w, id);
        CHECK(has_status(w, i, worker_status::inactive));
        CHECK(ws.has(i, worker_flag::schooling));
    }
    double joined = 0;
    for (auto id : leavers) {
        const auto i = index_of(w, id);
        CHECK_FALSE(ws.has(i, worker_flag::schooling));
        joined += has_status(w, i, worker_status::unemployed);
    }
    const double n = static_cast<double>(leavers.size());
    CHECK(std::abs(joined - 0.8 * n) < 4 * binomial_sd(n, 0.8));
}

TEST_CASE("participation: worse job prospects lower the index; certificates raise it", "[unit][model]") {
    auto sc = participation_scenario(0.7, 0.1);
    sc.model.participation_job_finding_effect = 0.5;
    sc.model.participation_education_effect = 0.3;
    auto sw = make_small_world(std::move(sc));
    auto& w = sw.w;
    auto& reg = w.regions[0];
    reg.job_finding_rate_initial = 0.4;
    reg.job_finding_rate = 0.4;
    std::size_t i = 0;
    while (!has_status(w, i, worker_status::inactive)) ++i;
    w.workers.level[i] = static_cast<std::uint8_t>(education_level::none);
    const double base = participation_index(w, i);
    reg.job_finding_rate = 0.2;
    CHECK(participation_index(w, i) == Approx(base + 0.5 * std::log(0.5)));
    w.workers.level[i] = static_cast<std::uint8_t>(education_level::college);
    CHECK(participation_index(w, i) == Approx(base + 0.5 * std::log(0.5) + 0.3));
}

TEST_CASE("participation: entrants start inactive with probability 1 - p", "[unit][model]") {
    auto sc = participation_scenario(0.6, 0.0);
    auto sw = make_small_world(std::move(sc));
    auto& w = sw.w;
    begin_month(w, 2);
    double inactive = 0;
    const std::size_t first = w.workers.size();
    constexpr int n = 4000;
    for (int k = 0; k < n; ++k) {
        const auto i = w.workers.push_back(w.next_worker_id++);
        w.workers.age_months[i] = 18 * 12;
        set_entrant_participation(w, i);
        inactive += has_status(w, i, worker_status::inactive);
    }
    CHECK(w.workers.size() == first + n);
    CHECK(std::abs(inactive - 0.4 * n) < 4 * binomial_sd(n, 0.4));
}
