// Formal and informal jobs. A private firm is informal when its permanent productivity is
// among the lowest informal_share[field] of its field's cross-section:
//   formal_f  <=>  a_f / sigma >= Phi^-1(informal_share[field])   (public employers: formal)
// (with sigma = 0 a uniform draw per firm stands in for the rank). The establishment keeps
// its status when it is re-drawn (firm exit and entry). A formal firm pays employer social
// insurance s on top of the wage, so it bargains over p / (1 + s), and the minimum wage
// binds there only:
//   formal:   formed iff p / (1 + s) >= max(r, m_r);  w = max(m_r, r_m + beta (p / (1 + s) - r_m)),  r_m = max(m_r, r)
//   informal: formed iff p >= r;                     w = r + beta (p - r)   (no floor)
// An existing formal match whose p / (1 + s) falls below the minimum (a new minimum, a bad
// shock) is dissolved in the separations phase.
#include "model/formality.hpp"

#include <algorithm>
#include <cmath>

#include "core/draw_slots.hpp"
#include "core/parallel.hpp"
#include "model/phases.hpp"

namespace laborsim {

namespace {

// Phi^-1(q) by bisection on the normal CDF (called once per field).
double normal_quantile(double q) {
    q = std::clamp(q, 1e-12, 1.0 - 1e-12);
    double lo = -10, hi = 10;
    for (int k = 0; k < 100; ++k) {
        const double mid = 0.5 * (lo + hi);
        (0.5 * std::erfc(-mid / std::sqrt(2.0)) < q ? lo : hi) = mid;
    }
    return 0.5 * (lo + hi);
}

}  // namespace

void assign_formality(world& w) {
    const auto& m = w.sc->model;
    auto& fs = w.firms;
    std::array<double, field_count> cut{};
    for (std::size_t k = 0; k < field_count; ++k)
        cut[k] = m.informal_share[k] <= 0   ? -1e300
                 : m.informal_share[k] >= 1 ? 1e300
                                            : normal_quantile(m.informal_share[k]);
    for (std::size_t f = 0; f < fs.size(); ++f) {
        double score = 0;
        if (m.productivity_sigma > 0) {
            score = fs.log_productivity[f] / m.productivity_sigma;
        } else {
            const auto u = w.rng.uniforms(draws::firm_init::formality, 0, static_cast<std::uint32_t>(f));
            score = counter_rng::normal(u[0], u[1]);
        }
        fs.is_formal[f] = fs.is_public[f] || score >= cut[fs.field[f]] ? 1 : 0;
    }
}

double match_log_productivity(const world& w, std::size_t i, std::size_t f) {
    const auto& ws = w.workers;
    const auto& fs = w.firms;
    const double penalty = match_penalty(w.sc->model, ws.level[i], fs.min_level[f], ws.field[i], fs.field[f]);
    return fs.log_productivity[f] + fs.shock[f] + ws.skill[i] + w.wage_premium(ws.level[i]) - penalty;
}

double match_productivity(const world& w, std::size_t i, std::size_t f) {
    return w.regions[w.firms.region[f]].productivity_scale * std::exp(match_log_productivity(w, i, f));
}

double net_productivity(const world& w, double p, std::size_t f) {
    return w.firms.is_formal[f] ? p / (1.0 + w.sc->model.social_insurance_rate) : p;
}

double wage_floor_vnd(const world& w, std::size_t f) {
    return w.firms.is_formal[f] ? w.regions[w.firms.region[f]].min_wage_vnd : 0.0;
}

namespace {

// Cumulative sizes of each market's informal firms, [firm - market begin] within the market.
std::vector<double> informal_size_cum(const world& w) {
    std::vector<double> cum(w.firms.size(), 0.0);
    for (std::size_t mk = 0; mk < w.market_count(); ++mk) {
        double acc = 0;
        for (std::size_t f = w.market_firm_begin[mk]; f < w.market_firm_begin[mk + 1]; ++f)
            cum[f] = acc += w.firms.is_formal[f] ? 0.0 : w.firms.base_size[f];
    }
    return cum;
}

// Productivity scales reproducing each region's mean wage (as build_world's calibrate_regions).
void rescale_regions(world& w) {
    const auto& ws = w.workers;
    std::vector<double> exp_sum(w.region_count(), 0.0), employed(w.region_count(), 0.0);
    for (std::size_t i = 0; i < ws.size(); ++i) {
        if (ws.status[i] != static_cast<std::uint8_t>(worker_status::employed)) continue;
        const auto f = static_cast<std::size_t>(ws.employer[i]);
        exp_sum[ws.region[i]] += std::exp(w.firms.log_productivity[f] + ws.skill[i] + w.wage_premium(ws.level[i]));
        employed[ws.region[i]] += 1;
    }
    for (std::size_t r = 0; r < w.region_count(); ++r)
        if (employed[r] > 0)
            w.regions[r].productivity_scale =
                w.sc->regions[r].mean_wage_vnd / (w.sc->model.initial_wage_share * exp_sum[r] / employed[r]);
}

}  // namespace

void place_initial_formal_workers(world& w) {
    auto& ws = w.workers;
    auto& fs = w.firms;
    const auto cum = informal_size_cum(w);
    for (std::size_t i = 0; i < ws.size(); ++i) {
        if (!is_formal_job(w, i)) continue;
        const auto f = static_cast<std::size_t>(ws.employer[i]);
        if (net_productivity(w, match_productivity(w, i, f), f) >= w.regions[fs.region[f]].min_wage_vnd) continue;
        const std::size_t mk = world::market_of(fs.region[f], fs.field[f]);
        const std::size_t fb = w.market_firm_begin[mk], fe = w.market_firm_begin[mk + 1];
        if (cum[fe - 1] <= 0) continue;  // no informal firm here: the match ends in the first month
        const double u = w.rng.uniforms(draws::init::job, 0, ws.id[i])[3];
        const auto k =
            static_cast<std::size_t>(std::upper_bound(&cum[fb], &cum[fe - 1] + 1, u * cum[fe - 1]) - &cum[fb]);
        const std::size_t g = fb + std::min(k, fe - fb - 1);
        fs.headcount[f] -= 1;
        fs.headcount[g] += 1;
        ws.employer[i] = static_cast<std::int32_t>(g);
        ws.set(i, worker_flag::mismatched, ws.level[i] < fs.min_level[g]);
    }
    rescale_regions(w);
}

minimum_wage_test::minimum_wage_test(const world& w) : cut_(w.firms.size(), -HUGE_VAL) {
    const auto& fs = w.firms;
    const double s = w.sc->model.social_insurance_rate;
    for (std::size_t f = 0; f < fs.size(); ++f) {
        const auto& reg = w.regions[fs.region[f]];
        if (!fs.is_formal[f] || reg.min_wage_vnd <= 0) continue;
        cut_[f] = reg.productivity_scale > 0 ? std::log(reg.min_wage_vnd * (1.0 + s) / reg.productivity_scale) + 1e-6
                                             : HUGE_VAL;
    }
}

bool minimum_wage_test::below(const world& w, std::size_t i) const {
    const auto f = static_cast<std::size_t>(w.workers.employer[i]);
    const double x = match_log_productivity(w, i, f);
    if (x > cut_[f]) return false;  // informal, or no minimum here: the cut is -inf
    const auto& reg = w.regions[w.firms.region[f]];
    return net_productivity(w, reg.productivity_scale * std::exp(x), f) < reg.min_wage_vnd;
}

}  // namespace laborsim
