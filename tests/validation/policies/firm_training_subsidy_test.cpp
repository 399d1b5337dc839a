// firm_training_subsidy: firms train the workers whose gain covers the net cost; trainees
// are about review_rate x the eligible employed each month, and the region's skill rises by
// induced x skill_gain (what firms train on their own happens in both runs); the budget caps
// trainees at budget / subsidy a year.
#include <cmath>

#include <limits>

#include "../validation_support.hpp"
#include "policy_run.hpp"

using namespace laborsim;
using namespace laborsim::policy_test;

namespace {

// beta 0.3, skill gain 0.05, tenure 1 / 0.012 months: a firm trains when
// 0.7 * 0.05 * wage * 83.3 >= 20 M - subsidy, i.e. wage >= 3.43 M VND with a 10 M subsidy.
std::string subsidy(const std::string& extra) {
    return R"(policies:
  - id: subsidy
    type: firm_training_subsidy
    region: a
    target: {field: industry}
    subsidy_per_trainee_vnd: 10000000
    training_cost_vnd: 20000000
    review_rate: 0.05
    skill_gain: 0.05
    certify_level: short_course
    start: 2021-01
    end: 2021-12
)" + extra;
}

struct eligible_counter {
    std::vector<double> eligible, skill_sum;
    void operator()(const world& w, const month_stats&) {
        const double threshold = 10e6 / (0.7 * 0.05 * (1.0 / 0.012));
        double e = 0, s = 0;
        const auto& ws = w.workers;
        for (std::size_t i = 0; i < ws.size(); ++i) {
            if (ws.region[i] != 0 || !ws.in_labor_force(i)) continue;
            s += ws.skill[i];
            e += ws.status[i] == static_cast<std::uint8_t>(worker_status::employed) &&
                 ws.field[i] == static_cast<std::uint8_t>(field_kind::industry) && ws.wage_vnd[i] >= threshold;
        }
        eligible.push_back(e);
        skill_sum.push_back(s);
    }
};

}  // namespace

TEST_CASE("firm_training_subsidy trains about review_rate x eligible workers and raises skill",
          "[policy][firm_training_subsidy]") {
    eligible_counter base, policy;
    const auto without = run(base_yaml(""), std::ref(base));
    const auto with = run(base_yaml(subsidy("")), std::ref(policy));
    const auto trained = series(with, "subsidy", "trained");
    double expected = 0.05 * base.eligible[0] * 10;  // month 1 reviews last month's employed
    INFO("trained in month 2: " << trained[1] << ", expected " << expected);
    const char* test = "policy_firm_training_subsidy";
    const double context = std::numeric_limits<double>::quiet_NaN();  // shown, not checked
    validation::report(test, "trained in Feb 2021 (review rate x eligible)", trained[1], expected, 0.1 * expected);
    CHECK(trained[1] == Approx(expected).epsilon(0.1));
    const double total_trained = total(trained);
    const double induced = total(series(with, "subsidy", "induced"));
    const double deadweight = total(series(with, "subsidy", "deadweight"));
    CHECK(induced + deadweight == Approx(total_trained));
    const double skill_gain = (policy.skill_sum[12] - base.skill_sum[12]) * 10;
    INFO("trained " << total_trained << ", induced " << induced << ", skill sum gained " << skill_gain
                    << " (induced x gain " << induced * 0.05 << ")");
    CHECK(skill_gain == Approx(induced * 0.05).epsilon(0.15));
    const double certified =
        indicator_at(with, 12, 0, indicator::trained_rate) - indicator_at(without, 12, 0, indicator::trained_rate);
    validation::report(test, "trained in 2021", total_trained, context, context);
    validation::report(test, "induced (sign; < trained)", induced, 0, 0);
    validation::report(test, "deadweight (trained by firms anyway)", deadweight, context, context);
    validation::report(test, "skill sum, Jan 2022, with - without (= induced x gain)", skill_gain, induced * 0.05,
                       0.15 * induced * 0.05);
    validation::report(test, "trained rate, Jan 2022, with - without (> expected)", certified, 0.01, 0);
    CHECK(induced > 0);
    CHECK(induced < total_trained);
    // Trainees are certified: the region's trained rate rises.
    CHECK(indicator_at(with, 12, 0, indicator::trained_rate) >
          indicator_at(without, 12, 0, indicator::trained_rate) + 0.01);
}

TEST_CASE("firm_training_subsidy spending stays within the annual budget", "[policy][firm_training_subsidy][budget]") {
    const auto with = run(base_yaml(subsidy("    annual_budget_vnd: 20000000000\n")));  // 2,000 trainees
    check_budget(with, "subsidy", 2e10);
    const double trained = total(series(with, "subsidy", "trained"));
    validation::report("policy_firm_training_subsidy", "trained, budget 20 bn (budget / subsidy)", trained, 2000, 20);
    CHECK(trained == Approx(2000).epsilon(0.01));
}
