// minimum_wage: a minimum above the wage p10 lifts the p10 to (about) the new minimum in the
// targeted region only.
#include <limits>

#include "../validation_support.hpp"
#include "policy_run.hpp"

using namespace laborsim;
using namespace laborsim::policy_test;

TEST_CASE("minimum_wage raises the wage p10 to the new minimum", "[policy][minimum_wage]") {
    // Every job formal here, so that the floor shows in the wage p10 (informal jobs have none;
    // tests/validation/labour_market_policy_test.cpp runs the two sectors).
    const std::string all_formal =
        "informal_share: {agriculture: 0, industry: 0, services: 0, health: 0, education: 0, digital: 0}";
    // No productivity or price growth either, so that wages stay where the minimum puts them.
    const std::string still = "growth: {inflation: [0], productivity_growth: [0]}\n";
    const auto without = run(base_yaml(still, "2023-12", all_formal));
    const auto with = run(base_yaml(still + R"(policies:
  - id: mw
    type: minimum_wage
    region: a
    steps:
      - {from: 2022-01, wage_vnd: 3500000}
      - {from: 2023-01, wage_vnd: 5000000}
)",
                                    "2023-12", all_formal));
    const std::size_t before = 11, end = with.months.size() - 1;
    const double p10_without = indicator_at(without, end, 0, indicator::wage_p10);
    const double p10_with = indicator_at(with, end, 0, indicator::wage_p10);
    INFO("p10 without " << p10_without << ", with " << p10_with);
    const char* test = "policy_minimum_wage";
    const double context = std::numeric_limits<double>::quiet_NaN();  // shown, not checked
    const double p10_b_without = indicator_at(without, end, 1, indicator::wage_p10);
    const double p10_b_with = indicator_at(with, end, 1, indicator::wage_p10);
    validation::report(
        test, "wage p10, region a, Dec 2021, with - without",
        indicator_at(with, before, 0, indicator::wage_p10) - indicator_at(without, before, 0, indicator::wage_p10), 0,
        0);
    validation::report(test, "wage p10, region a, end, without (VND)", p10_without, context, context);
    validation::report(test, "wage p10, region a, end, without - 5 M minimum (sign)", p10_without - 5e6, 0, 0);
    validation::report(test, "wage p10, region a, end, with (VND; 0.975-1.05 x 5 M)", p10_with, 1.0125 * 5e6,
                       0.0375 * 5e6);
    validation::report(test, "paid below the new minimum, Jan 2023 (sign)", series(with, "mw", "beneficiaries")[24], 0,
                       0);
    validation::report(test, "spending (VND)", total(series(with, "mw", "spending_vnd")), 0, 0);
    validation::report(test, "wage p10, region b, end, with - without (VND)", p10_b_with - p10_b_without, 0,
                       0.03 * p10_b_without);
    CHECK(indicator_at(with, before, 0, indicator::wage_p10) == indicator_at(without, before, 0, indicator::wage_p10));
    CHECK(p10_without < 5e6);
    // Every wage is at least the minimum; the p10 comes from a histogram with 2.5% bins.
    CHECK(p10_with >= 0.975 * 5e6);
    CHECK(p10_with <= 1.05 * 5e6);
    CHECK(series(with, "mw", "minimum_wage_vnd").back() == 5e6);
    CHECK(series(with, "mw", "beneficiaries")[24] > 0);
    CHECK(total(series(with, "mw", "spending_vnd")) == 0);
    // Region b keeps its minimum; its p10 moves only through migration between the regions.
    CHECK(indicator_at(with, end, 1, indicator::wage_p10) ==
          Approx(indicator_at(without, end, 1, indicator::wage_p10)).epsilon(0.03));
}
