// school_enterprise_partnership on a tiny world: while active and funded the partner school
// gets the ordered seats and the internship skill bonus; when the policy ends they go back.
#include "policy_world.hpp"

using namespace laborsim;
using namespace laborsim::policy_unit;

TEST_CASE("school_enterprise_partnership sets and restores its partners' levers",
          "[unit][policy][school_enterprise_partnership]") {
    tiny_world t(R"(schools:
  - {id: x, region: a, kind: vocational_college, seats_per_year: 120, skill_gain: 0.1}
  - {id: y, region: a, kind: vocational_college, seats_per_year: 120, skill_gain: 0.1}
policies:
  - id: p
    type: school_enterprise_partnership
    schools: [x]
    ordered_seats_per_year: 60
    internship_skill_bonus: 0.05
    cost_per_student_month_vnd: 100000
    end: 2021-02
)");
    auto& sch = t.w.schools;
    t.schedule_month(0);
    CHECK(sch.seats_per_month[0] == Approx(15.0));  // 10 + 60 / 12
    CHECK(sch.skill_gain[0] == Approx(0.15));
    CHECK(sch.partner_policy[0] == 0);
    CHECK(sch.seats_per_month[1] == Approx(10.0));
    CHECK(sch.partner_policy[1] == no_policy);
    CHECK(t.series(0, "ordered_seats") == 60);
    CHECK(t.series(0, "beneficiaries") == sch.enrolled[0]);
    CHECK(t.series(0, "spending_vnd") == Approx(sch.enrolled[0] * 1e5));
    t.schedule_month(1);
    CHECK(sch.seats_per_month[0] == Approx(15.0));  // set again, not twice
    t.schedule_month(2);                            // ended
    CHECK(sch.seats_per_month[0] == Approx(10.0));
    CHECK(sch.skill_gain[0] == Approx(0.1));
    CHECK(sch.partner_policy[0] == no_policy);
}

TEST_CASE("school_enterprise_partnership switches off when a month cannot be paid",
          "[unit][policy][school_enterprise_partnership][budget]") {
    tiny_world t(R"(schools:
  - {id: x, region: a, kind: vocational_college, seats_per_year: 120, skill_gain: 0.1}
policies:
  - id: p
    type: school_enterprise_partnership
    ordered_seats_per_year: 60
    cost_per_student_month_vnd: 100000
    annual_budget_vnd: 1
)");
    REQUIRE(t.w.schools.enrolled[0] > 0);
    t.schedule_month(0);
    CHECK(t.w.schools.seats_per_month[0] == Approx(10.0));
    CHECK(t.series(0, "spending_vnd") == 0);
    CHECK(t.series(0, "ordered_seats") == 0);
}
