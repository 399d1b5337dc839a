// Separations: each employed worker leaves with the exogenous monthly rate s, plus the
// firm's layoff share this month:  P(sep) = s + layoffs_f / headcount_f.
// The reservation wage then decays with months unemployed (world::reservation_wage).
// In the same pass, an employee who stays ends a formal match whose net productivity fell
// below the minimum wage (formality.cpp); the two rules read only the worker and its firm.
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
    const minimum_wage_test below_minimum(w);
    // Layoff shares are fixed before anyone leaves, so the order of leaving cannot matter.
    std::vector<float> layoff_share(fs.size());
    for_blocks(fs.size(), w.block_size, [&](std::size_t b, std::size_t e) {
        for (std::size_t f = b; f < e; ++f)
            layoff_share[f] =
                fs.headcount[f] > 0 ? static_cast<float>(fs.layoffs[f]) / static_cast<float>(fs.headcount[f]) : 0.f;
    });
    const auto seps =
        count_blocks(ws.size(), w.block_size, 3 * w.region_count(), [&](std::size_t b, std::size_t e, std::int64_t* c) {
            for_each_drawn_if(
                w.rng, draws::separations::separation, month, ws.id.data(), b, e,
                [&](std::size_t i) { return ws.status[i] == static_cast<std::uint8_t>(worker_status::employed); },
                [&](std::size_t i, const draw_words& d, std::size_t j) {
                    const auto f = ws.employer[i];
                    const double p = m.separation_rate + layoff_share[f];
                    const double u = d.unit(j, 0);
                    const bool separates = u < p;
                    if (!separates && !below_minimum.below(w, i)) return;
                    std::atomic_ref<std::int32_t>(fs.headcount[f]).fetch_sub(1, std::memory_order_relaxed);
                    ws.status[i] = static_cast<std::uint8_t>(worker_status::unemployed);
                    ws.employer[i] = no_employer;
                    ws.months_in_status[i] = 0;
                    ws.set(i, worker_flag::mismatched, false);
                    if (separates) {
                        c[3 * ws.region[i]] += 1;
                        c[3 * ws.region[i] + 1] += u >= m.separation_rate;  // beyond the exogenous rate: a layoff
                    } else {
                        c[3 * ws.region[i] + 2] += 1;
                    }
                });
        });
    w.add_flows(seps, {flow::separations, flow::layoffs, flow::minimum_wage_separations});
    for (std::size_t r = 0; r < w.region_count(); ++r) w.add_flow(r, flow::separations, seps[3 * r + 2]);
}

}  // namespace laborsim
