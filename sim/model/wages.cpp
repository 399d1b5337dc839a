// Wages and human capital: the employed learn on the job and their wage follows their
// skill (the match's productivity rises by the same log points, so the wage keeps its
// place between the reservation wage and productivity); the unemployed lose skill; no one
// in a formal job is paid under the regional minimum wage (informal jobs have no floor).
// Existing wages also follow the region's productivity path and the level premiums
// (productivity.cpp), for the same reason. Students' and those abroad's months in status are
// counted by the education phase.
//   skill += learning (employed),  skill -= depreciation (unemployed)
//   wage *= exp(learning) (P_r,t / P_r,t-1) exp(b_l,t - b_l,t-1)  then  wage = max(wage, min wage_r) in formal jobs
#include <algorithm>
#include <array>
#include <cmath>

#include "core/parallel.hpp"
#include "core/units.hpp"
#include "model/phases.hpp"

namespace laborsim {

void run_wages_and_learning(world& w) {
    const auto& m = w.sc->model;
    auto& ws = w.workers;
    const float learn = static_cast<float>(m.learning_rate);
    const float depreciate = static_cast<float>(m.depreciation_rate);
    const double wage_growth = std::exp(m.learning_rate);
    std::array<double, education_count> level_step{};
    for (std::size_t l = 0; l < education_count; ++l) level_step[l] = std::exp(w.level_premium_step[l]);
    for_blocks(ws.size(), w.block_size, [&](std::size_t b, std::size_t e) {
        for (std::size_t i = b; i < e; ++i) {
            const auto st = ws.status[i];
            if (st == static_cast<std::uint8_t>(worker_status::employed)) {
                ws.skill[i] += learn;
                const auto& reg = w.regions[ws.region[i]];
                const double step = wage_growth * reg.wage_index_step * level_step[ws.level[i]];
                const double floor = w.firms.is_formal[ws.employer[i]] ? reg.min_wage_vnd : 0.0;
                const double wage = std::max(ws.wage_vnd[i] * step, floor);
                ws.wage_vnd[i] = static_cast<std::uint32_t>(std::min(wage, wage_cap_vnd_month));
            } else if (st == static_cast<std::uint8_t>(worker_status::unemployed)) {
                ws.skill[i] -= depreciate;
            }
            if (st != static_cast<std::uint8_t>(worker_status::student) &&
                st != static_cast<std::uint8_t>(worker_status::abroad) && ws.months_in_status[i] < max_status_months)
                ws.months_in_status[i] = static_cast<std::uint16_t>(ws.months_in_status[i] + 1);
        }
    });
    // Steps apply once: a month without a productivity update (firms.cpp) moves no wage.
    for (auto& reg : w.regions) reg.wage_index_step = 1;
    w.level_premium_step.fill(0);
}

}  // namespace laborsim
