// Demography: everyone ages a month; workers leave at the statutory retirement age or by
// death (Gompertz hazard); school leavers enter to replace exits and follow the region's
// labour-force growth.
//   hazard_month(age) = a * exp(b * (age - 15)) / 12
//   entrants_r = exits_r + N_r0 * g_r / 12   (stochastically rounded)
#include <algorithm>
#include <atomic>
#include <cmath>

#include "core/parallel.hpp"
#include "model/phases.hpp"

namespace laborsim {

namespace {

// Releases whatever the leaving worker held (a job, a school seat).
void release_position(world& w, std::size_t i) {
    auto& ws = w.workers;
    const auto status = ws.status_of(i);
    if (status == worker_status::employed && ws.employer[i] != no_employer) w.firms.headcount[ws.employer[i]] -= 1;
    if (status == worker_status::student && ws.employer[i] != no_employer) w.schools.enrolled[ws.employer[i]] -= 1;
}

void add_entrant(world& w, std::size_t r) {
    const auto& sc = *w.sc;
    const auto& spec = sc.regions[r];
    const auto& m = sc.model;
    auto& ws = w.workers;
    const std::uint32_t id = w.next_worker_id++;
    const std::size_t i = ws.push_back(id);
    auto u = w.rng.uniforms(rng_stream::entry, 0, id, 0);
    auto v = w.rng.uniforms(rng_stream::entry, 0, id, 1);
    const bool female = u[2] < m.share_women;
    ws.region[i] = static_cast<std::uint16_t>(r);
    ws.age_months[i] = static_cast<std::uint16_t>(12.0 * (15.0 + 9.0 * u[0]));  // 15-24 years
    ws.flags[i] = static_cast<std::uint8_t>((female ? worker_flag::female : 0) |
                                            (u[3] >= spec.urban_share ? worker_flag::rural : 0));
    // School leavers' levels follow the region's labour-force mix (assumption).
    double acc = 0, total = 0;
    for (double s : spec.education_shares) total += s;
    std::uint8_t level = education_count - 1;
    for (int k = 0; k < education_count; ++k) {
        acc += spec.education_shares[k] / total;
        if (u[1] < acc) { level = static_cast<std::uint8_t>(k); break; }
    }
    ws.level[i] = level;
    acc = 0, total = 0;
    for (double s : spec.field_shares) total += s;
    std::uint8_t field = field_count - 1;
    for (int k = 0; k < field_count; ++k) {
        acc += spec.field_shares[k] / total;
        if (v[0] < acc) { field = static_cast<std::uint8_t>(k); break; }
    }
    ws.field[i] = field;
    ws.skill[i] = static_cast<float>(0.25 * counter_rng::normal(v[1], v[2]) - 0.1);
    ws.status[i] = static_cast<std::uint8_t>(worker_status::unemployed);
    ws.months_in_status[i] = 0;
    const auto& reg = w.regions[r];
    const double potential = 0.8 * reg.productivity_scale * std::exp(ws.skill[i] + w.wage_premium(level));
    ws.wage_vnd[i] = static_cast<std::uint32_t>(std::clamp(std::max(potential, reg.min_wage_vnd), 0.0, 4.0e9));
}

}  // namespace

void run_demography(world& w) {
    const auto& m = w.sc->model;
    auto& ws = w.workers;
    const std::uint32_t month = w.month_key();
    const int retire_men = static_cast<int>(std::lround(m.retirement_age_men * 12));
    const int retire_women = static_cast<int>(std::lround(m.retirement_age_women * 12));
    const double a = m.mortality_gompertz_a / 12.0, b = m.mortality_gompertz_b / 12.0;

    auto leavers = gather_blocks<std::uint32_t>(ws.size(), w.block_size, [&](std::size_t lo, std::size_t hi, auto& out) {
        for (std::size_t i = lo; i < hi; ++i) {
            const int age = ws.age_months[i] + 1;
            ws.age_months[i] = static_cast<std::uint16_t>(age);
            const int retire = ws.has(i, worker_flag::female) ? retire_women : retire_men;
            bool leave = age >= retire;
            if (!leave) {
                const double hazard = a * std::exp(b * (age - 180));
                leave = counter_rng::to_unit(w.rng.words(rng_stream::demography, month, ws.id[i])[0]) < hazard;
            }
            if (leave) out.push_back(static_cast<std::uint32_t>(i));
        }
    });
    // Remove from the highest index down, so a swapped-in worker is never a pending leaver.
    const std::size_t R = w.region_count();
    std::vector<std::int64_t> exits(R, 0);
    for (auto it = leavers.rbegin(); it != leavers.rend(); ++it) {
        release_position(w, *it);
        exits[ws.region[*it]] += 1;
        ws.swap_remove(*it);
    }
    for (std::size_t r = 0; r < R; ++r) {
        w.add_flow(r, flow::exits, exits[r]);
        const double expected = static_cast<double>(exits[r]) + w.regions[r].workers_target_growth;
        const double u = counter_rng::to_unit(w.rng.words(rng_stream::entry, month, static_cast<std::uint32_t>(r), 1)[0]);
        const auto entrants = std::max<std::int64_t>(0, stochastic_round(expected, u));
        for (std::int64_t k = 0; k < entrants; ++k) add_entrant(w, r);
        w.add_flow(r, flow::entries, entrants);
    }
}

}  // namespace laborsim
