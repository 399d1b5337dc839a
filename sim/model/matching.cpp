// Search and matching per region x field market. Searchers are the unemployed and a share
// of the employed. The number of matches follows a Cobb-Douglas matching function:
//   M = min(S, V, A S^alpha V^(1-alpha))            (S searchers, V vacancies)
// Firms rank searchers by expected productivity (skill + level premium + noise); the most
// productive firms fill first. The wage splits the surplus (Nash share beta):
//   p = P_r exp(a_f + z_f + skill + premium[level] - penalty [level < required])
//   w = max(min wage, r + beta (p - r)),  r = reservation wage
// An employed searcher moves only for a higher wage. In validation mode
// (fixed_job_finding_rate f > 0) every unemployed searcher is hired with probability f.
#include <tbb/parallel_sort.h>

#include <algorithm>
#include <atomic>
#include <cmath>

#include "core/parallel.hpp"
#include "model/phases.hpp"

namespace laborsim {

namespace {

struct seeker {
    std::uint32_t market;
    float score;
    std::uint32_t id;
    std::uint32_t index;
};

bool before(const seeker& a, const seeker& b) {
    if (a.market != b.market) return a.market < b.market;
    if (a.score != b.score) return a.score > b.score;
    return a.id < b.id;
}

enum market_count : int { hires, hires_from_u, searchers_u, width };

void hire(world& w, std::size_t i, std::int32_t f, double wage, std::int64_t* counts) {
    auto& ws = w.workers;
    auto& fs = w.firms;
    const bool was_employed = ws.status[i] == static_cast<std::uint8_t>(worker_status::employed);
    if (was_employed)
        std::atomic_ref<std::int32_t>(fs.headcount[ws.employer[i]]).fetch_sub(1, std::memory_order_relaxed);
    std::atomic_ref<std::int32_t>(fs.headcount[f]).fetch_add(1, std::memory_order_relaxed);
    ws.status[i] = static_cast<std::uint8_t>(worker_status::employed);
    ws.employer[i] = f;
    ws.wage_vnd[i] = static_cast<std::uint32_t>(std::clamp(wage, 0.0, 4.0e9));
    ws.months_in_status[i] = 0;
    ws.set(i, worker_flag::mismatched, ws.level[i] < fs.min_level[f]);
    ws.set(i, worker_flag::placement, false);
    counts[hires] += 1;
    if (!was_employed) counts[hires_from_u] += 1;
}

double offered_wage(const world& w, std::size_t i, std::size_t f) {
    const auto& m = w.sc->model;
    const auto& ws = w.workers;
    const auto& fs = w.firms;
    const auto& reg = w.regions[ws.region[i]];
    const double penalty = ws.level[i] < fs.min_level[f] ? m.mismatch_penalty : 0.0;
    const double p = reg.productivity_scale *
                     std::exp(fs.log_productivity[f] + fs.shock[f] + ws.skill[i] + w.wage_premium(ws.level[i]) - penalty);
    const double r = w.reservation_wage(i);
    return std::max(reg.min_wage_vnd, r + m.nash_share * (p - r));
}

void match_market(world& w, std::size_t mk, const seeker* first, const seeker* last, std::int64_t* counts) {
    const auto& m = w.sc->model;
    auto& ws = w.workers;
    auto& fs = w.firms;
    const std::size_t fb = w.market_firm_begin[mk], fe = w.market_firm_begin[mk + 1];
    const auto S = static_cast<std::size_t>(last - first);
    for (const seeker* s = first; s != last; ++s)
        if (ws.status[s->index] == static_cast<std::uint8_t>(worker_status::unemployed)) counts[searchers_u] += 1;
    if (S == 0 || fe == fb) return;
    const auto u_market = w.rng.uniforms(rng_stream::market, w.month_key(), static_cast<std::uint32_t>(mk));

    if (m.fixed_job_finding_rate > 0) {
        // Validation mode: hiring is not constrained by vacancies.
        std::vector<double> cum;
        double acc = 0;
        for (std::size_t f = fb; f < fe; ++f) cum.push_back(acc += fs.base_size[f]);
        for (const seeker* s = first; s != last; ++s) {
            const auto i = s->index;
            if (ws.status[i] != static_cast<std::uint8_t>(worker_status::unemployed)) continue;
            auto u = w.rng.uniforms(rng_stream::matching, w.month_key(), s->id, 1);
            if (u[0] >= m.fixed_job_finding_rate) continue;
            const auto k = static_cast<std::size_t>(std::upper_bound(cum.begin(), cum.end(), u[1] * acc) - cum.begin());
            const auto f = static_cast<std::int32_t>(fb + std::min(k, fe - fb - 1));
            hire(w, i, f, offered_wage(w, i, static_cast<std::size_t>(f)), counts);
        }
        return;
    }

    std::vector<std::uint32_t> open;
    std::int64_t V = 0;
    for (std::size_t f = fb; f < fe; ++f)
        if (fs.vacancies[f] > 0) { open.push_back(static_cast<std::uint32_t>(f)); V += fs.vacancies[f]; }
    if (V == 0) return;
    std::sort(open.begin(), open.end(), [&](std::uint32_t a, std::uint32_t b) {
        const float pa = fs.log_productivity[a] + fs.shock[a], pb = fs.log_productivity[b] + fs.shock[b];
        return pa != pb ? pa > pb : a < b;
    });
    const double Sd = static_cast<double>(S), Vd = static_cast<double>(V);
    const double expected = m.matching_efficiency * std::pow(Sd, m.matching_elasticity) * std::pow(Vd, 1.0 - m.matching_elasticity);
    const auto M = std::min<std::int64_t>({static_cast<std::int64_t>(S), V, stochastic_round(expected, u_market[0])});
    std::size_t firm_pos = 0;
    std::int32_t left = fs.vacancies[open[0]];
    for (std::int64_t k = 0; k < M && firm_pos < open.size(); ++k) {
        const auto i = first[k].index;
        const auto f = static_cast<std::int32_t>(open[firm_pos]);
        const double wage = offered_wage(w, i, static_cast<std::size_t>(f));
        if (ws.status[i] == static_cast<std::uint8_t>(worker_status::employed) && wage <= ws.wage_vnd[i]) continue;
        hire(w, i, f, wage, counts);
        fs.vacancies[f] -= 1;
        if (--left == 0 && ++firm_pos < open.size()) left = fs.vacancies[open[firm_pos]];
    }
}

}  // namespace

void run_matching(world& w) {
    const auto& m = w.sc->model;
    auto& ws = w.workers;
    const std::uint32_t month = w.month_key();
    auto seekers = gather_blocks<seeker>(ws.size(), w.block_size, [&](std::size_t b, std::size_t e, auto& out) {
        for (std::size_t i = b; i < e; ++i) {
            const auto st = ws.status[i];
            if (st != static_cast<std::uint8_t>(worker_status::unemployed) &&
                st != static_cast<std::uint8_t>(worker_status::employed)) continue;
            auto u = w.rng.uniforms(rng_stream::matching, month, ws.id[i]);
            if (st == static_cast<std::uint8_t>(worker_status::employed) && u[0] >= m.on_the_job_search) continue;
            // Gumbel noise: what the firm cannot see of the applicant.
            const double noise = -std::log(-std::log(u[1])) * 0.2;
            const double bonus = ws.has(i, worker_flag::placement) ? 0.3 : 0.0;
            const double score = ws.skill[i] + w.wage_premium(ws.level[i]) + bonus + noise;
            out.push_back({static_cast<std::uint32_t>(world::market_of(ws.region[i], ws.field[i])),
                           static_cast<float>(score), ws.id[i], static_cast<std::uint32_t>(i)});
        }
    });
    tbb::parallel_sort(seekers.begin(), seekers.end(), before);
    const std::size_t markets = w.market_count();
    std::vector<std::size_t> begin(markets + 1, seekers.size());
    for (std::size_t mk = 0, k = 0; mk < markets; ++mk) {
        while (k < seekers.size() && seekers[k].market < mk) ++k;
        begin[mk] = k;
    }
    std::vector<std::int64_t> counts(markets * width, 0);
    tbb::parallel_for(std::size_t{0}, markets, [&](std::size_t mk) {
        match_market(w, mk, seekers.data() + begin[mk], seekers.data() + begin[mk + 1], &counts[mk * width]);
    });
    for (std::size_t mk = 0; mk < markets; ++mk) {
        const std::size_t r = mk / field_count;
        w.add_flow(r, flow::hires, counts[mk * width + hires]);
        w.add_flow(r, flow::hires_from_unemployment, counts[mk * width + hires_from_u]);
        w.add_flow(r, flow::unemployed_searchers, counts[mk * width + searchers_u]);
    }
}

}  // namespace laborsim
