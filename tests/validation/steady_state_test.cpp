// The flow steady state of a two-state labour market: with a constant separation rate s
// and a constant job-finding rate f (validation mode, nothing else moving people), the
// unemployment rate follows u_t = u* + (u_0 - u*) (1 - s' - f)^t toward u* = s' / (s' + f).
// In a month, separations come before matching, so a worker separated this month may be
// hired again in it: the monthly probability of moving from employment into unemployment
// is s' = s (1 - f), and s' / (s' + f) is the discrete-time form of s / (s + f).
#include <catch2/catch.hpp>

#include "validation_support.hpp"

using namespace laborsim;
using namespace laborsim::validation;

TEST_CASE("unemployment converges to s / (s + f) with fixed separation and job-finding rates", "[validation]") {
    constexpr double s = 0.02, f = 0.2, N = 40000;
    auto sc = base_scenario(120);
    sc.regions = {make_region("only", N, 21, 105.8)};
    sc.regions[0].unemployment_rate = 0.02;
    sc.regions[0].labor_force_growth = 0;
    sc.regions[0].min_wage_vnd = 0;  // no formal matches ending under a minimum: s is the only separation
    close_the_market(sc.model);
    sc.model.separation_rate = s;
    sc.model.fixed_job_finding_rate = f;

    const auto rec = run(sc);
    const double s_net = s * (1 - f);
    const double u_star = s_net / (s_net + f);
    const double u0 = static_cast<double>(rec.initial_unemployed) / static_cast<double>(rec.initial_labor_force);
    const double rho = 1 - s_net - f;
    const double month_sd = std::sqrt(u_star * (1 - u_star) / N);

    // The path: each of the first months against the difference equation.
    for (std::size_t t = 0; t < 6; ++t) {
        const double expected = u_star + (u0 - u_star) * std::pow(rho, static_cast<double>(t + 1));
        const double measured = rec.value(t, 0, indicator::unemployment_rate);
        CHECK(std::abs(measured - expected) < 4 * month_sd);
        if (t == 0 || t == 5)
            report("steady_state", t == 0 ? "u after 1 month" : "u after 6 months", measured, expected, 4 * month_sd);
    }
    // The level: the mean over months 24-119. Months are autocorrelated (rho), which
    // leaves about n (1 - rho) / (1 + rho) independent observations.
    double sum = 0, f_sum = 0;
    const std::size_t first = 24, n = rec.months.size() - first;
    for (std::size_t t = first; t < rec.months.size(); ++t) {
        sum += rec.value(t, 0, indicator::unemployment_rate);
        f_sum += rec.value(t, 0, indicator::job_finding_rate);
    }
    const double mean_u = sum / static_cast<double>(n), mean_f = f_sum / static_cast<double>(n);
    const double effective_n = static_cast<double>(n) * (1 - rho) / (1 + rho);
    const double tol = 4 * month_sd / std::sqrt(effective_n);
    report("steady_state", "mean u, months 24-119 (u* = s'/(s'+f))", mean_u, u_star, tol);
    CHECK(std::abs(mean_u - u_star) < tol);
    // The job-finding rate the statistics report is the one imposed.
    const double f_tol = 4 * std::sqrt(f * (1 - f) / (u_star * N * static_cast<double>(n)));
    report("steady_state", "mean job-finding rate", mean_f, f, f_tol);
    CHECK(std::abs(mean_f - f) < f_tol);
}
