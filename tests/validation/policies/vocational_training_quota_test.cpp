// vocational_training_quota: S seats a year for Y years with completion c train about S*Y*c
// people, and the region's stock of trained workers rises by about that much.
#include "../validation_support.hpp"
#include "policy_run.hpp"

using namespace laborsim;
using namespace laborsim::policy_test;

namespace {

const char* quota(const char* budget) {
    static std::string text;
    text = std::string(R"(policies:
  - id: q
    type: vocational_training_quota
    region: a
    target: {max_level: none}
    seats_per_year: 6000
    course_level: short_course
    course_months: 3
    completion_rate: 0.9
    cost_per_trainee_vnd: 4000000
    start: 2021-01
    end: 2022-12
)") + budget;
    return text.c_str();
}

double trained_stock(const run_record& r, std::size_t t, std::size_t region) {
    double s = 0;
    for (int k = 1; k < education_count; ++k) s += r.months.at(t).labor_force_by_education[region][k];
    return s;
}

}  // namespace

TEST_CASE("vocational_training_quota trains about seats x years x completion", "[policy][vocational_training_quota]") {
    const auto without = run(base_yaml(""));
    const auto with = run(base_yaml(quota("")));
    const double expected = 6000.0 * 2 * 0.9;
    const double trained = total(series(with, "q", "trained"));
    const double starts = total(series(with, "q", "beneficiaries"));
    const std::size_t end = with.months.size() - 1;
    const double stock_gain = trained_stock(with, end, 0) - trained_stock(without, end, 0);
    INFO("course starts " << starts << ", trained " << trained << " (expected " << expected << "), stock gain "
                          << stock_gain);
    const double other_gain = trained_stock(with, end, 1) - trained_stock(without, end, 1);
    const char* test = "policy_vocational_training_quota";
    validation::report(test, "course starts", starts, 12000, 120);
    validation::report(test, "trained (seats x years x completion)", trained, expected, 0.05 * expected);
    validation::report(test, "trained stock, region a, with - without (0.85-1.05 x trained expected)", stock_gain,
                       0.95 * expected, 0.1 * expected);
    validation::report(test, "trained stock, region b, with - without", other_gain, 0, 0.02 * expected);
    CHECK(starts == Approx(12000).epsilon(0.01));
    CHECK(trained == Approx(expected).epsilon(0.05));
    // Trained workers stay trained; a few retire, die or move out within a year of the end.
    CHECK(stock_gain > 0.85 * expected);
    CHECK(stock_gain < 1.05 * expected);
    // Region b is not targeted.
    CHECK(std::abs(other_gain) < 0.02 * expected);
}

TEST_CASE("vocational_training_quota spending stays within the annual budget",
          "[policy][vocational_training_quota][budget]") {
    // 12 bn VND a year pays for 3,000 trainees at 4 M VND: half the seats.
    const auto with = run(base_yaml(quota("    annual_budget_vnd: 12000000000\n")));
    check_budget(with, "q", 12e9);
    const auto years = spending_by_year(with, "q");
    const double starts = total(series(with, "q", "beneficiaries"));
    const char* test = "policy_vocational_training_quota";
    validation::report(test, "spending in 2021 (VND), budget 12 bn", years[0], 12e9, 0.01 * 12e9);
    validation::report(test, "course starts, budget for half the seats", starts, 6000, 60);
    CHECK(years[0] == Approx(12e9).epsilon(0.01));
    CHECK(starts == Approx(6000).epsilon(0.01));
}
