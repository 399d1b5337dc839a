// The statistics behind `laborsim compare`, against values computed by hand and with an
// independent implementation (scipy.stats), and t quantiles against closed forms.
#include <catch2/catch.hpp>
#include <cmath>

#include "laborsim/compare.hpp"
#include "laborsim/errors.hpp"

using namespace laborsim;

TEST_CASE("student_t_quantile matches closed forms and tables", "[compare]") {
    // Closed forms (Hill 1970): dof 1 is Cauchy, t = tan(pi (p - 1/2)); dof 2 gives
    // t = (2p - 1) / sqrt(2 p (1 - p)); dof 4 gives t = 2 sqrt(q - 1) with
    // q = cos(arccos(sqrt(a)) / 3) / sqrt(a), a = 4 p (1 - p).
    const double pi = std::acos(-1.0);
    for (double p : {0.6, 0.9, 0.975, 0.995}) {
        CHECK(student_t_quantile(p, 1) == Approx(std::tan(pi * (p - 0.5))).epsilon(1e-13));
        CHECK(student_t_quantile(p, 2) == Approx((2 * p - 1) / std::sqrt(2 * p * (1 - p))).epsilon(1e-13));
        const double a = 4 * p * (1 - p), q = std::cos(std::acos(std::sqrt(a)) / 3) / std::sqrt(a);
        CHECK(student_t_quantile(p, 4) == Approx(2 * std::sqrt(q - 1)).epsilon(1e-13));
    }
    // Printed tables (and scipy.stats.t.ppf) to the digits they give.
    CHECK(student_t_quantile(0.975, 9) == Approx(2.262157163).epsilon(1e-9));
    CHECK(student_t_quantile(0.975, 29) == Approx(2.045229642).epsilon(1e-9));
    CHECK(student_t_quantile(0.95, 2.5) == Approx(2.5582186141).epsilon(1e-9));
    CHECK(student_t_quantile(0.5, 7) == Approx(0.0).margin(1e-14));
    CHECK(student_t_quantile(0.025, 4) == Approx(-student_t_quantile(0.975, 4)).epsilon(1e-14));
    CHECK_THROWS_AS(student_t_quantile(1.0, 3), internal_error);
    CHECK_THROWS_AS(student_t_quantile(0.9, 0), internal_error);
}

TEST_CASE("paired_difference: mean, sd and t half-width of the differences", "[compare]") {
    // d = {2, 3, 2, 3}: mean 2.5, sd = sqrt(1/3), half-width = t_{0.975,3} sd / 2.
    const std::vector<double> base{10, 12, 11, 13}, variant{12, 15, 13, 16};
    const auto e = paired_difference(base, variant);
    CHECK(e.n == 4);
    CHECK(e.mean == Approx(2.5));
    CHECK(e.sd == Approx(std::sqrt(1.0 / 3.0)));
    CHECK(e.dof == 3);
    CHECK(e.half_width == Approx(3.182446305284263 * std::sqrt(1.0 / 3.0) / 2).epsilon(1e-12));
    CHECK(e.half_width == Approx(0.9186931155186995).epsilon(1e-12));
    CHECK(e.low == Approx(2.5 - e.half_width));
    CHECK(e.high == Approx(2.5 + e.half_width));
    CHECK(e.p_value == Approx(0.0032390370765444155).epsilon(1e-9));
    CHECK(e.excludes_zero());
    CHECK_THROWS_AS(paired_difference({1, 2}, {1}), internal_error);
}

TEST_CASE("pairing removes the noise both runs share", "[compare]") {
    // A common shock per seed of +-100 and a constant effect of 1: the paired interval is
    // exact (sd 0), the unpaired one is wide.
    const std::vector<double> base{100, -100, 50, -50}, variant{101, -99, 51, -49};
    const auto paired = paired_difference(base, variant);
    CHECK(paired.mean == Approx(1.0));
    CHECK(paired.half_width == Approx(0.0).margin(1e-12));
    CHECK(paired.p_value == 0.0);
    const auto welch = welch_difference(base, variant);
    CHECK(welch.mean == Approx(1.0));
    CHECK(welch.half_width > 100);
    CHECK_FALSE(welch.excludes_zero());
}

TEST_CASE("welch_difference: Welch-Satterthwaite dof and half-width", "[compare]") {
    const std::vector<double> base{1, 2, 3}, variant{2, 4, 6, 8};
    const auto e = welch_difference(base, variant);
    CHECK(e.mean == Approx(3.0));
    CHECK(e.dof == Approx(4.075471698113207).epsilon(1e-12));
    CHECK(e.half_width == Approx(3.897975451083134).epsilon(1e-10));
    CHECK(e.p_value == Approx(0.0999128643118008).epsilon(1e-9));
    CHECK(std::isnan(e.sd));
}

TEST_CASE("mean_interval of one observation has no interval", "[compare]") {
    const auto e = mean_interval({4.0});
    CHECK(e.n == 1);
    CHECK(e.mean == 4.0);
    CHECK(std::isnan(e.half_width));
    CHECK(std::isnan(e.p_value));
    CHECK_FALSE(e.excludes_zero());
    CHECK(mean_interval({}).n == 0);
}

TEST_CASE("a higher confidence level gives a wider interval", "[compare]") {
    const std::vector<double> x{1, 3, 2, 5, 4};
    CHECK(mean_interval(x, 0.99).half_width > mean_interval(x, 0.95).half_width);
    CHECK(mean_interval(x, 0.95).half_width > mean_interval(x, 0.80).half_width);
}
