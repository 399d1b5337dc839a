// public_recruitment: public employers hire doctors toward a target per 10,000 people and
// stop there, at most budget / cost a year. Recruits from another region are a pure gain for
// the target region, recruits from its own unemployed a gain until matching would have hired
// them anyway, so the doctors gained are at most the recruits.
#include <algorithm>
#include <limits>

#include "../validation_support.hpp"
#include "policy_run.hpp"

using namespace laborsim;
using namespace laborsim::policy_test;

namespace {

std::string recruitment(double target, const std::string& extra) {
    return R"(policies:
  - id: doctors
    type: public_recruitment
    region: a
    field: health
    min_level: university
    target_per_10k: )" +
           std::to_string(target) + R"(
    cost_per_hire_vnd: 100000000
    recruit_from_other_regions: true
)" + extra;
}

}  // namespace

TEST_CASE("public_recruitment moves doctors per 10,000 toward the target", "[policy][public_recruitment]") {
    const auto without = run(base_yaml(""));
    const double start_ratio = indicator_at(without, 0, 0, indicator::doctors_per_10k);
    const double target = start_ratio + 8;
    const auto with = run(base_yaml(recruitment(target, "")));
    const std::size_t end = with.months.size() - 1;
    const double ratio_with = indicator_at(with, end, 0, indicator::doctors_per_10k);
    const double ratio_without = indicator_at(without, end, 0, indicator::doctors_per_10k);
    const double population = indicator_at(with, end, 0, indicator::population) * 700000.0 / 400000.0;
    const double gained = (ratio_with - ratio_without) * population / 1e4;
    const double recruited = total(series(with, "doctors", "recruited"));
    const double from_b = total(series(with, "doctors", "recruited_from_other_regions"));
    INFO("doctors per 10k: start " << start_ratio << ", target " << target << ", end with " << ratio_with
                                   << ", without " << ratio_without << "; recruited " << recruited << " (" << from_b
                                   << " from b), gained " << gained);
    CHECK(ratio_without < target - 2);
    // Reaches the norm and holds it: hiring stops at the gap (matching may add a few more,
    // and what raises the ratio without the policy keeps raising it past the target).
    const double drift = std::max(0.0, ratio_without - start_ratio);
    const char* test = "policy_public_recruitment";
    const double context = std::numeric_limits<double>::quiet_NaN();  // shown, not checked
    const double ratio_b_with = indicator_at(with, end, 1, indicator::doctors_per_10k);
    const double ratio_b_without = indicator_at(without, end, 1, indicator::doctors_per_10k);
    validation::report(test, "doctors per 10k, region a, start", start_ratio, context, context);
    validation::report(test, "doctors per 10k, region a, end, without (< target - 2)", ratio_without, target - 2, 0);
    validation::report(test, "doctors per 10k, region a, end, with (target; >= target - 0.5)", ratio_with, target,
                       0.5 + drift);
    validation::report(test, "recruited", recruited, context, context);
    validation::report(test, "doctors gained, region a (persons; <= 1.05 x recruited)", gained, 1.05 * recruited, 0);
    validation::report(test, "recruited from region b (sign)", from_b, 0, 0);
    validation::report(test, "doctors per 10k, region b, end, without", ratio_b_without, context, context);
    validation::report(test, "doctors per 10k, region b, end, with - without (sign: < 0)",
                       ratio_b_with - ratio_b_without, 0, 0);
    CHECK(ratio_with > target - 0.5);
    CHECK(ratio_with < target + 0.5 + drift);
    CHECK(gained <= 1.05 * recruited);
    CHECK(from_b > 0);
    // Region b lost the doctors a recruited from it.
    CHECK(indicator_at(with, end, 1, indicator::doctors_per_10k) <
          indicator_at(without, end, 1, indicator::doctors_per_10k));
}

TEST_CASE("public_recruitment hires at most budget / cost a year", "[policy][public_recruitment][budget]") {
    const auto without = run(base_yaml(""));
    const double target = indicator_at(without, 0, 0, indicator::doctors_per_10k) + 20;
    const auto with = run(base_yaml(recruitment(target, "    annual_budget_vnd: 10000000000\n")));  // 100 hires a year
    check_budget(with, "doctors", 1e10);
    const auto hires = series(with, "doctors", "recruited");
    double most = 0;
    for (int y = 0; y < 3; ++y) {
        double n = 0;
        for (int t = 12 * y; t < 12 * y + 12; ++t) n += hires[t];
        most = std::max(most, n);
        CHECK(n <= 100 + 1e-9);
    }
    validation::report("policy_public_recruitment", "most hires in a year, budget 10 bn (<= budget / cost)", most, 100,
                       0);
}
