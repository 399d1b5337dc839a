// Schools: admissions never exceed seats (capacity binds when applicants are many), and
// graduates equal admissions times the completion rate, whatever part of the
// non-completion happens during the program.
#include <catch2/catch.hpp>

#include "validation_support.hpp"

using namespace laborsim;
using namespace laborsim::validation;

namespace {

scenario school_scenario(double completion, int program_months, double seats_per_year) {
    auto sc = base_scenario(72);
    sc.regions = {make_region("only", 30000, 21, 105.8)};
    close_the_market(sc.model);  // no deaths or retirements: every student graduates or drops out
    sc.model.application_rate_young = 0.2;
    sc.model.application_rate_adult = 0.05;
    sc.model.progression_rate = 0;
    auto s = make_school("college", "only", school_kind::vocational_college, seats_per_year, program_months);
    s.completion_rate = completion;
    sc.schools = {s};
    return sc;
}

}  // namespace

TEST_CASE("admissions never exceed seats, and fill them when applicants are many", "[validation]") {
    const double seats_per_year = 1000;  // 83.3 a month: the fraction carries over
    const auto sc = school_scenario(0.8, 6, seats_per_year);
    const auto rec = run(sc);
    double admitted = 0, by_level = 0;
    std::int64_t worst_month = 0;
    for (std::size_t t = 0; t < rec.months.size(); ++t) {
        const auto a = rec.agents(t, 0, indicator::enrolments, sc.scale);
        admitted += static_cast<double>(a);
        for (double x : rec.months[t].enrolments_by_education[0]) by_level += x;
        worst_month = std::max(worst_month, a);
        // Seats carried over are only the fraction of one: never more than ceil(seats / 12).
        CHECK(a <= static_cast<std::int64_t>(std::ceil(seats_per_year / 12)));
        // Cumulative admissions never run ahead of cumulative seats.
        CHECK(admitted <= seats_per_year * static_cast<double>(t + 1) / 12 + 1e-9);
    }
    const double seats = seats_per_year * static_cast<double>(rec.months.size()) / 12;
    report("admissions", "max admissions in a month (cap ceil(1000/12))", static_cast<double>(worst_month), 84, 0);
    report("admissions", "admissions over 72 months (seats 6000)", admitted, seats, 1);
    CHECK(admitted >= seats - 1.0);  // oversubscribed: every seat is used (the carried fraction lags by under one)
    CHECK(by_level == Approx(admitted));
}

TEST_CASE("graduates equal admissions times the completion rate", "[validation]") {
    const double c = 0.7;
    const int T = 6;
    const auto sc = school_scenario(c, T, 1200);
    const auto rec = run(sc);
    // Admitted in month t, a student graduates in month t + T; so graduates in months
    // [T, T + n) come from admissions in months [0, n).
    const std::size_t n = rec.months.size() - T;
    double admitted = 0, graduated = 0;
    for (std::size_t t = 0; t < n; ++t) admitted += rec.value(t, 0, indicator::enrolments);
    for (std::size_t t = T; t < T + n; ++t) {
        graduated += rec.value(t, 0, indicator::graduates);
    }
    const double expected = admitted * c;
    const double tol = 4 * std::sqrt(admitted * c * (1 - c));
    report("graduation", "graduates from 66 monthly intakes", graduated, expected, tol);
    CHECK(std::abs(graduated - expected) < tol);
    // Graduates reach the school's level (college).
    double college = 0;
    for (std::size_t t = T; t < T + n; ++t)
        college += rec.months[t].graduates_by_education[0][static_cast<int>(education_level::college)];
    CHECK(college == Approx(graduated));
}
