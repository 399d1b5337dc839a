// Migration answers wages: raising one region's wages (everything else equal, same seed)
// raises its net in-migration.
#include <catch2/catch.hpp>

#include "validation_support.hpp"

using namespace laborsim;
using namespace laborsim::validation;

namespace {

double net_in_migration(const recorder& rec, std::size_t r) {
    double net = 0;
    for (std::size_t t = 0; t < rec.months.size(); ++t)
        net += rec.value(t, r, indicator::migration_in) - rec.value(t, r, indicator::migration_out);
    return net;
}

double gross_moves(const recorder& rec, std::size_t r) {
    double g = 0;
    for (std::size_t t = 0; t < rec.months.size(); ++t)
        g += rec.value(t, r, indicator::migration_in) + rec.value(t, r, indicator::migration_out);
    return g;
}

}  // namespace

TEST_CASE("raising one region's wages raises its net in-migration", "[validation]") {
    auto sc = base_scenario(36);
    sc.regions = {make_region("a", 15000, 21.0, 105.8), make_region("b", 15000, 21.3, 106.2),
                  make_region("c", 15000, 20.8, 106.6)};
    sc.model.migration_rate = 0.005;
    auto richer = sc;
    richer.regions[1].mean_wage_vnd *= 1.3;

    const auto base = run(sc);
    const auto variant = run(richer);
    const double before = net_in_migration(base, 1), after = net_in_migration(variant, 1);
    // Poisson noise of the two net flows, as if the runs were independent (they share the
    // seed, so the true noise is smaller).
    const double noise = std::sqrt(gross_moves(base, 1) + gross_moves(variant, 1));
    report("migration", "net in-migration to b, 36 months (baseline)", before, 0, noise);
    report("migration", "net in-migration to b, wages +30%", after, before, 4 * noise);
    CHECK(after - before > 4 * noise);
}
