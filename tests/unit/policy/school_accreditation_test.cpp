// school_accreditation on a tiny world: a school below the standard closes (close), or is
// capped, funded and upgraded to the standard after upgrade_months (upgrade); a school above
// it is left alone.
#include "policy_world.hpp"

using namespace laborsim;
using namespace laborsim::policy_unit;

namespace {
std::string schools_and(const std::string& policy) {
    return R"(schools:
  - {id: weak, region: a, kind: vocational_centre, seats_per_year: 120, quality: 0.4, skill_gain: 0.1}
  - {id: good, region: a, kind: vocational_centre, seats_per_year: 120, quality: 0.8, skill_gain: 0.1}
policies:
  - id: acc
    type: school_accreditation
    standard: 0.6
)" + policy;
}
}  // namespace

TEST_CASE("school_accreditation closes schools below the standard", "[unit][policy][school_accreditation]") {
    tiny_world t(schools_and("    below_standard: close\n"));
    t.schedule_month(0);
    CHECK(t.w.schools.open[0] == 0);
    CHECK(t.w.schools.open[1] == 1);
    CHECK(t.series(0, "schools_closed") == 1);
    t.schedule_month(1);
    CHECK(t.series(0, "schools_closed") == 0);  // once
}

TEST_CASE("school_accreditation caps, funds and upgrades a school", "[unit][policy][school_accreditation]") {
    tiny_world t(schools_and(R"(    below_standard: upgrade
    admission_cap: 0.25
    upgrade_cost_vnd: 1000000000
    upgrade_months: 2
    annual_budget_vnd: 1000000000
)"));
    auto& sch = t.w.schools;
    const double seats = sch.seats_per_month[0];
    REQUIRE(seats == Approx(10.0));
    t.schedule_month(0);
    CHECK(sch.open[0] == 1);
    CHECK(sch.seats_per_month[0] == Approx(0.25 * seats));
    CHECK(sch.seats_per_month[1] == Approx(seats));
    CHECK(t.series(0, "upgrades_started") == 1);
    CHECK(t.series(0, "spending_vnd") == 1e9);
    t.schedule_month(1);
    CHECK(sch.quality[0] == Approx(0.4));
    t.schedule_month(2);  // upgrade_months later
    CHECK(t.series(0, "schools_upgraded") == 1);
    CHECK(sch.quality[0] == Approx(0.6));
    CHECK(sch.skill_gain[0] == Approx(0.1 * 0.6 / 0.4));
    CHECK(sch.seats_per_month[0] == Approx(seats));
    CHECK(t.series(0, "schools_below_standard") == 0);
}
