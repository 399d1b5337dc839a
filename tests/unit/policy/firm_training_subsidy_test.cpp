// firm_training_subsidy on a tiny world: with every training reviewed and worth it, the budget
// decides how many are trained; trainees are employed, gain skill and a higher wage.
#include <cmath>

#include "policy_world.hpp"

using namespace laborsim;
using namespace laborsim::policy_unit;

TEST_CASE("firm_training_subsidy trains employed workers within its budget", "[unit][policy][firm_training_subsidy]") {
    tiny_world t(R"(policies:
  - id: f
    type: firm_training_subsidy
    subsidy_per_trainee_vnd: 1000000
    training_cost_vnd: 1000000
    review_rate: 1
    skill_gain: 0.1
    certify_level: short_course
    annual_budget_vnd: 40000000
)");
    auto& ws = t.w.workers;
    const auto wage_before = ws.wage_vnd;
    const auto skill_before = ws.skill;
    t.schedule_month(0);
    CHECK(t.series(0, "trained") == 40);
    CHECK(t.series(0, "beneficiaries") == 40);
    CHECK(t.series(0, "spending_vnd") == 40e6);
    // The firms' own training (a model phase) did not run: every subsidised trainee is added.
    CHECK(t.series(0, "induced") == 40);
    CHECK(t.series(0, "deadweight") == 0);
    std::size_t trained = 0;
    for (std::size_t i = 0; i < ws.size(); ++i) {
        if (!ws.has(i, worker_flag::trained_by_policy)) continue;
        ++trained;
        CHECK(ws.status[i] == static_cast<std::uint8_t>(worker_status::employed));
        CHECK(ws.skill[i] == Approx(skill_before[i] + 0.1));
        CHECK(ws.wage_vnd[i] > wage_before[i]);
        CHECK(ws.level[i] >= static_cast<std::uint8_t>(education_level::short_course));
    }
    CHECK(trained == 40);
    t.schedule_month(1);
    CHECK(t.series(0, "trained") == 0);  // the budget is spent
}

TEST_CASE("firm_training_subsidy pays for what firms train anyway without adding to it",
          "[unit][policy][firm_training_subsidy]") {
    tiny_world t(R"(model: {firm_training_review_rate: 1, firm_training_cost_vnd: 0}
policies:
  - id: f
    type: firm_training_subsidy
    subsidy_per_trainee_vnd: 1000000
    training_cost_vnd: 1000000
    review_rate: 1
    skill_gain: 0.1
    certify_level: short_course
    annual_budget_vnd: 40000000
)");
    auto& ws = t.w.workers;
    t.w.t = 0;
    run_firm_training(t.w);  // every employee is trained by its firm this month
    const auto skill_after_firms = ws.skill;
    const auto level_before = ws.level;
    t.schedule_month(0);
    CHECK(t.series(0, "trained") == 40);
    CHECK(t.series(0, "deadweight") == 40);
    CHECK(t.series(0, "induced") == 0);
    CHECK(t.series(0, "spending_vnd") == 40e6);  // the subsidy is paid all the same
    CHECK(ws.skill == skill_after_firms);        // and adds nothing
    CHECK(ws.level == level_before);
    CHECK(t.count([&](std::size_t i) { return ws.has(i, worker_flag::trained_by_policy); }) == 0);
}
