// Separations: each employed worker leaves with the exogenous monthly rate s, plus the
// firm's layoff share this month:  P(sep) = s + layoffs_f / headcount_f.
// The reservation wage then decays with months unemployed (world::reservation_wage).
// Then formal matches below the minimum wage end (formality.cpp).
#include <atomic>
#include <vector>

#include "core/draw_slots.hpp"
#include "core/parallel.hpp"
#include "core/rng_batch.hpp"
#include "model/formality.hpp"
#include "model/phases.hpp"

namespace laborsim {

void run_separations(world& w) {
    const auto& m = w.sc->model;
    auto& ws = w.workers;
    auto& fs = w.firms;
    const std::uint32_t month = w.month_key();
    // Layoff shares are fixed before anyone leaves, so the order of leaving cannot matter.
    std::vector<float> layoff_share(fs.size());
    for_blocks(fs.size(), w.block_size, [&](std::size_t b, std::size_t e) {
        for (std::size_t f = b; f < e; ++f)
            layoff_share[f] =
                fs.headcount[f] > 0 ? static_cast<float>(fs.layoffs[f]) / static_cast<float>(fs.headcount[f]) : 0.f;
    });
    const auto seps =
        count_blocks(ws.size(), w.block_size, 2 * w.region_count(), [&](std::size_t b, std::size_t e, std::int64_t* c) {
            for_each_drawn(w.rng, draws::separations::separation, month, ws.id.data(), b, e,
                           [&](std::size_t i, const draw_words& d, std::size_t j) {
                               if (ws.status[i] != static_cast<std::uint8_t>(worker_status::employed)) return;
                               const auto f = ws.employer[i];
                               const double p = m.separation_rate + layoff_share[f];
                               const double u = d.unit(j, 0);
                               if (u >= p) return;
                               std::atomic_ref<std::int32_t>(fs.headcount[f]).fetch_sub(1, std::memory_order_relaxed);
                               ws.status[i] = static_cast<std::uint8_t>(worker_status::unemployed);
                               ws.employer[i] = no_employer;
                               ws.months_in_status[i] = 0;
                               ws.set(i, worker_flag::mismatched, false);
                               c[2 * ws.region[i]] += 1;
                               c[2 * ws.region[i] + 1] +=
                                   u >= m.separation_rate;  // beyond the exogenous rate: a layoff
                           });
        });
    w.add_flows(seps, {flow::separations, flow::layoffs});
    dissolve_formal_matches_below_minimum(w);
}

}  // namespace laborsim
