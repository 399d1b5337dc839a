// Demand shocks trace a Beveridge curve: when a region's firms want more workers,
// vacancies rise and unemployment falls, and the other way round, so over time the
// vacancy rate and the unemployment rate move in opposite directions.
#include <catch2/catch.hpp>

#include "validation_support.hpp"

using namespace laborsim;
using namespace laborsim::validation;

namespace {

double correlation(const std::vector<double>& x, const std::vector<double>& y) {
    const auto n = static_cast<double>(x.size());
    double mx = 0, my = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        mx += x[i];
        my += y[i];
    }
    mx /= n;
    my /= n;
    double sxy = 0, sxx = 0, syy = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        sxy += (x[i] - mx) * (y[i] - my);
        sxx += (x[i] - mx) * (x[i] - mx);
        syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / std::sqrt(sxx * syy);
}

}  // namespace

TEST_CASE("aggregate productivity shocks trace a downward-sloping Beveridge curve", "[validation]") {
    auto sc = base_scenario(240);
    sc.regions = {make_region("only", 30000, 21, 105.8)};
    sc.model.aggregate_shock_sd = 0.03;
    sc.model.migration_rate = 0;

    const auto rec = run(sc);
    std::vector<double> u, v;
    for (std::size_t t = 24; t < rec.months.size(); ++t) {
        const double vac = rec.value(t, 0, indicator::vacancies), emp = rec.value(t, 0, indicator::employed);
        u.push_back(rec.value(t, 0, indicator::unemployment_rate));
        v.push_back(vac / (vac + emp));
    }
    const double rho = correlation(u, v);
    report("beveridge", "corr(vacancy rate, unemployment rate)", rho, -1, 0.7);
    // A negative sign is the theory; -0.3 keeps clear of sampling noise in 216 months.
    CHECK(rho < -0.3);
}
