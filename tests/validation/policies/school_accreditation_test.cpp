// school_accreditation: a standard between a weak and a good school closes the weak one (or
// caps it until an upgrade is paid); graduates' mean skill gain moves to the good school's.
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
    CHECK(total(series(funded, "standard", "upgrades_started")) == 1);
    CHECK(total(series(funded, "standard", "schools_upgraded")) == 1);
    CHECK(quality[0] == Approx(0.5));
    CHECK(skill_gain[0] == Approx(0.05 * 0.5 / 0.3));  // skill gain scales with quality
    CHECK(quality[1] == Approx(0.8));
}
