// Migration: each labour-force member considers a move with a monthly probability; the
// destination is a logit over regions j from origin o:
//   V_oj = w_inc * ln(income_j) + amenity_j + incentive_j - c_d * distance_oj + [j = o] * stay
//   income_j = last month's mean wage_j * (1 - unemployment rate_j)
// A mover who was employed quits and searches in the new region.
#include <atomic>
#include <cmath>

#include "core/parallel.hpp"
#include "model/phases.hpp"

namespace laborsim {

void run_migration(world& w) {
    const auto& m = w.sc->model;
    const std::size_t R = w.region_count();
    if (R < 2 || m.migration_rate <= 0) return;
    // The choice depends on the origin only, so each origin's CDF is computed once.
    std::vector<double> cdf(R * R);
    for (std::size_t o = 0; o < R; ++o) {
        double vmax = -1e300;
        std::vector<double> v(R);
        for (std::size_t j = 0; j < R; ++j) {
            v[j] = m.migration_income_weight * std::log(std::max(1.0, w.regions[j].expected_income)) +
                   w.sc->regions[j].amenity + w.regions[j].migration_incentive -
                   m.migration_distance_cost * w.distance_km[o * R + j] + (j == o ? m.migration_stay_bonus : 0.0);
            vmax = std::max(vmax, v[j]);
        }
        double acc = 0;
        for (std::size_t j = 0; j < R; ++j) {
            acc += std::exp(v[j] - vmax);
            cdf[o * R + j] = acc;
        }
        for (std::size_t j = 0; j < R; ++j) cdf[o * R + j] /= acc;
    }
    auto& ws = w.workers;
    auto& fs = w.firms;
    const std::uint32_t month = w.month_key();
    const auto moves = count_blocks(ws.size(), w.block_size, 2 * R, [&](std::size_t b, std::size_t e, std::int64_t* c) {
        for (std::size_t i = b; i < e; ++i) {
            if (!ws.in_labor_force(i) || ws.course[i] != no_course) continue;
            auto u = w.rng.uniforms(rng_stream::migration, month, ws.id[i]);
            if (u[0] >= m.migration_rate) continue;
            const std::size_t o = ws.region[i];
            const double* row = &cdf[o * R];
            std::size_t j = 0;
            while (j + 1 < R && u[1] >= row[j]) ++j;
            if (j == o) continue;
            if (ws.status[i] == static_cast<std::uint8_t>(worker_status::employed)) {
                std::atomic_ref<std::int32_t>(fs.headcount[ws.employer[i]]).fetch_sub(1, std::memory_order_relaxed);
                ws.status[i] = static_cast<std::uint8_t>(worker_status::unemployed);
                ws.employer[i] = no_employer;
                ws.months_in_status[i] = 0;
                ws.set(i, worker_flag::mismatched, false);
            }
            ws.region[i] = static_cast<std::uint16_t>(j);
            c[o * 2 + 1] += 1;  // out of o
            c[j * 2 + 0] += 1;  // into j
        }
    });
    w.add_flows(moves, {flow::migration_in, flow::migration_out});
}

}  // namespace laborsim
