// vocational_training_quota on a tiny world: the month's places start courses, spending is
// booked within the budget, and the cohort ends its course on time with the course level.
#include "policy_world.hpp"

using namespace laborsim;
using namespace laborsim::policy_unit;

namespace {
const char* quota(const char* budget) {
    static std::string text;
    text = std::string(R"(policies:
  - id: q
    type: vocational_training_quota
    target: {max_level: none}
    seats_per_year: 1200
    course_level: elementary
    course_field: services
    course_months: 3
    cost_per_trainee_vnd: 1000000
)") + budget;
    return text.c_str();
}
}  // namespace

TEST_CASE("vocational_training_quota starts a month's courses and completes them",
          "[unit][policy][vocational_training_quota]") {
    tiny_world t(quota(""));
    auto& ws = t.w.workers;
    t.schedule_month(0);
    const auto on_course = [&](std::size_t i) { return ws.course[i] == 0; };
    CHECK(t.count(on_course) == 100);  // 1,200 a year at scale 1
    CHECK(t.series(0, "beneficiaries") == 100);
    CHECK(t.series(0, "spending_vnd") == 100 * 1e6);
    for (std::size_t i = 0; i < ws.size(); ++i) {
        if (!on_course(i)) continue;
        CHECK(ws.level[i] == static_cast<std::uint8_t>(education_level::none));
        CHECK(ws.course_months_left[i] == 3);
    }
    t.schedule_month(1);
    t.schedule_month(2);
    CHECK(t.series(0, "trained") + t.series(0, "dropouts") == 0);
    t.schedule_month(3);  // the first cohort's third month ends
    CHECK(t.series(0, "trained") + t.series(0, "dropouts") == 100);
    CHECK(t.series(0, "trained") > 70);  // completion_rate 0.9
    const auto trained = [&](std::size_t i) {
        return ws.has(i, worker_flag::trained_by_policy) &&
               ws.level[i] == static_cast<std::uint8_t>(education_level::elementary) &&
               ws.field[i] == static_cast<std::uint8_t>(field_kind::services);
    };
    CHECK(static_cast<double>(t.count(trained)) == t.series(0, "trained"));
}

TEST_CASE("vocational_training_quota respects its annual budget", "[unit][policy][vocational_training_quota][budget]") {
    tiny_world t(quota("    annual_budget_vnd: 150000000\n"));  // 150 trainees a year
    double spent = 0;
    for (int m = 0; m < 12; ++m) {
        t.schedule_month(m);
        spent += t.series(0, "spending_vnd");
    }
    CHECK(spent == 150e6);
    CHECK(t.w.policies[0].spent_this_year_vnd == 150e6);
    t.schedule_month(12);  // a new year, a new budget
    CHECK(t.series(0, "beneficiaries") == 100);
}
