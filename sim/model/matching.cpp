// Search and matching. Searchers are the unemployed and a share of the employed. Each
// applies to its own region x field market and, with probability outside_search_share,
// to up to `outside_applications` other markets (other fields here, any field elsewhere),
// drawn with weights V_jk * exp(-c_d km_oj / 100 - [k != field] penalty_field); the
// field-switch penalty also lowers the applicant's rank and productivity there, and a
// hire in another field makes it the worker's field.
// In each market the number of meetings follows a Cobb-Douglas matching function over
// all applications S and open posts V:
//   M = min(S, V, A S^alpha V^(1-alpha))
// Firms rank applicants by expected productivity: skill + premium[level] + placement
// priority + Gumbel(score_noise) noise (taking the top M of such noisy scores is sampling
// M applicants with weights exp(score / score_noise)). Going down the ranking, applicants
// meet the open posts, most productive firms first; an applicant for whom the best open
// post has no surplus (p < r) does not take a meeting, since every post left is worse.
//   p = P_j exp(a_f + z_f + skill + premium[level] - penalty [level < required] - penalty_field [field != job field])
//   r = replacement x market wage x decay^months unemployed (world.hpp), or the current wage when employed
//   formal job:   w = max(m_j, r_j + beta (p / (1 + s) - r_j)),  r_j = max(m_j, r); needs p / (1 + s) >= r_j
//   informal job: w = r + beta (p - r); needs p >= r  (formality.cpp: no minimum, no social insurance s)
// An applicant whose best open post is formal and out of reach at the minimum meets the best
// informal post instead, if that has a surplus. An employed searcher never meets a post of
// its own employer. The unemployed take the best offer by
// ln w + v [formal] - c_d km / 100 (one elsewhere only if that beats ln r); the employed only
// if it beats their wage (plus v when formal). Informal employees search on the job more
// often. A searcher who takes a job in another region moves there. Declined offers leave the
// post open this month.
// In validation mode (fixed_job_finding_rate f > 0) every unemployed searcher is hired
// in its own market with probability f, whatever the vacancies.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <utility>

#include "core/draw_slots.hpp"
#include "core/parallel.hpp"
#include "core/radix_sort.hpp"
#include "core/rng_batch.hpp"
#include "core/units.hpp"
#include "model/formality.hpp"
#include "model/phases.hpp"

