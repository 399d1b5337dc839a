// study_abroad: P places a year for Y years, study T months: about P*T/12 abroad at a time;
// P*Y*return_rate come back, and the region's postgraduates rise by P*Y*completion*return.
#include <limits>

#include "../validation_support.hpp"
#include "policy_run.hpp"

using namespace laborsim;
using namespace laborsim::policy_test;

namespace {

std::string abroad(const std::string& extra) {
    return R"(policies:
  - id: abroad
    type: study_abroad
    region: a
    target: {min_level: university, max_level: university}
    places_per_year: 1200
    study_level: postgraduate
    study_months: 12
    completion_rate: 0.9
    skill_gain: 0.2
    return_rate: 0.8
    return_obligation_months: 24
    cost_per_student_vnd: 1000000000
    start: 2021-01
    end: 2022-12
)" + extra;
}

}  // namespace

TEST_CASE("study_abroad sends students abroad and brings most back with a higher level", "[policy][study_abroad]") {
    // The last students leave in December 2022 and come back a year later.
    const auto without = run(base_yaml("", "2024-03"));
    const auto with = run(base_yaml(abroad(""), "2024-03"));
    const auto stock = series(with, "abroad", "abroad");
    CHECK(stock[18] == Approx(1200).epsilon(0.05));  // steady state: P * T / 12
    const double departed = total(series(with, "abroad", "beneficiaries"));
    const double returned = total(series(with, "abroad", "returned"));
    const double not_returned = total(series(with, "abroad", "not_returned"));
    const char* test = "policy_study_abroad";
    const double context = std::numeric_limits<double>::quiet_NaN();  // shown, not checked
    validation::report(test, "abroad, Jul 2022 (places x months / 12)", stock[18], 1200, 60);
    validation::report(test, "departures", departed, 2400, 24);
    validation::report(test, "returned (departures x return rate)", returned, 2400 * 0.8, 0.08 * 2400 * 0.8);
    validation::report(test, "not returned (emigrated)", not_returned, context, context);
    validation::report(test, "returned + not returned (<= departures)", returned + not_returned, departed,
                       0.03 * departed);
    CHECK(departed == Approx(2400).epsilon(0.01));
    CHECK(returned == Approx(2400 * 0.8).epsilon(0.08));
    // A few reach retirement age (or die) abroad.
    CHECK(total(series(with, "abroad", "not_returned")) + returned <= departed);
    CHECK(total(series(with, "abroad", "not_returned")) + returned == Approx(departed).epsilon(0.03));
    const std::size_t end = with.months.size() - 1;
    const int pg = static_cast<int>(education_level::postgraduate);
    const double gain =
        with.months[end].labor_force_by_education[0][pg] - without.months[end].labor_force_by_education[0][pg];
    INFO("postgraduates gained in region a: " << gain << " (expected ~" << 2400 * 0.9 * 0.8 << ")");
    validation::report(test, "postgraduates, region a, with - without (x completion x return)", gain, 2400 * 0.9 * 0.8,
                       0.15 * 2400 * 0.9 * 0.8);
    validation::report(test, "abroad at the end", stock[end], 0, 0);
    validation::report(test, "clawback (VND) (>= not returned x cost)", total(series(with, "abroad", "clawback_vnd")),
                       not_returned * 1e9 * 0.999, 0);
    CHECK(gain == Approx(2400 * 0.9 * 0.8).epsilon(0.15));
    // Everyone is back (or gone) by the end.
    CHECK(stock[end] == 0);
    // Non-returners repay clawback_share x cost.
    CHECK(total(series(with, "abroad", "clawback_vnd")) >= total(series(with, "abroad", "not_returned")) * 1e9 * 0.999);
}

TEST_CASE("study_abroad spending stays within the annual budget", "[policy][study_abroad][budget]") {
    const auto with = run(base_yaml(abroad("    annual_budget_vnd: 500000000000\n")));
    check_budget(with, "abroad", 5e11);
    const double departed = total(series(with, "abroad", "beneficiaries"));
    validation::report("policy_study_abroad", "departures, budget 500 bn a year", departed, 1000, 10);
    CHECK(departed == Approx(1000).epsilon(0.01));  // 500 a year
}
