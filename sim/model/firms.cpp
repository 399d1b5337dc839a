// Firms: each firm agent is a stratum of real establishments (firm_strata.hpp) with a fixed
// place in its market's productivity distribution. The transitory productivity shock follows
// an AR(1); desired headcount responds to it; the gap to the headcount is posted as
// vacancies; an excess beyond a threshold is laid off. Establishments turn over within a
// private stratum: each month a share firm_entry_rate of its workforce loses its job (closing
// establishments) and the stratum posts again (new ones of the same productivity). A private
// stratum whose posts stayed open without a hire for N = unfilled_exit_months cannot pay what
// workers ask: those establishments close, its base size shrinks to what it holds, and new
// ones enter in the market's other private strata in proportion to their base sizes
// (selection on productivity, jobs conserved). Shocks in
// force (shocks.cpp) cut private desired headcount and add layoffs. Public employers
// (hospitals, schools, administration) neither turn over nor follow demand shocks: they staff
// to a norm per 10,000 population, which starts at the initial ratio and policies may change.
//   z_t = rho z_{t-1} + sd_m eps_t,  A_r,t = rho A_r,t-1 + sd_agg eta_t
//   sd_m = productivity_shock_sd / sqrt(max(1, establishments a firm agent of market m stands for)):
//   the establishments' own shocks average out within a stratum
//   private: desired = sround(base * exp(elasticity (z + A_r)) * G_r,t^(1-kappa) * (L_r,t-1 / L_r,0)^kappa * (1 - d_m))
//            G_r,t = (1 + g_r)^(t/12): the input labour-force trend; L: the region's labour force;
//            d_m: demand shocks in force in the market
//   public:  desired = sround(base * (norm_r,field / norm_r,field,0) * (pop_r,t-1 / pop_r,0))
//   vacancies = max(0, desired - headcount)
//   layoffs = (headcount - desired if headcount > (1+thr) desired) + sround(headcount (entry_rate [private] + s_m))
//   sround: stochastic rounding (unbiased whatever the scale); s_m: separation shocks in force
#include <algorithm>
#include <array>
#include <cmath>

#include "core/draw_slots.hpp"
#include "core/parallel.hpp"
#include "core/units.hpp"
#include "model/firm_strata.hpp"
#include "model/phases.hpp"
#include "model/productivity.hpp"

