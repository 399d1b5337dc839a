// digital_skills_program: S seats a year for Y years: about S*Y*completion trained, of whom
// field_switch_share move into the digital field, which grows by that much.
#include "../validation_support.hpp"
#include "policy_run.hpp"

using namespace laborsim;
using namespace laborsim::policy_test;

namespace {

std::string digital(const std::string& extra) {
    return R"(policies:
  - id: digital
    type: digital_skills_program
    region: a
    target: {max_age: 45}
    seats_per_year: 3000
    course_months: 2
    completion_rate: 0.85
    skill_gain: 0.05
    field_switch_share: 0.4
    cost_per_trainee_vnd: 5000000
    start: 2021-01
    end: 2022-12
)" + extra;
}

struct digital_counter {
    std::vector<double> digital_lf, skill_sum, lf;
    void operator()(const world& w, const month_stats&) {
        double d = 0, s = 0, n = 0;
        const auto& ws = w.workers;
        for (std::size_t i = 0; i < ws.size(); ++i) {
            if (ws.region[i] != 0 || !ws.in_labor_force(i)) continue;
            d += ws.field[i] == static_cast<std::uint8_t>(field_kind::digital);
            s += ws.skill[i];
            n += 1;
        }
        digital_lf.push_back(d);
        skill_sum.push_back(s);
        lf.push_back(n);
    }
};

}  // namespace

TEST_CASE("digital_skills_program trains and moves workers into the digital field",
          "[policy][digital_skills_program]") {
    digital_counter base, policy;
    const auto without = run(base_yaml(""), std::ref(base));
    const auto with = run(base_yaml(digital("")), std::ref(policy));
    const double trained = total(series(with, "digital", "trained"));
    const double switched = total(series(with, "digital", "switched_to_digital"));
    const char* test = "policy_digital_skills_program";
    validation::report(test, "trained (seats x years x completion)", trained, 3000 * 2 * 0.85, 0.05 * 3000 * 2 * 0.85);
    validation::report(test, "switched to digital (trained x 0.4 x 0.95)", switched, trained * 0.4 * 0.95,
                       0.1 * trained * 0.4 * 0.95);
    CHECK(trained == Approx(3000 * 2 * 0.85).epsilon(0.05));
    // 5% of trainees were digital already and cannot switch.
    CHECK(switched == Approx(trained * 0.4 * 0.95).epsilon(0.1));
    const std::size_t t = 24;  // just after the last courses end
    const double digital_gain = 10 * (policy.digital_lf[t] - base.digital_lf[t]);
    const double skill_gain = (policy.skill_sum[t] - base.skill_sum[t]) * 10;  // persons x log points
    INFO("digital field gained " << digital_gain << " (switched " << switched << "), skill sum gained " << skill_gain
                                 << " (trained x gain " << trained * 0.05 << ")");
    validation::report(test, "digital labour force, Jan 2023, with - without (= switched)", digital_gain, switched,
                       0.1 * switched);
    validation::report(test, "skill sum, Jan 2023, with - without (= trained x gain)", skill_gain, trained * 0.05,
                       0.15 * trained * 0.05);
    CHECK(digital_gain == Approx(switched).epsilon(0.1));
    CHECK(skill_gain == Approx(trained * 0.05).epsilon(0.15));
}

TEST_CASE("digital_skills_program spending stays within the annual budget",
          "[policy][digital_skills_program][budget]") {
    const auto with = run(base_yaml(digital("    annual_budget_vnd: 10000000000\n")));  // 2,000 trainees a year
    check_budget(with, "digital", 1e10);
    const double starts = total(series(with, "digital", "beneficiaries"));
    validation::report("policy_digital_skills_program", "course starts, budget 10 bn a year", starts, 4000, 40);
    CHECK(starts == Approx(4000).epsilon(0.01));
}
