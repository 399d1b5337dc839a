// Changes to who is where, shared by phases and policies: leaving a job or a school seat,
// leaving the population, and going abroad to study.
#include <algorithm>
#include <atomic>
#include <cmath>

#include "model/population_detail.hpp"
#include "model/world.hpp"

namespace laborsim {

void release_position(world& w, std::size_t i) {
    auto& ws = w.workers;
    const auto f = ws.employer[i];
    if (f == no_employer) return;
    if (ws.status[i] == static_cast<std::uint8_t>(worker_status::employed))
        std::atomic_ref<std::int32_t>(w.firms.headcount[f]).fetch_sub(1, std::memory_order_relaxed);
    else if (ws.status[i] == static_cast<std::uint8_t>(worker_status::student))
        std::atomic_ref<std::int32_t>(w.schools.enrolled[f]).fetch_sub(1, std::memory_order_relaxed);
}

void remove_workers(world& w, const std::vector<std::uint32_t>& ascending) {
    // From the highest index down, so a worker swapped into a hole is never a pending one.
    for (auto it = ascending.rbegin(); it != ascending.rend(); ++it) {
        release_position(w, *it);
        w.workers.swap_remove(*it);
    }
}

void depart_abroad(world& w, std::size_t i, std::uint32_t program) {
    auto& ws = w.workers;
    release_position(w, i);
    ws.status[i] = static_cast<std::uint8_t>(worker_status::abroad);
    ws.set_abroad_program(i, program);
    ws.months_in_status[i] = 0;
    ws.set(i, worker_flag::mismatched, false);
    ws.set(i, worker_flag::placement, false);
}

std::uint32_t add_abroad_program(world& w, const abroad_program& p) {
    w.abroad_programs.push_back(p);
    w.abroad_month.emplace_back();
    return static_cast<std::uint32_t>(w.abroad_programs.size() - 1);
}

void send_abroad(world& w, std::size_t i, std::uint32_t program) {
    if (w.workers.status[i] == static_cast<std::uint8_t>(worker_status::abroad)) return;
    depart_abroad(w, i, program);
    w.add_flow(w.workers.region[i], flow::abroad_departures, 1);
}

double world::market_wage(std::size_t i) const {
    return sc->model.initial_wage_share * regions[workers.region[i]].productivity_scale *
           std::exp(workers.skill[i] + wage_premium(workers.level[i]));
}

double world::reservation_wage(std::size_t i) const {
    const auto& m = sc->model;
    const std::size_t k = workers.months_in_status[i];
    const double decay = k < decay_pow.size() ? decay_pow[k] : std::pow(m.reservation_decay, static_cast<double>(k));
    return m.reservation_replacement * market_wage(i) * decay;
}

double world::entry_wage(std::size_t i) const {
    return std::clamp(std::max(market_wage(i), regions[workers.region[i]].min_wage_vnd), 0.0, wage_cap_vnd_month);
}

}  // namespace laborsim