namespace laborsim {

namespace {

struct region_growth {
    std::vector<double> private_jobs;                          // [region]
    std::vector<std::array<double, field_count>> public_jobs;  // [region][field]
};

region_growth job_growth(const world& w) {
    const auto& m = w.sc->model;
    region_growth g{std::vector<double>(w.region_count()),
                    std::vector<std::array<double, field_count>>(w.region_count())};
    for (std::size_t r = 0; r < w.region_count(); ++r) {
        const auto& reg = w.regions[r];
        // Private jobs follow the region's labour force (firm entry follows labour supply).
        const double trend = std::pow(1.0 + w.sc->regions[r].labor_force_growth, w.t / 12.0);
        const double supply =
            reg.labor_force_agents_initial > 0 ? reg.labor_force_agents / reg.labor_force_agents_initial : trend;
        g.private_jobs[r] =
            std::pow(trend, 1.0 - m.jobs_labor_force_elasticity) * std::pow(supply, m.jobs_labor_force_elasticity);
        const double pop = reg.population_agents_initial > 0 ? static_cast<double>(reg.population_agents) /
                                                                   static_cast<double>(reg.population_agents_initial)
                                                             : 1.0;
        for (std::size_t k = 0; k < field_count; ++k)
            g.public_jobs[r][k] = pop * (reg.public_staff_per_10k_initial[k] > 0
                                             ? reg.public_staff_per_10k[k] / reg.public_staff_per_10k_initial[k]
                                             : 1.0);
    }
    return g;
}

// One firm's month; returns its vacancies. `released`: base size given up by closing establishments.
std::int32_t plan_firm(world& w, const region_growth& g, std::size_t f, const std::array<double, 4>& u, double shock_sd,
                       float& released) {
    const auto& m = w.sc->model;
    auto& fs = w.firms;
    const std::size_t r = fs.region[f], mk = world::market_of(r, fs.field[f]);
    // A post nobody takes for long means the stratum cannot pay what workers ask.
    fs.months_unfilled[f] = fs.vacancies[f] > 0 && fs.hires[f] == 0
                                ? static_cast<std::uint16_t>(std::min(fs.months_unfilled[f] + 1, max_status_months))
                                : std::uint16_t{0};
    fs.hires[f] = 0;
    fs.shock[f] = static_cast<float>(m.productivity_rho * fs.shock[f] + shock_sd * counter_rng::normal(u[0], u[1]));
    const bool is_public = fs.is_public[f] != 0;
    const double level = fs.shock[f] + w.regions[r].aggregate_shock;
    const double scale =
        is_public ? g.public_jobs[r][fs.field[f]]
                  : g.private_jobs[r] * std::exp(m.labor_demand_elasticity * level) * w.market_demand_factor(mk);
    const std::int32_t head = fs.headcount[f];
    if (!is_public && m.unfilled_exit_months > 0 && fs.months_unfilled[f] >= m.unfilled_exit_months && scale > 0) {
        // The establishments that cannot hire close: the stratum keeps what it holds.
        const auto kept = static_cast<float>(head / scale);
        released = std::max(0.f, fs.base_size[f] - kept);
        fs.base_size[f] = std::min(fs.base_size[f], kept);
        fs.months_unfilled[f] = 0;
    }
    const auto desired = static_cast<std::int32_t>(stochastic_round(fs.base_size[f] * scale, u[3]));
    fs.desired[f] = desired;
    fs.vacancies[f] = std::max(0, desired - head);
    const double churn = (is_public ? 0.0 : m.firm_entry_rate) + w.market_separation_shock(mk);
    const auto turnover = static_cast<std::int32_t>(stochastic_round(head * churn, u[2]));
    const std::int32_t excess = head > (1.0 + m.layoff_threshold) * desired ? head - desired : 0;
    fs.layoffs[f] = std::min(head, excess + turnover);
    return fs.vacancies[f];
}

// Entry: what closing establishments gave up goes to the other private strata of their market,
// in proportion to their base sizes (serial, in firm order).
void enter_establishments(world& w, const std::vector<float>& released) {
    auto& fs = w.firms;
    for (std::size_t mk = 0; mk < w.market_count(); ++mk) {
        double freed = 0, open = 0;
        for (std::size_t f = w.market_firm_begin[mk]; f < w.market_firm_begin[mk + 1]; ++f) {
            freed += released[f];
            if (!fs.is_public[f] && released[f] == 0) open += fs.base_size[f];
        }
        if (freed <= 0 || open <= 0) continue;
        for (std::size_t f = w.market_firm_begin[mk]; f < w.market_firm_begin[mk + 1]; ++f)
            if (!fs.is_public[f] && released[f] == 0)
                fs.base_size[f] = static_cast<float>(fs.base_size[f] * (1.0 + freed / open));
    }
}

}  // namespace

void run_firms(world& w) {
    const auto& m = w.sc->model;
    const std::uint32_t month = w.month_key();
    update_shocks(w);
    update_productivity(w);
    for (std::size_t r = 0; r < w.region_count(); ++r) {
        auto u = w.rng.uniforms(draws::market::regional_shock, month, static_cast<std::uint32_t>(r));
        w.regions[r].aggregate_shock =
            m.productivity_rho * w.regions[r].aggregate_shock + m.aggregate_shock_sd * counter_rng::normal(u[0], u[1]);
    }
    const auto g = job_growth(w);
    auto& fs = w.firms;
    std::vector<double> shock_sd(w.market_count(), 0.0);
    for (std::size_t mk = 0; mk < w.market_count(); ++mk) {
        const auto& reg = w.sc->regions[mk / field_count];
        const auto agents = static_cast<double>(w.market_firm_begin[mk + 1] - w.market_firm_begin[mk]);
        const double establishments = market_persons(reg, mk % field_count) * reg.firms_per_1000_workers / 1000.0;
        shock_sd[mk] = m.productivity_shock_sd / std::sqrt(std::max(1.0, agents > 0 ? establishments / agents : 1.0));
    }
    std::vector<float> released(fs.size(), 0.f);
    const auto vac =
        count_blocks(fs.size(), w.block_size, w.region_count(), [&](std::size_t b, std::size_t e, std::int64_t* v) {
            for (std::size_t f = b; f < e; ++f) {
                const auto u = w.rng.uniforms(draws::firms::shock_and_rounding, month, static_cast<std::uint32_t>(f));
                const double sd = shock_sd[world::market_of(fs.region[f], fs.field[f])];
                v[fs.region[f]] += plan_firm(w, g, f, u, sd, released[f]);
            }
        });
    enter_establishments(w, released);
    for (std::size_t r = 0; r < w.region_count(); ++r) w.add_flow(r, flow::vacancies, vac[r]);
}

}  // namespace laborsim
