// Migration: each labour-force member considers a move with a monthly probability; the
// destination is a logit over regions j from origin o:
//   V_oj = w_inc * ln(income_j) + amenity_j + incentive_j + incentive_j,g - c_d * distance_oj + [j = o] * stay
//   (incentive_j,g: utility policies add for the mover's (level, field) group g)
//   income_j = last month's mean wage_j * (1 - unemployment rate_j)
// A worker held by a policy's commitment (a talent bonus, a return obligation) that would be
// repaid on leaving the policy's regions weighs that repayment like lost income:
//   V_oj -= w_inc * ln(1 + leave_cost / income_o)   for j outside the policy's regions
// (leave_cost: the policy's clawback per month of commitment, VND; policy_state).
// A mover who was employed quits and searches in the new region.
#include <atomic>
#include <cmath>

#include "core/draw_slots.hpp"
#include "core/parallel.hpp"
#include "core/rng_batch.hpp"
#include "model/phases.hpp"

namespace laborsim {

namespace {

// Cumulative logit choice probabilities of the utilities v[0..R), into cdf[0..R).
void logit_cdf(const double* v, std::size_t R, double* cdf) {
    double vmax = -1e300;
    for (std::size_t j = 0; j < R; ++j) vmax = std::max(vmax, v[j]);
    double acc = 0;
    for (std::size_t j = 0; j < R; ++j) {
        acc += std::exp(v[j] - vmax);
        cdf[j] = acc;
    }
    for (std::size_t j = 0; j < R; ++j) cdf[j] /= acc;
}

std::size_t pick_from_cdf(const double* cdf, std::size_t R, double u) {
    std::size_t j = 0;
    while (j + 1 < R && u >= cdf[j]) ++j;
    return j;
}

// Destination of a committed worker at origin o: the logit of `utility` (row of R values)
// less the leave cost outside the regions of policy k. Rare, so computed per worker.
std::size_t committed_destination(const world& w, std::size_t o, const double* utility, std::size_t k, double u) {
    const auto& st = w.policies[k];
    const std::size_t R = w.region_count();
    const double income = std::max(1.0, w.regions[o].expected_income);
    const double cost = w.sc->model.migration_income_weight * std::log1p(st.leave_cost_vnd_month / income);
    std::vector<double> v(utility, utility + R), cdf(R);
    for (std::size_t j = 0; j < R; ++j)
        if (!st.region_on[j]) v[j] -= cost;
    logit_cdf(v.data(), R, cdf.data());
    return pick_from_cdf(cdf.data(), R, u);
}

bool committed_here(const world& w, std::size_t i) {
    const auto k = w.workers.tag_policy[i];
    return k != no_policy && w.policies[k].leave_cost_vnd_month > 0 && w.policies[k].region_on[w.workers.region[i]];
}

}  // namespace

void run_migration(world& w) {
    const auto& m = w.sc->model;
    const std::size_t R = w.region_count();
    if (R < 2 || m.migration_rate <= 0) return;
    // The choice depends on the origin only, so each origin's CDF is computed once; when a
    // policy (talent_attraction) adds utility for some (level, field) groups, once per group.
    bool by_group = false;
    for (const auto& reg : w.regions)
        for (float x : reg.group_incentive) by_group = by_group || x != 0.f;
    const std::size_t G = by_group ? static_cast<std::size_t>(education_count * field_count) : 1;
    std::vector<double> cdf(R * G * R);
    std::vector<double> utility(R * G * R);  // V_oj by (origin, group), for committed workers
    for (std::size_t o = 0; o < R; ++o) {
        for (std::size_t g = 0; g < G; ++g) {
            double* v = &utility[(o * G + g) * R];
            for (std::size_t j = 0; j < R; ++j) {
                v[j] = m.migration_income_weight * std::log(std::max(1.0, w.regions[j].expected_income)) +
                       w.sc->regions[j].amenity + w.regions[j].migration_incentive +
                       (by_group ? w.regions[j].group_incentive[g] : 0.0) -
                       m.migration_distance_cost * w.distance_km[o * R + j] + (j == o ? m.migration_stay_bonus : 0.0);
            }
            logit_cdf(v, R, &cdf[(o * G + g) * R]);
        }
    }
    auto& ws = w.workers;
    auto& fs = w.firms;
    const std::uint32_t month = w.month_key();
    const auto moves = count_blocks(ws.size(), w.block_size, 2 * R, [&](std::size_t b, std::size_t e, std::int64_t* c) {
        for_each_drawn_if(
            w.rng, draws::migration::move, month, ws.id.data(), b, e,
            [&](std::size_t i) { return ws.in_labor_force(i) & (ws.course[i] == no_course); },
            [&](std::size_t i, const draw_words& d, std::size_t jd) {
                if (d.unit(jd, 0) >= m.migration_rate) return;
                const double u1 = d.unit(jd, 1);
                const std::size_t o = ws.region[i];
                const std::size_t g = by_group ? static_cast<std::size_t>(ws.level[i]) * field_count + ws.field[i] : 0;
                const std::size_t j = committed_here(w, i)
                                          ? committed_destination(w, o, &utility[(o * G + g) * R], ws.tag_policy[i], u1)
                                          : pick_from_cdf(&cdf[(o * G + g) * R], R, u1);
                if (j == o) return;
                if (ws.status[i] == static_cast<std::uint8_t>(worker_status::employed)) {
                    std::atomic_ref<std::int32_t>(fs.headcount[ws.employer[i]]).fetch_sub(1, std::memory_order_relaxed);
                    ws.status[i] = static_cast<std::uint8_t>(worker_status::unemployed);
                    ws.employer[i] = no_employer;
                    ws.months_in_status[i] = 0;
                    ws.set(i, worker_flag::mismatched, false);
                }
                ws.region[i] = static_cast<std::uint16_t>(j);
                ws.set(i, worker_flag::moved, true);  // policy hook: talent_attraction pays movers
                c[o * 2 + 1] += 1;                    // out of o
                c[j * 2 + 0] += 1;                    // into j
            });
    });
    w.add_flows(moves, {flow::migration_in, flow::migration_out});
}

}  // namespace laborsim
