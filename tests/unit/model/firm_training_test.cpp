// Firms' own training (sim/model/firm_training.cpp): a reviewed employee is trained when the
// firm's share of the gain over the expected tenure covers the cost; trainees gain skill and
// their share of it in wage, and are listed as the month's trainees.
#include <catch2/catch.hpp>

#include <cmath>

#include "model/firm_training.hpp"
#include "small_world.hpp"

using namespace laborsim;
using namespace laborsim::test;

TEST_CASE("firm training: reviewed employees whose training pays are trained", "[unit][model]") {
    auto sc = quiet_scenario({small_region("north", 4000)});
    sc.model.firm_training_review_rate = 0.5;
    sc.model.firm_training_skill_gain = 0.1;
    // The firm trains when (1 - beta) * 0.1 * wage * min(120, 1 / separation_rate) >= cost.
    const double value_per_vnd = training_value_per_vnd(sc.model, 0.1);
    const double beta = sc.model.nash_share;
    REQUIRE(value_per_vnd == Approx((1 - beta) * 0.1 * std::min(120.0, 1.0 / sc.model.separation_rate)));
    auto sw = make_small_world(sc);
    auto& w = sw.w;
    auto& ws = w.workers;
    std::vector<std::uint32_t> wages(ws.wage_vnd.begin(), ws.wage_vnd.end());
    std::sort(wages.begin(), wages.end());
    const double median = wages[wages.size() / 2];
    sw.sc->model.firm_training_cost_vnd = value_per_vnd * median;  // about half the employed qualify
    const auto skill = ws.skill;
    const auto wage = ws.wage_vnd;
    begin_month(w, 0);
    run_firm_training(w);
    std::size_t qualified = 0, trained = 0;
    for (std::size_t i = 0; i < ws.size(); ++i) {
        const bool employed = has_status(w, i, worker_status::employed);
        const bool pays = value_per_vnd * wage[i] >= sw.sc->model.firm_training_cost_vnd;
        const bool was_trained = firm_trained_this_month(w, i);
        INFO("worker " << i);
        if (!employed || !pays) {
            CHECK_FALSE(was_trained);
            CHECK(ws.skill[i] == skill[i]);
            continue;
        }
        ++qualified;
        CHECK(was_trained == (firm_review_draw(w, i) < 0.5));
        if (!was_trained) continue;
        ++trained;
        CHECK(ws.skill[i] == Approx(skill[i] + 0.1).margin(1e-6));
        CHECK(std::abs(ws.wage_vnd[i] - wage[i] * std::exp(beta * 0.1)) <= 1.0);
    }
    REQUIRE(qualified > 500);
    CHECK(static_cast<double>(trained) / static_cast<double>(qualified) == Approx(0.5).margin(0.06));
    CHECK(w.flows[0][static_cast<int>(flow::firm_trained)] == static_cast<std::int64_t>(trained));
    // Next month the list holds only that month's trainees.
    sw.sc->model.firm_training_review_rate = 0;
    begin_month(w, 1);
    run_firm_training(w);
    CHECK(w.firm_trained_this_month.empty());
}
