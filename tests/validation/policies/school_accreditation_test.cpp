// school_accreditation: a standard between a weak and a good school closes the weak one (or
// caps it until an upgrade is paid); graduates' mean skill gain moves to the good school's.
#include <algorithm>
#include <limits>

#include "../validation_support.hpp"
#include "policy_run.hpp"

using namespace laborsim;
using namespace laborsim::policy_test;

namespace {

const std::string schools = R"(schools:
  - {id: weak, region: a, kind: vocational_centre, field: industry, seats_per_year: 3000, program_months: 6, completion_rate: 0.8, skill_gain: 0.05, quality: 0.3}
  - {id: good, region: a, kind: vocational_centre, field: industry, seats_per_year: 3000, program_months: 6, completion_rate: 0.8, skill_gain: 0.25, quality: 0.8}
)";

std::string accreditation(const std::string& action) {
    return schools + R"(policies:
  - id: standard
    type: school_accreditation
    region: a
    standard: 0.5
    kinds: [vocational_centre]
    start: 2021-07
)" + action;
}

}  // namespace

TEST_CASE("school_accreditation closes schools below the standard and raises graduates' skill gain",
          "[policy][school_accreditation]") {
    graduate_tracker base, policy;
    const auto without = run(base_yaml(schools), std::ref(base));
    std::vector<std::uint8_t> open_at_end;
    const auto with =
        run(base_yaml(accreditation("    below_standard: close\n")), [&](const world& w, const month_stats& s) {
            policy(w, s);
            open_at_end = w.schools.open;
        });
    CHECK(total(series(with, "standard", "schools_closed")) == 1);
    CHECK(open_at_end == std::vector<std::uint8_t>{0, 1});
    // Last year: the weak school's students have long finished (6-month programs).
    const double gain_without = base.mean_gain(24, 36, 0), gain_with = policy.mean_gain(24, 36, 0);
    INFO("graduates' mean skill gain: without " << gain_without << ", with " << gain_with << "; graduates "
                                                << base.count(24, 36, 0) << " vs " << policy.count(24, 36, 0));
    const char* test = "policy_school_accreditation";
    validation::report(test, "schools closed (close)", total(series(with, "standard", "schools_closed")), 1, 0);
    validation::report(test, "graduates' mean skill gain, 2023, without", gain_without, 0.15, 0.02);
    validation::report(test, "graduates' mean skill gain, 2023, with (close)", gain_with, 0.25, 0.005);
    validation::report(test, "graduates' mean skill, 2023, with - without (> expected)",
                       policy.mean_gain(24, 36, 0, true) - base.mean_gain(24, 36, 0, true), 0.05, 0);
    const double context = std::numeric_limits<double>::quiet_NaN();  // shown, not checked
    validation::report(test, "graduates (agents), 2023, without", base.count(24, 36, 0), context, context);
    validation::report(test, "graduates (agents), 2023, with (close; half of without)", policy.count(24, 36, 0),
                       0.5 * base.count(24, 36, 0), 0.15 * 0.5 * base.count(24, 36, 0));
    CHECK(gain_without == Approx(0.15).margin(0.02));  // half from each school
    CHECK(gain_with == Approx(0.25).margin(0.005));
    CHECK(policy.mean_gain(24, 36, 0, true) > base.mean_gain(24, 36, 0, true) + 0.05);
    // One school's seats are gone: about half the graduates.
    CHECK(policy.count(24, 36, 0) == Approx(0.5 * base.count(24, 36, 0)).epsilon(0.15));
}

TEST_CASE("school_accreditation upgrades within the budget and caps admissions meanwhile",
          "[policy][school_accreditation][budget]") {
    std::vector<double> quality, skill_gain;
    const auto with = run(base_yaml(accreditation(R"(    below_standard: upgrade
    upgrade_cost_vnd: 2000000000
    upgrade_months: 6
    admission_cap: 0.5
    annual_budget_vnd: 1000000000
)")),
                          [&](const world& w, const month_stats&) {
                              quality = w.schools.quality;
                              skill_gain = w.schools.skill_gain;
                          });
    // The budget never covers one upgrade: the school stays capped until the policy ends.
    const char* test = "policy_school_accreditation";
    const auto highest = [](const std::vector<double>& years) { return *std::max_element(years.begin(), years.end()); };
    validation::report(test, "upgrades started, budget 1 bn", total(series(with, "standard", "upgrades_started")), 0,
                       0);
    validation::report(test, "highest yearly spending (VND), budget 1 bn (<= expected)",
                       highest(spending_by_year(with, "standard")), 1e9, 0);
    validation::report(test, "seats capped (persons/year), Jan 2022, budget 1 bn",
                       series(with, "standard", "seats_capped")[12], 1500, 15);
    validation::report(test, "weak school's quality at the end, budget 1 bn", quality[0], 0.3, 0);
    CHECK(total(series(with, "standard", "upgrades_started")) == 0);
    check_budget(with, "standard", 1e9);
    CHECK(series(with, "standard", "seats_capped")[12] == Approx(1500).epsilon(0.01));
    CHECK(quality[0] == Approx(0.3));

    // With a deadline, the unfunded school closes 6 months after it fell below the standard.
    const auto deadline = run(base_yaml(accreditation(R"(    below_standard: upgrade
    upgrade_cost_vnd: 2000000000
    deadline_months: 6
    annual_budget_vnd: 1000000000
)")));
    const auto closed = series(deadline, "standard", "schools_closed");
    const auto first_closed = std::find_if(closed.begin(), closed.end(), [](double c) { return c > 0; });
    validation::report(test, "schools closed, deadline 6 months", total(closed), 1, 0);
    validation::report(test, "month index of the closing, deadline 6 months (assessed 6)",
                       static_cast<double>(first_closed - closed.begin()), 12, 0);
    CHECK(total(closed) == 1);
    CHECK(closed[6 + 6] == 1);  // assessed from 2021-07 (month 6), unfunded for 6 months
    check_budget(deadline, "standard", 1e9);

    const auto funded = run(base_yaml(accreditation(R"(    below_standard: upgrade
    upgrade_cost_vnd: 2000000000
    upgrade_months: 6
    admission_cap: 0.5
    annual_budget_vnd: 2000000000
)")),
                            [&](const world& w, const month_stats&) {
                                quality = w.schools.quality;
                                skill_gain = w.schools.skill_gain;
                            });
    check_budget(funded, "standard", 2e9);
    validation::report(test, "upgrades started, budget 2 bn", total(series(funded, "standard", "upgrades_started")), 1,
                       0);
    validation::report(test, "schools upgraded, budget 2 bn", total(series(funded, "standard", "schools_upgraded")), 1,
                       0);
    validation::report(test, "weak school's quality after the upgrade", quality[0], 0.5, 0);
    validation::report(test, "weak school's skill gain after the upgrade (x standard / quality)", skill_gain[0],
                       0.05 * 0.5 / 0.3, 0);
    validation::report(test, "good school's quality", quality[1], 0.8, 0);
    CHECK(total(series(funded, "standard", "upgrades_started")) == 1);
    CHECK(total(series(funded, "standard", "schools_upgraded")) == 1);
    CHECK(quality[0] == Approx(0.5));
    CHECK(skill_gain[0] == Approx(0.05 * 0.5 / 0.3));  // skill gain scales with quality
    CHECK(quality[1] == Approx(0.8));
}
