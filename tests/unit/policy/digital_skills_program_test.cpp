// digital_skills_program on a tiny world: courses start, completers gain skill and (all of
// them, with field_switch_share 1) move into the digital field.
#include "policy_world.hpp"

using namespace laborsim;
using namespace laborsim::policy_unit;

TEST_CASE("digital_skills_program trains and moves completers into digital", "[unit][policy][digital_skills_program]") {
    tiny_world t(R"(policies:
  - id: d
    type: digital_skills_program
    target: {field: agriculture}
    seats_per_year: 600
    course_months: 1
    completion_rate: 0.8
    field_switch_share: 1
    cost_per_trainee_vnd: 2000000
    annual_budget_vnd: 60000000
)");
    auto& ws = t.w.workers;
    t.schedule_month(0);
    CHECK(t.series(0, "beneficiaries") == 30);  // the budget pays 30 of the month's 50
    CHECK(t.series(0, "spending_vnd") == 60e6);
    std::vector<std::size_t> trainees;
    for (std::size_t i = 0; i < ws.size(); ++i)
        if (ws.course[i] == 0) trainees.push_back(i);
    REQUIRE(trainees.size() == 30);
    for (auto i : trainees) CHECK(ws.field[i] == static_cast<std::uint8_t>(field_kind::agriculture));
    t.schedule_month(1);
    CHECK(t.series(0, "beneficiaries") == 0);  // the budget is spent
    const double trained = t.series(0, "trained");
    CHECK(trained + t.series(0, "dropouts") == 30);
    CHECK(t.series(0, "switched_to_digital") == trained);
    std::size_t digital = 0;
    for (auto i : trainees) {
        CHECK(ws.course[i] == no_course);
        digital += ws.field[i] == static_cast<std::uint8_t>(field_kind::digital);
    }
    CHECK(static_cast<double>(digital) == trained);
}
