// Firms: the transitory productivity shock follows an AR(1); desired headcount responds
// to it; the gap to the headcount is posted as vacancies; an excess beyond a threshold
// is laid off. A firm exits with a small monthly probability and a new one enters in its
// place (all its workers are laid off).
//   z_t = rho z_{t-1} + sd eps_t,  A_r,t = rho A_r,t-1 + sd_agg eta_t
//   desired = round(base * exp(elasticity (z + A_r)) * (1 + g_r)^(t/12))   (jobs grow with the labour force)
//   vacancies = max(0, desired - headcount);  layoffs = headcount - desired if headcount > (1+thr) desired
#include <algorithm>
#include <cmath>

#include "core/parallel.hpp"
#include "model/phases.hpp"

namespace laborsim {

void run_firms(world& w) {
    const auto& m = w.sc->model;
    const std::uint32_t month = w.month_key();
    for (std::size_t r = 0; r < w.region_count(); ++r) {
        auto u = w.rng.uniforms(rng_stream::market, month, static_cast<std::uint32_t>(r), 7);
        w.regions[r].aggregate_shock = m.productivity_rho * w.regions[r].aggregate_shock +
                                       m.aggregate_shock_sd * counter_rng::normal(u[0], u[1]);
    }
    auto& fs = w.firms;
    std::vector<double> growth(w.region_count());
    for (std::size_t r = 0; r < w.region_count(); ++r)
        growth[r] = std::pow(1.0 + w.sc->regions[r].labor_force_growth, w.t / 12.0);
    const auto vac = count_blocks(fs.size(), w.block_size, w.region_count(), [&](std::size_t b, std::size_t e, std::int64_t* v) {
        for (std::size_t f = b; f < e; ++f) {
            auto u = w.rng.uniforms(rng_stream::firms, month, static_cast<std::uint32_t>(f));
            if (u[2] < m.firm_entry_rate) {
                // Exit and entry in place: a new productivity draw, the old workforce laid off.
                auto n = w.rng.uniforms(rng_stream::firms, month, static_cast<std::uint32_t>(f), 1);
                fs.log_productivity[f] = static_cast<float>(m.productivity_sigma * counter_rng::normal(n[0], n[1]));
                fs.shock[f] = 0;
                fs.layoffs[f] = fs.headcount[f];
                fs.desired[f] = static_cast<std::int32_t>(std::lround(fs.base_size[f]));
                fs.vacancies[f] = fs.desired[f];
                v[fs.region[f]] += fs.vacancies[f];
                continue;
            }
            fs.shock[f] = static_cast<float>(m.productivity_rho * fs.shock[f] +
                                             m.productivity_shock_sd * counter_rng::normal(u[0], u[1]));
            const double level = fs.shock[f] + w.regions[fs.region[f]].aggregate_shock;
            const auto desired = static_cast<std::int32_t>(
                std::lround(fs.base_size[f] * growth[fs.region[f]] * std::exp(m.labor_demand_elasticity * level)));
            fs.desired[f] = desired;
            const std::int32_t head = fs.headcount[f];
            fs.vacancies[f] = std::max(0, desired - head);
            fs.layoffs[f] = head > (1.0 + m.layoff_threshold) * desired ? head - desired : 0;
            v[fs.region[f]] += fs.vacancies[f];
        }
    });
    for (std::size_t r = 0; r < w.region_count(); ++r) w.add_flow(r, flow::vacancies, vac[r]);
}

}  // namespace laborsim
