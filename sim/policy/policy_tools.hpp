// Tools the policy files share: targeting, budgets, yearly rates, random selection of workers
// and follow-up draws. Each policy's behaviour is in its own file (policy_rules.hpp).
#pragma once
#include <algorithm>
#include <tuple>

#include "core/parallel.hpp"
#include "core/rng_batch.hpp"
#include "core/units.hpp"
#include "model/world.hpp"
#include "policy/policy_draws.hpp"

namespace laborsim {

// Counters each policy gets from the schedule's monthly pass over the workers it holds.
inline constexpr std::size_t follow_up_slots = 8;

// Regions a policy targets, as indexes (all regions when the list is empty).
std::vector<std::size_t> target_regions(const world& w, const policy_spec& p);
// Budget left this calendar year (infinity when uncapped).
double budget_left_vnd(const world& w, std::size_t k, const policy_spec& p);
// Books spending (VND, already in persons) against this year's budget and the series.
void record_spending(world& w, std::size_t k, double vnd);
// More agents than any population: amounts beyond it mean "no limit".
inline constexpr double max_agents = 1e15;
// Whole agents from an amount x of agents: floor(x), plus one with probability frac(x) when a
// uniform u in (0, 1) is given; 0 for x <= 0 or NaN; the largest count beyond max_agents.
std::int64_t whole_agents(double x, double u = -1);
// Whole agents a budget pays for at `cost_per_person_vnd` (one agent stands for 1/scale persons).
std::int64_t affordable_agents(const world& w, std::size_t k, const policy_spec& p, double cost_per_person_vnd);
// Places this month from a yearly rate in persons (times scale, in agents). The fraction
// carries in st.seat_credit; a policy of less than one place a month keeps one unused place
// waiting (for money or a candidate), a larger one drops unused whole places (never the
// fraction); in the policy's last month in the run the fraction left is rounded up at random
// with its own probability. So the expected number of places
// is the rate at every scale. The caller says how many it used with use_agents.
std::int64_t monthly_agents(world& w, std::size_t k, double persons_per_year);
void use_agents(world& w, std::size_t k, std::int64_t used);
// Whole agents for `persons` (times scale), rounded up with the probability of the fraction
// by a draw fixed for (policy k, index): a target met to the nearest agent on average.
std::int64_t agents_for(const world& w, std::size_t k, std::uint32_t index, double persons);

// Group membership (rural, unemployed, level, field, age); region and availability are the
// caller's. Inline: it runs for every worker in candidate scans.
inline bool in_group(const world& w, std::size_t i, const target_group& g) {
    const auto& ws = w.workers;
    if (g.rural && ws.has(i, worker_flag::rural) != *g.rural) return false;
    if (g.unemployed && (ws.status[i] == static_cast<std::uint8_t>(worker_status::unemployed)) != *g.unemployed)
        return false;
    if ((ws.status[i] == static_cast<std::uint8_t>(worker_status::inactive)) != g.inactive) return false;
    if (g.min_level && ws.level[i] < static_cast<std::uint8_t>(*g.min_level)) return false;
    if (g.max_level && ws.level[i] > static_cast<std::uint8_t>(*g.max_level)) return false;
    if (g.field && ws.field[i] != static_cast<std::uint8_t>(*g.field)) return false;
    const int age = ws.age_months[i] / 12;
    return age >= g.min_age && age <= g.max_age;
}

// Picks up to n workers among those for which `eligible(i)` holds, at random (each draw keyed
// by policy, month and worker id, so the choice does not depend on threads or order): the n
// eligible workers with the smallest priority words. Only priorities under a cut-off are
// gathered, since the n smallest of all are the n smallest under the cut-off whenever at
// least n are there; the cut-off starts where about 4n of all workers fall and widens
// (from the eligible share it saw) until n are found or it takes everyone.
// Returns worker indexes.
template <class Pred>
std::vector<std::uint32_t> select_workers(const world& w, std::size_t k, std::size_t n, Pred&& eligible) {
    struct candidate {
        std::uint32_t priority, id, index;
    };
    if (n == 0) return {};
    const std::uint32_t month = w.month_key();
    const auto& ws = w.workers;
    constexpr double all = 4294967296.0;
    double share =
        std::min(1.0, 4.0 * static_cast<double>(n) / static_cast<double>(std::max<std::size_t>(1, ws.size())));
    std::vector<candidate> cands;
    for (;;) {
        const auto cut = share >= 1.0 ? std::uint64_t{1} << 32 : static_cast<std::uint64_t>(share * all);
        cands = gather_blocks<candidate>(ws.size(), w.block_size, [&](std::size_t b, std::size_t e, auto& out) {
            for_each_drawn(w.rng, rng_stream::policy, month, policy_draw::selection.at(k), ws.id.data(), b, e,
                           [&](std::size_t i, const draw_words& d, std::size_t j) {
                               const std::uint32_t priority = d.word(j, 0);
                               if (priority < cut && eligible(i))
                                   out.push_back({priority, ws.id[i], static_cast<std::uint32_t>(i)});
                           });
        });
        if (cands.size() >= n || share >= 1.0) break;
        // Eligible share seen so far: cands / (share x workers); aim at 2n next time.
        share = cands.empty() ? share * 16.0
                              : std::min(1.0, share * 2.0 * static_cast<double>(n) / static_cast<double>(cands.size()));
    }
    const auto take = std::min(n, cands.size());
    std::partial_sort(
        cands.begin(), cands.begin() + static_cast<std::ptrdiff_t>(take), cands.end(),
        [](const candidate& a, const candidate& b) { return std::tie(a.priority, a.id) < std::tie(b.priority, b.id); });
    std::vector<std::uint32_t> out(take);
    for (std::size_t c = 0; c < take; ++c) out[c] = cands[c].index;
    return out;
}

// A uniform draw for worker i's follow-up in this month (the use keeps draws apart).
inline double follow_up_uniform(const world& w, std::size_t i, follow_up_draw use) {
    const auto slot = policy_draw::follow_up.at(static_cast<std::size_t>(use));
    return counter_rng::to_unit(w.rng.words(rng_stream::policy, w.month_key(), w.workers.id[i], slot)[0]);
}

// A commitment to stay in policy k's regions (a talent bonus, a return obligation), counted
// down in worker i's tag_months: this month the worker kept it, completed it, or left the
// regions (or the country) with `months_left` still owed. The tag is released when it ends.
struct commitment_month {
    enum outcome { kept, completed, left_early } what;
    int months_left;
};
inline commitment_month count_down_commitment(world& w, std::size_t i, std::size_t k) {
    auto& ws = w.workers;
    const int left = ws.tag_months[i];
    if (!w.policies[k].region_on[ws.region[i]] || ws.status[i] == static_cast<std::uint8_t>(worker_status::abroad)) {
        ws.tag_policy[i] = no_policy;
        return {commitment_month::left_early, left};
    }
    if (--ws.tag_months[i] > 0) return {commitment_month::kept, left - 1};
    ws.tag_policy[i] = no_policy;
    return {commitment_month::completed, 0};
}

}  // namespace laborsim
