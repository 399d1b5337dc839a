// Firms: the transitory productivity shock follows an AR(1); desired headcount responds
// to it; the gap to the headcount is posted as vacancies; an excess beyond a threshold
// is laid off. A private firm exits with a small monthly probability, or, at the monthly
// rate 1/N, once its posts have stayed open without a hire for N = unfilled_exit_months
// (it cannot pay what workers ask: selection on productivity); a new one enters in its
// place with a fresh draw (all the old workers are laid off). Public employers (hospitals, schools,
// administration) neither exit nor follow demand shocks: they staff to a norm per 10,000
// population, which starts at the initial ratio and which policies may change.
//   z_t = rho z_{t-1} + sd eps_t,  A_r,t = rho A_r,t-1 + sd_agg eta_t
//   private: desired = round(base * exp(elasticity (z + A_r)) * G_r,t^(1-kappa) * (L_r,t-1 / L_r,0)^kappa)
//            G_r,t = (1 + g_r)^(t/12): the input labour-force trend; L: the region's labour force
//   public:  desired = round(base * (norm_r,field / norm_r,field,0) * (pop_r,t-1 / pop_r,0))
//   vacancies = max(0, desired - headcount);  layoffs = headcount - desired if headcount > (1+thr) desired
#include <algorithm>
#include <array>
#include <cmath>

#include "core/draw_slots.hpp"
#include "core/parallel.hpp"
#include "core/units.hpp"
#include "model/phases.hpp"

namespace laborsim {

void run_firms(world& w) {
    const auto& m = w.sc->model;
    const std::uint32_t month = w.month_key();
    for (std::size_t r = 0; r < w.region_count(); ++r) {
        auto u = w.rng.uniforms(draws::market::regional_shock, month, static_cast<std::uint32_t>(r));
        w.regions[r].aggregate_shock =
            m.productivity_rho * w.regions[r].aggregate_shock + m.aggregate_shock_sd * counter_rng::normal(u[0], u[1]);
    }
    auto& fs = w.firms;
    std::vector<double> growth(w.region_count());
    std::vector<std::array<double, field_count>> public_growth(w.region_count());
    for (std::size_t r = 0; r < w.region_count(); ++r) {
        const auto& reg = w.regions[r];
        // Private jobs follow the region's labour force (firm entry follows labour supply).
        const double trend = std::pow(1.0 + w.sc->regions[r].labor_force_growth, w.t / 12.0);
        const double supply =
            reg.labor_force_agents_initial > 0 ? reg.labor_force_agents / reg.labor_force_agents_initial : trend;
        growth[r] =
            std::pow(trend, 1.0 - m.jobs_labor_force_elasticity) * std::pow(supply, m.jobs_labor_force_elasticity);
        const double pop = reg.population_agents_initial > 0 ? static_cast<double>(reg.population_agents) /
                                                                   static_cast<double>(reg.population_agents_initial)
                                                             : 1.0;
        for (std::size_t k = 0; k < field_count; ++k)
            public_growth[r][k] = pop * (reg.public_staff_per_10k_initial[k] > 0
                                             ? reg.public_staff_per_10k[k] / reg.public_staff_per_10k_initial[k]
                                             : 1.0);
    }
    const auto vac =
        count_blocks(fs.size(), w.block_size, w.region_count(), [&](std::size_t b, std::size_t e, std::int64_t* v) {
            for (std::size_t f = b; f < e; ++f) {
                auto u = w.rng.uniforms(draws::firms::shock_and_exit, month, static_cast<std::uint32_t>(f));
                // A post nobody takes for long means the firm cannot pay what workers ask.
                fs.months_unfilled[f] =
                    fs.vacancies[f] > 0 && fs.hires[f] == 0
                        ? static_cast<std::uint16_t>(std::min(fs.months_unfilled[f] + 1, max_status_months))
                        : std::uint16_t{0};
                fs.hires[f] = 0;
                // Past the patience, exit comes at the monthly rate 1 / patience, so that exits
                // of firms that stopped hiring together spread out.
                const bool unviable = m.unfilled_exit_months > 0 && fs.months_unfilled[f] >= m.unfilled_exit_months &&
                                      u[3] * m.unfilled_exit_months < 1.0;
                if ((u[2] < m.firm_entry_rate || unviable) && !fs.is_public[f]) {
                    // Exit and entry in place: a new productivity draw, the old workforce laid off.
                    auto n = w.rng.uniforms(draws::firms::reentry_productivity, month, static_cast<std::uint32_t>(f));
                    fs.log_productivity[f] = static_cast<float>(m.productivity_sigma * counter_rng::normal(n[0], n[1]));
                    fs.shock[f] = 0;
                    fs.months_unfilled[f] = 0;
                    fs.layoffs[f] = fs.headcount[f];
                    fs.desired[f] = static_cast<std::int32_t>(std::lround(fs.base_size[f] * growth[fs.region[f]]));
                    fs.vacancies[f] = fs.desired[f];
                    v[fs.region[f]] += fs.vacancies[f];
                    continue;
                }
                fs.shock[f] = static_cast<float>(m.productivity_rho * fs.shock[f] +
                                                 m.productivity_shock_sd * counter_rng::normal(u[0], u[1]));
                const double level = fs.shock[f] + w.regions[fs.region[f]].aggregate_shock;
                const double scale = fs.is_public[f]
                                         ? public_growth[fs.region[f]][fs.field[f]]
                                         : growth[fs.region[f]] * std::exp(m.labor_demand_elasticity * level);
                const auto desired = static_cast<std::int32_t>(std::lround(fs.base_size[f] * scale));
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
