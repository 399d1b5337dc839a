// Public employers staff to a norm per 10,000 people: raising the norm of a field (the
// lever a public-recruitment policy pulls) makes its public employers hire toward the
// new ratio, and the region's doctors per 10,000 rise with it.
#include <catch2/catch.hpp>

#include "model/phases.hpp"
#include "validation_support.hpp"

using namespace laborsim;
using namespace laborsim::validation;

namespace {

struct health_staff {
    double public_per_10k = 0;  // public health staff per 10,000 population
    double doctors = 0;         // employed health workers at university level or above
};

health_staff run_months(world& w, int months) {
    month_stats stats;
    for (int t = 0; t < months; ++t) {
        w.t = t;
        w.now = year_month::from_index(w.sc->calendar.start.index() + t);
        for (auto& f : w.flows) f.fill(0);
        run_demography(w);
        run_firms(w);
        run_education(w);
        run_separations(w);
        run_participation(w);
        run_migration(w);
        run_matching(w);
        run_wages_and_learning(w);
        collect_statistics(w, stats);
        update_region_state(w, stats);
    }
    health_staff out;
    double staff = 0;
    for (std::size_t f = 0; f < w.firms.size(); ++f)
        if (w.firms.is_public[f] && w.firms.field[f] == static_cast<std::uint8_t>(field_kind::health))
            staff += w.firms.headcount[f];
    const double population = w.sc->regions[0].population * static_cast<double>(w.regions[0].population_agents) /
                              static_cast<double>(w.regions[0].population_agents_initial);
    out.public_per_10k = staff / w.scale / population * 1e4;
    out.doctors = stats.at(0, indicator::doctors_per_10k);
    return out;
}

}  // namespace

TEST_CASE("public employers hire toward their staffing norm", "[validation]") {
    auto sc = base_scenario(36);
    sc.regions = {make_region("only", 40000, 21, 105.8)};
    sc.regions[0].field_shares = {0.3, 0.2, 0.3, 0.1, 0.05, 0.05};
    // Many health-trained people in search of work, so hiring is not held back by supply.
    sc.regions[0].unemployment_rate = 0.08;
    sc.regions[0].min_wage_vnd = 0;  // the norm, not the minimum wage, sets public hiring here
    // Social insurance lowers what a public match is worth to the employer (p / (1 + s)), so fewer
    // meetings have a surplus and the raised norm takes longer than 36 months to reach.
    sc.model.social_insurance_rate = 0;
    sc.model.migration_rate = 0;

    world base = build_world(sc, 4096);
    world raised = build_world(sc, 4096);
    const double norm0 = raised.regions[0].public_staff_per_10k[static_cast<int>(field_kind::health)];
    raised.regions[0].public_staff_per_10k[static_cast<int>(field_kind::health)] = 1.2 * norm0;
    const auto b = run_months(base, 36);
    const auto r = run_months(raised, 36);
    report("public_norm", "public health staff per 10k (norm kept)", b.public_per_10k, norm0, 0.05 * norm0);
    report("public_norm", "public health staff per 10k (norm +20%)", r.public_per_10k, 1.2 * norm0, 0.05 * norm0);
    report("public_norm", "doctors per 10k: norm +20% vs kept", r.doctors, b.doctors, 0);
    CHECK(std::abs(b.public_per_10k - norm0) < 0.05 * norm0);
    CHECK(std::abs(r.public_per_10k - 1.2 * norm0) < 0.05 * norm0);
    CHECK(r.doctors > b.doctors);
}
