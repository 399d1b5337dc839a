// school_enterprise_partnership: partner graduates gain the internship bonus in skill, ordered
// seats add admissions one for one while applicants exceed seats, and partner graduates are
// placed faster; the month's cost is paid only within the budget.
#include <limits>

#include "../validation_support.hpp"
#include "policy_run.hpp"

using namespace laborsim;
using namespace laborsim::policy_test;

namespace {

const std::string schools = R"(schools:
  - {id: college, region: a, kind: vocational_college, field: industry, seats_per_year: 3000, program_months: 12, completion_rate: 0.8, skill_gain: 0.2}
)";

std::string partnership(const std::string& extra) {
    return schools + R"(policies:
  - id: partners
    type: school_enterprise_partnership
    region: a
    schools: [college]
    ordered_seats_per_year: 1200
    internship_skill_bonus: 0.05
    cost_per_student_month_vnd: 500000
    placement_window_months: 12
)" + extra;
}

}  // namespace

TEST_CASE("school_enterprise_partnership adds the internship bonus, ordered seats and placements",
          "[policy][school_enterprise_partnership]") {
    graduate_tracker base, policy;
    const auto without = run(base_yaml(schools), std::ref(base));
    const auto with = run(base_yaml(partnership("")), std::ref(policy));
    const double gain_without = base.mean_gain(12, 33, 0), gain_with = policy.mean_gain(12, 33, 0);
    INFO("skill gain without " << gain_without << ", with " << gain_with);
    const char* test = "policy_school_enterprise_partnership";
    const double context = std::numeric_limits<double>::quiet_NaN();  // shown, not checked
    validation::report(test, "graduates' skill gain, without", gain_without, context, context);
    validation::report(test, "graduates' skill gain, with - without", gain_with - gain_without, 0.05, 0.005);
    CHECK(gain_with - gain_without == Approx(0.05).margin(0.005));
    double enrol_without = 0, enrol_with = 0;
    for (std::size_t t = 0; t < with.months.size(); ++t) {
        enrol_without += indicator_at(without, t, 0, indicator::enrolments);
        enrol_with += indicator_at(with, t, 0, indicator::enrolments);
    }
    INFO("admissions over 3 years: without " << enrol_without << ", with " << enrol_with);
    validation::report(test, "admissions over 3 years, without", enrol_without, context, context);
    validation::report(test, "admissions over 3 years, with - without (3 x ordered seats)", enrol_with - enrol_without,
                       3 * 1200, 0.05 * 3 * 1200);
    CHECK(enrol_with - enrol_without == Approx(3 * 1200).epsilon(0.05));
    const double placed_without = base.employed_share(12, 33, 0), placed_with = policy.employed_share(12, 33, 0);
    INFO("graduates employed 3 months after graduating: without " << placed_without << ", with " << placed_with);
    validation::report(test, "share employed 3 months after graduating, without", placed_without, context, context);
    validation::report(test, "share employed 3 months after graduating, with - without (sign)",
                       placed_with - placed_without, 0, 0);
    CHECK(placed_with > placed_without);
    const double grads = total(series(with, "partners", "partner_graduates"));
    validation::report(test, "partner graduates (series; tracked graduates x 10)", grads, 10 * policy.count(0, 35, 0),
                       0.05 * 10 * policy.count(0, 35, 0));
    validation::report(test, "placed (>= half the partner graduates)", total(series(with, "partners", "placed")),
                       0.5 * grads, 0);
    CHECK(grads == Approx(10 * policy.count(0, 35, 0)).epsilon(0.05));  // counted the month after graduating
    CHECK(total(series(with, "partners", "placed")) > 0.5 * grads);
}

TEST_CASE("school_enterprise_partnership spending stays within the annual budget",
          "[policy][school_enterprise_partnership][budget]") {
    // About 4,000 students at 0.5 M VND a month cost ~24 bn a year; 15 bn funds part of it.
    const auto with = run(base_yaml(partnership("    annual_budget_vnd: 15000000000\n")));
    check_budget(with, "partners", 15e9);
    const auto seats = series(with, "partners", "ordered_seats");
    const char* test = "policy_school_enterprise_partnership";
    validation::report(test, "ordered seats, Dec 2022, budget 15 bn (lapsed)", seats[23], 0, 0);
    validation::report(test, "ordered seats, Jan 2023, budget 15 bn", seats[24], 1200, 0);
    CHECK(seats[23] == 0);  // December: the year's budget is spent, the partnership lapses
    CHECK(seats[24] == 1200);
}
