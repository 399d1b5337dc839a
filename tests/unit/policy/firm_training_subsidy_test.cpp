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
    CHECK(t.series(0, "induced") == 0);  // at these wages the training pays for itself: none is induced
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
