// Wages and human capital (sim/model/wages.cpp): the employed gain learning_rate of log
// skill and their wage grows by exp(learning_rate), at least the regional minimum wage;
// the unemployed lose depreciation_rate; students and those abroad are left alone (the
// education phase counts their months).
#include <catch2/catch.hpp>

#include <cmath>

#include "small_world.hpp"

using namespace laborsim;
using namespace laborsim::test;

namespace {

scenario wage_scenario(double learning, double depreciation) {
    auto sc = quiet_scenario({small_region("north", 2000)});
    school_spec s;
    s.id = "centre";
    s.region = "north";
    s.seats_per_year = 600;
    s.program_months = 4;
    sc.schools = {s};
    sc.model.learning_rate = learning;
    sc.model.depreciation_rate = depreciation;
    return sc;
}

}  // namespace

TEST_CASE("wages: the employed learn, the unemployed lose skill, others keep theirs", "[unit][model]") {
    const double learning = 0.01, depreciation = 0.02;
    auto sw = make_small_world(wage_scenario(learning, depreciation));
    auto& w = sw.w;
    auto& ws = w.workers;
    // One worker abroad, and one employed below the minimum wage.
    send_abroad(w, 3, 0);
    std::size_t low = 0;
    while (!has_status(w, low, worker_status::employed)) ++low;
    ws.wage_vnd[low] = 1000;
    const auto skill = ws.skill;
    const auto wage = ws.wage_vnd;
    const auto months = ws.months_in_status;
    const auto status = ws.status;
    REQUIRE(count_status(w, worker_status::student) > 0);
    begin_month(w, 0);
    run_wages_and_learning(w);
    const double min_wage = w.regions[0].min_wage_vnd;
    for (std::size_t i = 0; i < ws.size(); ++i) {
        INFO("worker " << i << " status " << int(status[i]));
        CHECK(ws.status[i] == status[i]);  // no one changes status here
        const auto st = static_cast<worker_status>(status[i]);
        if (st == worker_status::employed) {
            CHECK(ws.skill[i] == Approx(skill[i] + learning).margin(1e-6));
            const double grown = std::max(wage[i] * std::exp(learning), min_wage);
            CHECK(std::abs(ws.wage_vnd[i] - grown) <= 1.0);  // stored as whole VND
            CHECK(ws.wage_vnd[i] >= min_wage - 1);
            CHECK(ws.months_in_status[i] == months[i] + 1);
        } else if (st == worker_status::unemployed) {
            CHECK(ws.skill[i] == Approx(skill[i] - depreciation).margin(1e-6));
            CHECK(ws.wage_vnd[i] == wage[i]);  // the last wage, untouched
            CHECK(ws.months_in_status[i] == months[i] + 1);
        } else {
            CHECK(ws.skill[i] == skill[i]);
            CHECK(ws.wage_vnd[i] == wage[i]);
            CHECK(ws.months_in_status[i] == months[i]);
        }
    }
    CHECK(ws.wage_vnd[low] == static_cast<std::uint32_t>(min_wage));
}

TEST_CASE("wages: with no learning or depreciation skills and wages above the minimum stay", "[unit][model]") {
    auto sw = make_small_world(wage_scenario(0, 0));
    auto& w = sw.w;
    const auto skill = w.workers.skill;
    const auto wage = w.workers.wage_vnd;
    begin_month(w, 0);
    run_wages_and_learning(w);
    CHECK(w.workers.skill == skill);
    // Built wages are at least the minimum wage, so none moves.
    CHECK(w.workers.wage_vnd == wage);
}

TEST_CASE("wages: the mean log wage of the employed grows by the learning rate a month", "[unit][model]") {
    const double learning = 0.003;
    auto sc = wage_scenario(learning, 0);
    sc.regions[0].min_wage_vnd = 1.0e5;  // not binding
    auto sw = make_small_world(std::move(sc));
    auto& w = sw.w;
    auto mean_log_wage = [&] {
        double s = 0;
        std::int64_t n = 0;
        for (std::size_t i = 0; i < w.workers.size(); ++i)
            if (has_status(w, i, worker_status::employed)) {
                s += std::log(w.workers.wage_vnd[i]);
                ++n;
            }
        return s / static_cast<double>(n);
    };
    const double before = mean_log_wage();
    for (int t = 0; t < 12; ++t) {
        begin_month(w, t);
        run_wages_and_learning(w);
    }
    CHECK(mean_log_wage() - before == Approx(12 * learning).margin(1e-5));
}