namespace laborsim {

namespace {

constexpr int max_outside = 3;

struct seeker {
    std::uint32_t index;  // worker
    std::uint32_t id;
    float score;
    float surplus_base;                      // the worker's part of ln p - ln r (see log_surplus)
    std::uint32_t markets[1 + max_outside];  // own market first
    std::uint8_t apps;
    std::uint8_t level;
    std::uint8_t field;
    std::int32_t employer;  // the current one (employed), else no_employer
};

// Carries what the ranking needs of the worker, so that going down a market's ranking
// reads one sorted array rather than the worker store at random.
struct application {
    std::uint32_t market;
    float score;
    std::uint32_t id;
    std::uint32_t seeker;  // position in the seeker list
    float surplus_base;
    std::uint8_t level;
    std::uint8_t field;
    std::uint32_t slot;     // the seeker's applications are numbered from app_begin[seeker]
    std::int32_t employer;  // the applicant's current employer, else no_employer
    std::uint32_t index;    // the applicant in the worker store
};

// A market's ranking: score descending, then id ascending, as one 64-bit key (the float's
// bits mapped to an order-preserving unsigned, -0 folded into +0 as the comparison does).
std::uint64_t rank_key(float score, std::uint32_t id) {
    score += 0.0f;
    std::uint32_t bits;
    std::memcpy(&bits, &score, sizeof bits);
    const std::uint32_t ascending = (bits & 0x80000000u) ? ~bits : (bits | 0x80000000u);
    return (static_cast<std::uint64_t>(~ascending) << 32) | id;
}

// Sorts one market's applications by rank_key (sorting 12-byte keys, then moving each
// application once).
void rank_market(application* first, application* last) {
    const auto n = static_cast<std::size_t>(last - first);
    if (n < 2) return;
    std::vector<keyed> keys(n);
    for (std::size_t k = 0; k < n; ++k)
        keys[k] = {rank_key(first[k].score, first[k].id), static_cast<std::uint32_t>(k)};
    radix_sort(keys);
    std::vector<application> sorted(n);
    for (std::size_t k = 0; k < n; ++k) sorted[k] = first[keys[k].pos];
    std::copy(sorted.begin(), sorted.end(), first);
}

struct offer {
    std::int32_t firm = no_employer;
    float wage = 0;
    std::uint8_t accepted = 0;
    double value = -HUGE_VAL;  // to the seeker: ln w + v [formal] - c_d km / 100 (-inf: no offer)
};

// What an offer of `wage` at firm f in region j is worth to a seeker from region o.
double offer_value(const world& w, double wage, std::size_t f, std::size_t o, std::size_t j) {
    const auto& m = w.sc->model;
    return std::log(wage) + (w.firms.is_formal[f] ? m.formal_job_value : 0.0) -
           m.search_distance_cost * hundreds_of_km(w.distance_km[o * w.region_count() + j]);
}

enum market_count : int { hires, width };

void hire(world& w, std::size_t i, std::int32_t f, double wage) {
    auto& ws = w.workers;
    auto& fs = w.firms;
    if (ws.status[i] == static_cast<std::uint8_t>(worker_status::employed))
        std::atomic_ref<std::int32_t>(fs.headcount[ws.employer[i]]).fetch_sub(1, std::memory_order_relaxed);
    std::atomic_ref<std::int32_t>(fs.headcount[f]).fetch_add(1, std::memory_order_relaxed);
    ws.status[i] = static_cast<std::uint8_t>(worker_status::employed);
    ws.employer[i] = f;
    if (ws.region[i] != fs.region[f])
        ws.set(i, worker_flag::moved, true);  // policy hook: talent_attraction counts movers
    ws.region[i] = fs.region[f];
    ws.field[i] = fs.field[f];  // a job in another field makes it the worker's field
    ws.wage_vnd[i] = static_cast<std::uint32_t>(std::clamp(wage, 0.0, wage_cap_vnd_month));
    ws.months_in_status[i] = 0;
    ws.set(i, worker_flag::mismatched, ws.level[i] < fs.min_level[f]);
    ws.set(i, worker_flag::placement, false);
}

bool is_employed(const world& w, std::size_t i) {
    return w.workers.status[i] == static_cast<std::uint8_t>(worker_status::employed);
}

// The worker's own reservation wage (no minimum-wage floor): the current wage when employed.
double own_reservation(const world& w, std::size_t i) {
    return is_employed(w, i) ? static_cast<double>(w.workers.wage_vnd[i]) : w.reservation_wage(i);
}

// Precomputed logs for the surplus test, which runs for every applicant in the ranking.
struct surplus_logs {
    std::vector<double> log_scale;  // ln P_r
    double log_base = 0;            // ln(replacement x initial_wage_share)
    double log_decay = 0;
    explicit surplus_logs(const world& w) {
        const auto& m = w.sc->model;
        for (const auto& reg : w.regions) log_scale.push_back(std::log(std::max(1e-300, reg.productivity_scale)));
        log_base = std::log(std::max(1e-300, m.reservation_replacement * m.initial_wage_share));
        log_decay = std::log(std::max(1e-300, m.reservation_decay));
    }
};

// ln p - ln r = (ln P_j + a_f + z_f - penalties) + base, where the worker's base is
// skill + premium[level] - ln wage when employed, and -ln P_own - ln(replacement x share)
// - months x ln decay when unemployed (skill and premium cancel, so no exp is needed).
float surplus_base(const world& w, const surplus_logs& L, std::size_t i) {
    const auto& ws = w.workers;
    if (is_employed(w, i))
        return static_cast<float>(ws.skill[i] + w.wage_premium(ws.level[i]) -
                                  std::log(std::max(1.0, static_cast<double>(ws.wage_vnd[i]))));
    return static_cast<float>(-L.log_scale[ws.region[i]] - L.log_base - L.log_decay * ws.months_in_status[i]);
}

double log_surplus(const world& w, const surplus_logs& L, const application& a, std::size_t f) {
    const auto& m = w.sc->model;
    const auto& fs = w.firms;
    const double penalty = match_penalty(m, a.level, fs.min_level[f], a.field, fs.field[f]);
    return L.log_scale[fs.region[f]] + fs.log_productivity[f] + fs.shock[f] - penalty + a.surplus_base;
}

// The bargained wage at firm f (formality.cpp: the floor and social insurance of formal jobs).
double nash_wage(const world& w, double p, double own_r, std::size_t f) {
    const double floor = wage_floor_vnd(w, f);
    const double r = std::max(floor, own_r);
    return std::max(floor, r + w.sc->model.nash_share * (net_productivity(w, p, f) - r));
}

// What make_offers computes of an applicant at most once: its own reservation wage, and the
// productivity at the post it meets (both needed again for the wage). Negative: not yet.
struct applicant_values {
    double reservation = -1;
    double productivity = -1;
};

// Whether worker i would take a meeting at post f: the match has a surplus, and an employed
// worker is not applying to its own employer. At a formal post, keeps p and r in `v`.
bool meets(const world& w, const surplus_logs& L, const application& a, std::size_t i, std::size_t f,
           applicant_values& v) {
    v.productivity = -1;
    if (a.employer == static_cast<std::int32_t>(f)) return false;
    if (log_surplus(w, L, a, f) < 0) return false;
    if (!w.firms.is_formal[f]) return true;
    v.productivity = match_productivity(w, i, f);
    if (v.reservation < 0) v.reservation = own_reservation(w, i);
    return net_productivity(w, v.productivity, f) >= std::max(wage_floor_vnd(w, f), v.reservation);
}

// Validation mode: hires at a fixed rate, spread over the market's firms by size.
void match_fixed_rate(world& w, std::size_t mk, const application* first, const application* last,
                      const std::vector<seeker>& seekers, std::int64_t* counts) {
    const auto& m = w.sc->model;
    auto& fs = w.firms;
    const std::size_t fb = w.market_firm_begin[mk], fe = w.market_firm_begin[mk + 1];
    if (fe == fb) return;
    std::vector<double> cum;
    double acc = 0;
    for (std::size_t f = fb; f < fe; ++f) cum.push_back(acc += std::max(1.0f, fs.base_size[f]));
    for (const application* a = first; a != last; ++a) {
        const auto i = seekers[a->seeker].index;
        if (is_employed(w, i)) continue;
        auto u = w.rng.uniforms(draws::matching::fixed_rate_hire, w.month_key(), a->id);
        if (u[0] >= m.fixed_job_finding_rate) continue;
        const auto k = static_cast<std::size_t>(std::upper_bound(cum.begin(), cum.end(), u[1] * acc) - cum.begin());
        const auto f = fb + std::min(k, fe - fb - 1);
        hire(w, i, static_cast<std::int32_t>(f), nash_wage(w, match_productivity(w, i, f), own_reservation(w, i), f));
        fs.hires[f] += 1;
        counts[hires] += 1;
    }
}

// Meetings and offers in one market; writes offers[k] for application k of the market.
void make_offers(world& w, const surplus_logs& L, std::size_t mk, const application* first, const application* last,
                 offer* offers) {
    const auto& m = w.sc->model;
    const auto& fs = w.firms;
    const std::size_t fb = w.market_firm_begin[mk], fe = w.market_firm_begin[mk + 1];
    const auto S = static_cast<std::size_t>(last - first);
    if (S == 0 || fe == fb) return;
    std::vector<std::uint32_t> open;
    std::int64_t V = 0;
    for (std::size_t f = fb; f < fe; ++f)
        if (fs.vacancies[f] > 0) {
            open.push_back(static_cast<std::uint32_t>(f));
            V += fs.vacancies[f];
        }
    if (V == 0) return;
    std::sort(open.begin(), open.end(), [&](std::uint32_t a, std::uint32_t b) {
        const float pa = fs.log_productivity[a] + fs.shock[a], pb = fs.log_productivity[b] + fs.shock[b];
        return pa != pb ? pa > pb : a < b;
    });
    const auto u = w.rng.uniforms(draws::market::meetings, w.month_key(), static_cast<std::uint32_t>(mk));
    const double Sd = static_cast<double>(S), Vd = static_cast<double>(V);
    const double expected =
        m.matching_efficiency * std::pow(Sd, m.matching_elasticity) * std::pow(Vd, 1.0 - m.matching_elasticity);
    const auto M = std::min<std::int64_t>({static_cast<std::int64_t>(S), V, stochastic_round(expected, u[0])});
    // Posts left per open firm; `best` is the most productive with posts left, `informal`
    // the most productive informal one.
    std::vector<std::int32_t> left(open.size());
    for (std::size_t q = 0; q < open.size(); ++q) left[q] = fs.vacancies[open[q]];
    std::size_t best = 0, informal = 0;
    auto next_informal = [&] {
        while (informal < open.size() && (fs.is_formal[open[informal]] || left[informal] == 0)) ++informal;
    };
    next_informal();
    // Applicants for whom the best open post (or, when it is formal, the best informal one)
    // has no surplus do not take a meeting: they would accept none of the posts left.
    std::int64_t met = 0;
    for (std::size_t k = 0; k < S && met < M && best < open.size(); ++k) {
        const auto i = first[k].index;
        std::size_t q = best;
        applicant_values v;
        if (!meets(w, L, first[k], i, open[q], v)) {
            if (!fs.is_formal[open[q]] || informal >= open.size() || !meets(w, L, first[k], i, open[informal], v))
                continue;
            q = informal;
        }
        const auto f = open[q];
        ++met;
        if (v.productivity < 0) v.productivity = match_productivity(w, i, f);
        if (v.reservation < 0) v.reservation = own_reservation(w, i);
        const auto wage = static_cast<float>(nash_wage(w, v.productivity, v.reservation, f));
        offers[k] = {static_cast<std::int32_t>(f), wage, 0,
                     offer_value(w, static_cast<double>(wage), f, w.workers.region[i], mk / field_count)};
        --left[q];
        while (best < open.size() && left[best] == 0) ++best;
        next_informal();
    }
}

// Cumulative weights of the other markets an applicant from market (o, f) may apply to,
// [(o * F + f) * M + (j * F + k)]: vacancies discounted by the expected log-wage loss.
std::vector<double> outside_weights(const world& w) {
    const auto& m = w.sc->model;
    const std::size_t R = w.region_count(), M = w.market_count();
    std::vector<double> V(M, 0.0);
    for (std::size_t mk = 0; mk < M; ++mk)
        for (std::size_t f = w.market_firm_begin[mk]; f < w.market_firm_begin[mk + 1]; ++f)
            V[mk] += w.firms.vacancies[f];
    std::vector<double> cum(M * M, 0.0);
    for (std::size_t o = 0; o < R; ++o)
        for (std::size_t f = 0; f < field_count; ++f) {
            double acc = 0;
            double* row = &cum[world::market_of(o, f) * M];
            for (std::size_t mk = 0; mk < M; ++mk) {
                const std::size_t j = mk / field_count, k = mk % field_count;
                if (mk != world::market_of(o, f) && V[mk] > 0)
                    acc += V[mk] * std::exp(-m.search_distance_cost * hundreds_of_km(w.distance_km[o * R + j]) -
                                            (k != f ? m.field_switch_penalty : 0.0));
                row[mk] = acc;
            }
        }
    return cum;
}

// Who searches this month, with its score and the markets it applies to.
std::vector<seeker> gather_seekers(world& w, int outside_n, const std::vector<double>& outside_cum,
                                   const surplus_logs& logs) {
    const auto& m = w.sc->model;
    auto& ws = w.workers;
    const std::uint32_t month = w.month_key();
    const std::size_t M = w.market_count();
    // Formality by employer without a branch on the status.
    const std::uint8_t* const formal_of = column_or_zero(w.firms.is_formal);
    return gather_blocks<seeker>(ws.size(), w.block_size, [&](std::size_t b, std::size_t e, auto& out) {
        for_each_drawn_if(
            w.rng, draws::matching::search, month, ws.id.data(), b, e,
            [&](std::size_t i) { return ws.in_labor_force(i); },
            [&](std::size_t i, const draw_words& d, std::size_t j) {
                const auto st = ws.status[i];
                const bool emp = st == static_cast<std::uint8_t>(worker_status::employed);
                const bool formal = formal_of[select(emp, ws.employer[i], 0)] != 0;
                if (emp & (d.unit(j, 0) >= select(formal, m.on_the_job_search, m.informal_on_the_job_search))) return;
                // Gumbel noise: what the firm cannot see of the applicant.
                const double noise = -std::log(-std::log(d.unit(j, 1))) * m.score_noise;
                const double bonus = ws.has(i, worker_flag::placement) ? m.placement_priority : 0.0;
                seeker s{static_cast<std::uint32_t>(i),
                         ws.id[i],
                         static_cast<float>(ws.skill[i] + w.wage_premium(ws.level[i]) + bonus + noise),
                         surplus_base(w, logs, i),
                         {},
                         1,
                         ws.level[i],
                         ws.field[i],
                         select(emp, ws.employer[i], no_employer)};
                const std::size_t o = ws.region[i], field = ws.field[i];
                s.markets[0] = static_cast<std::uint32_t>(world::market_of(o, field));
                // Search widens after the first month: who became unemployed this month (entrants,
                // graduates, dropouts, returners, the newly separated) searches its own market
                // first. Nor does who moved in this month's migration (one move a month) or is in a
                // policy course (as in migration) search elsewhere.
                const bool newly_unemployed =
                    st == static_cast<std::uint8_t>(worker_status::unemployed) && ws.months_in_status[i] == 0;
                if (outside_n > 0 && d.unit(j, 2) < m.outside_search_share && !newly_unemployed &&
                    !ws.has(i, worker_flag::moved) && ws.course[i] == no_course) {
                    const double* row = &outside_cum[s.markets[0] * M];
                    const auto v = w.rng.uniforms(draws::matching::outside_markets, month, ws.id[i]);
                    for (int k = 0; k < outside_n && row[M - 1] > 0; ++k) {
                        const auto mk = static_cast<std::uint32_t>(std::min<std::size_t>(
                            M - 1, static_cast<std::size_t>(std::upper_bound(row, row + M, v[k] * row[M - 1]) - row)));
                        if (std::find(s.markets, s.markets + s.apps, mk) == s.markets + s.apps)
                            s.markets[s.apps++] = mk;
                    }
                }
                out.push_back(s);
            });
    });
}

// Each seeker takes its best offer (by log wage less the distance cost); counts by region
// [3 * r + k]: moves in, moves out, hires from unemployment.
std::vector<std::int64_t> accept_best_offers(const world& w, const std::vector<seeker>& seekers,
                                             const std::vector<application>& apps,
                                             const std::vector<std::size_t>& app_begin, std::vector<offer>& offers) {
    const auto& m = w.sc->model;
    const auto& ws = w.workers;
    const std::size_t R = w.region_count();
    // A seeker's applications are found through their positions.
    std::vector<std::uint32_t> position(apps.size());
    for_blocks(apps.size(), w.block_size, [&](std::size_t b, std::size_t e) {
        for (std::size_t k = b; k < e; ++k) position[apps[k].slot] = static_cast<std::uint32_t>(k);
    });
    return count_blocks(seekers.size(), w.block_size, 3 * R, [&](std::size_t b, std::size_t e, std::int64_t* c) {
        for (std::size_t k = b; k < e; ++k) {
            const auto& s = seekers[k];
            const std::size_t i = s.index, o = ws.region[i];
            // The best offer, by selects (whether an application drew an offer varies from one
            // to the next; no offer is worth -inf).
            double best = -1e300;
            std::size_t best_pos = apps.size();
            for (std::size_t a = 0; a < s.apps; ++a) {
                const std::size_t pos = position[app_begin[k] + a];
                const double value = offers[pos].value;
                const bool better = value > best;
                best = select(better, value, best);
                best_pos = select(better, pos, best_pos);
            }
            if (best_pos == apps.size()) continue;
            const std::size_t j = apps[best_pos].market / field_count;
            const double keep =
                is_employed(w, i) ? static_cast<double>(ws.wage_vnd[i]) : (j == o ? 0.0 : own_reservation(w, i));
            const double keep_value = is_formal_job(w, i) ? m.formal_job_value : 0.0;
            if (keep > 0 && best <= std::log(keep) + keep_value) continue;
            offers[best_pos].accepted = 1;
            if (!is_employed(w, i)) c[3 * o + 2] += 1;  // hire from unemployment, by origin
            if (j != o) {
                c[3 * o + 1] += 1;
                c[3 * j] += 1;
            }
        }
    });
}

// Applications, one per (seeker, market), bucketed by market: a counting sort that keeps
// seeker order within each market, in two parallel passes (each block of seekers counts its
// applications per market, then writes them from its own offset in each market; blocks are
// fixed multiples of block_size, so the result depends on neither). Fills
// app_begin (each seeker's first application number) and begin (each market's first slot).
std::vector<application> bucket_applications(const world& w, const std::vector<seeker>& seekers,
                                             std::vector<std::size_t>& app_begin, std::vector<std::size_t>& begin) {
    const auto& m = w.sc->model;
    const std::size_t markets = w.market_count(), S = seekers.size(), block = w.block_size;
    const std::size_t blocks = (S + block - 1) / block;
    app_begin.assign(S + 1, 0);
    for (std::size_t k = 0; k < S; ++k) app_begin[k + 1] = app_begin[k] + seekers[k].apps;
    std::vector<std::size_t> at(blocks * markets, 0);  // per block and market: count, then offset
    for_each_index(blocks, [&](std::size_t q) {
        std::size_t* c = &at[q * markets];
        for (std::size_t k = q * block; k < std::min(S, (q + 1) * block); ++k)
            for (std::size_t a = 0; a < seekers[k].apps; ++a) c[seekers[k].markets[a]] += 1;
    });
    begin.assign(markets + 1, 0);
    for (std::size_t mk = 0; mk < markets; ++mk) {
        std::size_t acc = begin[mk];
        for (std::size_t q = 0; q < blocks; ++q) acc += std::exchange(at[q * markets + mk], acc);
        begin[mk + 1] = acc;
    }
    std::vector<application> apps(app_begin.back());
    const auto switch_penalty = static_cast<float>(m.field_switch_penalty);
    for_each_index(blocks, [&](std::size_t q) {
        std::size_t* next = &at[q * markets];
        for (std::size_t k = q * block; k < std::min(S, (q + 1) * block); ++k) {
            const auto& sk = seekers[k];
            for (std::size_t a = 0; a < sk.apps; ++a) {
                const float score = sk.score - (sk.markets[a] % field_count != sk.field ? switch_penalty : 0.f);
                apps[next[sk.markets[a]]++] = {
                    sk.markets[a],   score,    sk.id,    static_cast<std::uint32_t>(k),
                    sk.surplus_base, sk.level, sk.field, static_cast<std::uint32_t>(app_begin[k] + a),
                    sk.employer,     sk.index};
            }
        }
    });
    return apps;
}

}  // namespace

void run_matching(world& w) {
    const auto& m = w.sc->model;
    auto& ws = w.workers;
    const std::size_t R = w.region_count();
    const bool fixed = m.fixed_job_finding_rate > 0;
    const int outside_n = fixed ? 0 : std::clamp(static_cast<int>(m.outside_applications), 0, max_outside);
    const auto outside_cum = outside_n > 0 ? outside_weights(w) : std::vector<double>{};
    const surplus_logs logs(w);

    const auto seekers = gather_seekers(w, outside_n, outside_cum, logs);
    // Applications: one per (seeker, market), bucketed by market in seeker order, then each
    // market's ranking sorted by score.
    const std::size_t markets = w.market_count();
    std::vector<std::size_t> app_begin, begin;
    auto apps = bucket_applications(w, seekers, app_begin, begin);
    for_each_index(markets, [&](std::size_t mk) { rank_market(apps.data() + begin[mk], apps.data() + begin[mk + 1]); });
    std::vector<std::int64_t> counts(markets * width, 0);
    // Unemployed searchers by region, before anyone is hired.
    const auto searching =
        count_blocks(seekers.size(), w.block_size, R, [&](std::size_t b, std::size_t e, std::int64_t* c) {
            for (std::size_t k = b; k < e; ++k)
                if (!is_employed(w, seekers[k].index)) c[ws.region[seekers[k].index]] += 1;
        });
    for (std::size_t r = 0; r < R; ++r) w.add_flow(r, flow::unemployed_searchers, searching[r]);

    if (fixed) {
        for_each_index(markets, [&](std::size_t mk) {
            match_fixed_rate(w, mk, apps.data() + begin[mk], apps.data() + begin[mk + 1], seekers, &counts[mk * width]);
        });
        for (std::size_t mk = 0; mk < markets; ++mk) {
            w.add_flow(mk / field_count, flow::hires, counts[mk * width + hires]);
            w.add_flow(mk / field_count, flow::hires_from_unemployment, counts[mk * width + hires]);
        }
        return;
    }

    std::vector<offer> offers(apps.size());
    for_each_index(markets, [&](std::size_t mk) {
        make_offers(w, logs, mk, apps.data() + begin[mk], apps.data() + begin[mk + 1], offers.data() + begin[mk]);
    });
    const auto moves = accept_best_offers(w, seekers, apps, app_begin, offers);
    w.add_flows(moves, {flow::migration_in, flow::migration_out, flow::hires_from_unemployment});
    for_each_index(markets, [&](std::size_t mk) {
        for (std::size_t k = begin[mk]; k < begin[mk + 1]; ++k) {
            if (!offers[k].accepted) continue;
            const auto f = offers[k].firm;
            hire(w, apps[k].index, f, offers[k].wage);
            w.firms.vacancies[f] -= 1;
            w.firms.hires[f] += 1;
            counts[mk * width + hires] += 1;
        }
    });
    for (std::size_t mk = 0; mk < markets; ++mk) w.add_flow(mk / field_count, flow::hires, counts[mk * width + hires]);
}

}  // namespace laborsim
