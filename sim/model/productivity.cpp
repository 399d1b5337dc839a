// Growing productivity and prices. Regional productivity follows a path: the price index
// (CPI) times the real trend, times the shocks in force; the wages of existing matches move
// with it (wages.cpp), so nominal values (wages, minimum-wage steps, budgets) are in VND of
// their month. Returns to a level fall as its supply rises relative to the jobs requiring it:
//   Pi_t = prod_{k=1..t} (1 + pi_{year(k)})^(1/12),   A_r,t = prod_{k=1..t} (1 + g_r,year(k))^(1/12)
//   P_r,t = P_r,0 Pi_t A_r,t exp(x_r,t)        (x: shocks' productivity in force, shocks.cpp)
//   b_l,t = b_l + eps [ln(D_l,t / D_l,0) - ln(S_l,t / S_l,0)],  l >= 1
//   S_l: share of the labour force at level >= l; D_l: share of firms' desired jobs requiring >= l
//   existing wages: w *= (P_r,t / P_r,t-1) exp(b_l,t - b_l,t-1)
#include "model/productivity.hpp"

#include <algorithm>
#include <cmath>

#include "core/parallel.hpp"

namespace laborsim {

namespace {

// Shares at level >= l of the labour force (supply) and of firms' desired jobs (demand).
struct level_shares {
    std::array<double, education_count> supply{}, demand{};
};

level_shares current_level_shares(const world& w) {
    const auto& ws = w.workers;
    const auto counts =
        count_blocks(ws.size(), w.block_size, education_count, [&](std::size_t b, std::size_t e, std::int64_t* c) {
            for (std::size_t i = b; i < e; ++i)
                if (ws.in_labor_force(i)) c[ws.level[i]] += 1;
        });
    std::array<double, education_count> jobs{};
    for (std::size_t f = 0; f < w.firms.size(); ++f) jobs[w.firms.min_level[f]] += std::max(0, w.firms.desired[f]);
    level_shares out;
    double s_tot = 0, d_tot = 0;
    for (int l = education_count - 1; l >= 0; --l) {
        s_tot += static_cast<double>(counts[static_cast<std::size_t>(l)]);
        d_tot += jobs[static_cast<std::size_t>(l)];
        out.supply[static_cast<std::size_t>(l)] = s_tot;
        out.demand[static_cast<std::size_t>(l)] = d_tot;
    }
    for (std::size_t l = 0; l < education_count; ++l) {
        out.supply[l] = s_tot > 0 ? out.supply[l] / s_tot : 0;
        out.demand[l] = d_tot > 0 ? out.demand[l] / d_tot : 0;
    }
    return out;
}

double log_ratio(double now, double initial) { return now > 0 && initial > 0 ? std::log(now / initial) : 0.0; }

void update_level_premiums(world& w) {
    const double eps = w.sc->model.level_premium_supply_elasticity;
    w.level_premium_step.fill(0);
    if (eps <= 0) return;
    const auto now = current_level_shares(w);
    for (std::size_t l = 1; l < education_count; ++l) {
        const double shift = eps * (log_ratio(now.demand[l], w.level_demand_initial[l]) -
                                    log_ratio(now.supply[l], w.level_supply_initial[l]));
        w.level_premium_step[l] = shift - w.level_premium_shift[l];
        w.level_premium_shift[l] = shift;
    }
}

}  // namespace

double annual_rate(const std::vector<double>& rates, int first_year, int year) {
    if (rates.empty()) return 0;
    const int k = std::clamp(year - first_year, 0, static_cast<int>(rates.size()) - 1);
    return rates[static_cast<std::size_t>(k)];
}

double path_index(const std::vector<double>& rates, int first_year, year_month start, int t) {
    double index = 1;
    for (int k = 1; k <= t; ++k) {
        const int year = year_month::from_index(start.index() + k).year;
        index *= std::pow(1.0 + annual_rate(rates, first_year, year), 1.0 / 12.0);
    }
    return index;
}

double price_index(const scenario& sc, int t) {
    return path_index(sc.growth.inflation, sc.growth.first_year, sc.calendar.start, t);
}

void init_productivity(world& w) {
    for (auto& reg : w.regions) {
        reg.productivity_scale_initial = reg.productivity_scale;
        reg.wage_index_step = 1;
        reg.price_index = 1;
    }
    const auto shares = current_level_shares(w);
    w.level_supply_initial = shares.supply;
    w.level_demand_initial = shares.demand;
    w.level_premium_shift.fill(0);
    w.level_premium_step.fill(0);
}

void update_productivity(world& w) {
    const auto& sc = *w.sc;
    const double prices = price_index(sc, w.t);
    for (std::size_t r = 0; r < w.region_count(); ++r) {
        auto& reg = w.regions[r];
        const auto& path = sc.regions[r].productivity_growth.empty() ? sc.growth.productivity_growth
                                                                     : sc.regions[r].productivity_growth;
        const double real = path_index(path, sc.growth.first_year, sc.calendar.start, w.t);
        const double P = reg.productivity_scale_initial * prices * real * std::exp(reg.shock_log_productivity);
        reg.wage_index_step = reg.productivity_scale > 0 ? P / reg.productivity_scale : 1.0;
        reg.productivity_scale = P;
        reg.price_index = prices;
    }
    update_level_premiums(w);
}

}  // namespace laborsim
