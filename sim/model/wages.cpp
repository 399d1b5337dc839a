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
#include <vector>

#include "core/branchless.hpp"
#include "core/parallel.hpp"
#include "core/units.hpp"
#include "model/phases.hpp"

namespace laborsim {

void run_wages_and_learning(world& w) {
    const auto& m = w.sc->model;
    auto& ws = w.workers;
    const std::size_t R = w.region_count();
    const float learn = static_cast<float>(m.learning_rate);
    const float depreciate = static_cast<float>(m.depreciation_rate);
    const double wage_growth = std::exp(m.learning_rate);
    // The month's wage step by (region, level) and formal floor by region, looked up below.
    std::vector<double> step(R * education_count), floor(R);
    for (std::size_t r = 0; r < R; ++r) {
        floor[r] = w.regions[r].min_wage_vnd;
        for (std::size_t l = 0; l < education_count; ++l)
            step[r * education_count + l] =
                wage_growth * w.regions[r].wage_index_step * std::exp(w.level_premium_step[l]);
    }
    for_blocks(ws.size(), w.block_size, [&](std::size_t b, std::size_t e) {
        // Columns as local pointers, and selects rather than branches on the status (which
        // varies from worker to worker, so that a branch would often be mispredicted).
        const std::uint8_t* const status = ws.status.data();
        const std::uint16_t* const region = ws.region.data();
        const std::uint8_t* const level = ws.level.data();
        const std::int32_t* const employer = ws.employer.data();
        const std::uint8_t* const formal = column_or_zero(w.firms.is_formal);
        float* const skill = ws.skill.data();
        std::uint32_t* const wage = ws.wage_vnd.data();
        std::uint16_t* const months = ws.months_in_status.data();
        constexpr auto employed = static_cast<std::uint8_t>(worker_status::employed);
        constexpr auto unemployed = static_cast<std::uint8_t>(worker_status::unemployed);
        constexpr auto student = static_cast<std::uint8_t>(worker_status::student);
        constexpr auto abroad = static_cast<std::uint8_t>(worker_status::abroad);
        for (std::size_t i = b; i < e; ++i) {
            const auto st = status[i];
            const bool emp = st == employed;
            const float s = skill[i];
            skill[i] = select(emp, s + learn, select(st == unemployed, s - depreciate, s));
            const std::size_t r = region[i];
            const double lo = masked(formal[select(emp, employer[i], 0)] != 0, floor[r]);
            const double raised = std::max(wage[i] * step[r * education_count + level[i]], lo);
            const auto next = static_cast<std::uint32_t>(std::min(raised, wage_cap_vnd_month));
            wage[i] = select(emp, next, wage[i]);
            const auto mo = months[i];
            months[i] = static_cast<std::uint16_t>(mo + (st != student && st != abroad && mo < max_status_months));
        }
    });
    // Steps apply once: a month without a productivity update (firms.cpp) moves no wage.
    for (auto& reg : w.regions) reg.wage_index_step = 1;
    w.level_premium_step.fill(0);
}

}  // namespace laborsim
