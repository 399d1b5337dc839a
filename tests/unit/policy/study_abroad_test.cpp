// study_abroad on a tiny world: the month's places send workers abroad on the policy's own
// programme, tagged with their return obligation; spending is booked at departure.
#include "policy_world.hpp"

using namespace laborsim;
using namespace laborsim::policy_unit;

TEST_CASE("study_abroad sends the month's students abroad on its programme", "[unit][policy][study_abroad]") {
    tiny_world t(R"(policies:
  - id: s
    type: study_abroad
    target: {min_level: college}
    places_per_year: 240
    study_level: postgraduate
    study_months: 12
    return_obligation_months: 36
    cost_per_student_vnd: 500000000
)");
    auto& ws = t.w.workers;
    const auto programs_before = t.w.abroad_programs.size();
    t.schedule_month(0);
    REQUIRE(t.w.abroad_programs.size() == programs_before + 1);
    const auto& program = t.w.abroad_programs.back();
    CHECK(program.level == education_level::postgraduate);
    CHECK(program.months == 12);
    const auto students = [&](std::size_t i) { return ws.tag_policy[i] == 0; };
    CHECK(t.count(students) == 20);
    CHECK(t.series(0, "beneficiaries") == 20);
    CHECK(t.series(0, "spending_vnd") == 20 * 500e6);
    for (std::size_t i = 0; i < ws.size(); ++i) {
        if (!students(i)) continue;
        CHECK(ws.status[i] == static_cast<std::uint8_t>(worker_status::abroad));
        CHECK(ws.level[i] >= static_cast<std::uint8_t>(education_level::college));
        CHECK(ws.tag_months[i] == 36);
    }
    t.schedule_month(1);  // one programme per policy, counted abroad
    CHECK(t.w.abroad_programs.size() == programs_before + 1);
    CHECK(t.series(0, "abroad") == 20);
    CHECK(t.count(students) == 40);
}
