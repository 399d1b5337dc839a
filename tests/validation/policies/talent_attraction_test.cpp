// talent_attraction: the offer's income equivalent enters the migration logit for the target
// group, so the region's stock of that group grows by what the logit predicts:
//   d stock_A = sum_t m [N_B (sigma(u_t - s) - sigma(-s)) + N_A (sigma(-s) - sigma(-s - u_t))]
// for two identical regions with no distance between them (s: stay bonus, m: migration rate,
// u_t: the policy's reported incentive utility), and the bonus is paid within the budget.
#include <algorithm>
#include <cmath>

#include "../validation_support.hpp"
#include "policy_run.hpp"

using namespace laborsim;
using namespace laborsim::policy_test;

namespace {

const std::string model = "migration_rate: 0.02, migration_stay_bonus: 2";

std::string talent(const std::string& extra) {
    return R"(policies:
  - id: talent
    type: talent_attraction
    region: a
    target: {min_level: university}
    bonus_vnd: 100000000
    wage_top_up_vnd_month: 1000000
    commitment_months: 12
    clawback_share: 1.0
)" + extra;
}

double sigma(double x) { return 1.0 / (1.0 + std::exp(-x)); }

// Target-group members of the labour force per region, each month.
struct group_counter {
    std::vector<std::array<double, 2>> stock;
    void operator()(const world& w, const month_stats&) {
        std::array<double, 2> n{0, 0};
        const auto& ws = w.workers;
        for (std::size_t i = 0; i < ws.size(); ++i)
            if (ws.in_labor_force(i) && ws.level[i] >= static_cast<std::uint8_t>(education_level::university))
                n[ws.region[i]] += 1;
        stock.push_back(n);
    }
};

}  // namespace

TEST_CASE("talent_attraction raises the target group's net in-migration as the logit predicts",
          "[policy][talent_attraction]") {
    group_counter base_count, policy_count;
    const auto without = run(base_yaml("", "2023-12", model), std::ref(base_count));
    const auto with = run(base_yaml(talent(""), "2023-12", model), std::ref(policy_count));
    const auto u = series(with, "talent", "incentive_utility");
    const double m = 0.02, s = 2.0;
    double predicted = 0;  // agents
    for (std::size_t t = 1; t < u.size(); ++t) {
        const auto& n = base_count.stock[t - 1];
        predicted += m * (n[1] * (sigma(u[t] - s) - sigma(-s)) + n[0] * (sigma(-s) - sigma(-s - u[t])));
    }
    const std::size_t end = with.months.size() - 1;
    const double measured = policy_count.stock[end][0] - base_count.stock[end][0];
    INFO("incentive utility " << u[1] << ", predicted gain " << predicted << " agents, measured " << measured);
    const char* test = "policy_talent_attraction";
    const double utility = 2.0 * std::log1p((1e6 + 1e8 / 12) / 5.76e6);
    validation::report(test, "incentive utility, Feb 2021", u[1], utility, 0.1 * utility);
    validation::report(test, "target group stock, region a, with - without (agents; logit prediction)", measured,
                       predicted, 0.3 * predicted);
    CHECK(u[1] == Approx(utility).epsilon(0.1));
    CHECK(measured > 0.7 * predicted);
    CHECK(measured < 1.3 * predicted);
    // Net in-migration into a rises; recipients are the target group's movers into a.
    double net_with = 0, net_without = 0;
    for (std::size_t t = 0; t <= end; ++t) {
        net_with +=
            indicator_at(with, t, 0, indicator::migration_in) - indicator_at(with, t, 0, indicator::migration_out);
        net_without += indicator_at(without, t, 0, indicator::migration_in) -
                       indicator_at(without, t, 0, indicator::migration_out);
    }
    CHECK(net_with - net_without > 0.7 * predicted * 10);
    const double recruited = total(series(with, "talent", "recruited"));
    validation::report(test, "net in-migration to a, with - without (persons; >= 0.7 x prediction)",
                       net_with - net_without, 0.7 * predicted * 10, 0);
    validation::report(test, "recruited (movers paid) (sign)", recruited, 0, 0);
    validation::report(test, "retained (commitments completed) (sign)", total(series(with, "talent", "retained")), 0,
                       0);
    CHECK(recruited > 0);
    // Commitments of 12 months: completed ones are retained; early leavers repay pro rata.
    CHECK(total(series(with, "talent", "retained")) > 0);
    const double left = total(series(with, "talent", "left_early"));
    CHECK(total(series(with, "talent", "clawback_vnd")) <= left * 1e8 + 1);
    CHECK(total(series(with, "talent", "retained")) + left <= recruited);
}

TEST_CASE("talent_attraction spending stays within the annual budget", "[policy][talent_attraction][budget]") {
    const auto with = run(base_yaml(talent("    annual_budget_vnd: 100000000000\n"), "2023-12", model));
    check_budget(with, "talent", 1e11);
    const auto u = series(with, "talent", "incentive_utility");
    const char* test = "policy_talent_attraction";
    const auto years = spending_by_year(with, "talent");
    validation::report(test, "highest yearly spending (VND), budget 100 bn (<= expected)",
                       *std::max_element(years.begin(), years.end()), 1e11, 0);
    validation::report(test, "incentive utility, Dec 2021, budget 100 bn (offer closed)", u[11], 0, 0);
    validation::report(test, "incentive utility, Jan 2022, budget 100 bn (sign)", u[12], 0, 0);
    // The offer closes when the budget cannot pay another bonus, and reopens in January.
    CHECK(u[11] == 0);
    CHECK(u[12] > 0);
}
