// The policy schedule phase, at the start of each month:
//  1. budgets roll over on 1 January; levers that policies set afresh each month
//     (migration incentives) are reset; each policy's own state is made before its first month;
//  2. one parallel pass follows the workers that policies selected earlier (courses,
//     commitments, study abroad, placement windows), active policies or not, then every
//     policy reports from its counters;
//  3. every active policy applies;
//  4. the `moved` marks of last month's migration are cleared once the policies that read
//     them have.
// Every step calls the same hook of each type (policy_hooks.hpp, defined in the type's own
// file), so no step names a policy type.
#include <limits>
#include <variant>

#include "model/phases.hpp"
#include "policy/policy_hooks.hpp"
#include "policy/policy_tools.hpp"

namespace laborsim {

namespace {

template <class T>
using hooks_of = policy_hooks<std::decay_t<T>>;

// Policy k's follow-up of worker i, with k's counters.
void follow_up(world& w, std::size_t i, std::size_t k, std::int64_t* counters) {
    std::visit(
        [&](const auto& spec) { hooks_of<decltype(spec)>::follow_up(w, i, k, spec, counters + k * follow_up_slots); },
        w.sc->policies[k].params);
}

void follow_up_workers(world& w) {
    const auto& policies = w.sc->policies;
    const std::size_t P = policies.size();
    auto& ws = w.workers;
    const auto c = count_blocks(ws.size(), w.block_size, P * follow_up_slots,
                                [&](std::size_t b, std::size_t e, std::int64_t* cnt) {
                                    for (std::size_t i = b; i < e; ++i) {
                                        if ((ws.course[i] & ws.tag_policy[i]) == no_policy)
                                            continue;  // neither (both 0xFF): most workers
                                        // Each policy holding the worker (by its course, then by its tag) follows it
                                        // once.
                                        const auto course = ws.course[i], tag = ws.tag_policy[i];
                                        if (course != no_course) follow_up(w, i, course, cnt);
                                        if (tag != no_policy && tag != course) follow_up(w, i, tag, cnt);
                                    }
                                });
    for (std::size_t k = 0; k < P; ++k) {
        const auto& p = policies[k];
        std::visit([&](const auto& spec) { hooks_of<decltype(spec)>::report(w, k, p, spec, &c[k * follow_up_slots]); },
                   p.params);
    }
}

// Policy k's budget for this calendar year: annual_budget_vnd in whole agents at its unit
// cost (one agent stands for 1/scale persons); the fraction carries to the next year, and in
// the policy's last year in the run it is taken with its own probability. The expected
// total is the budget at every scale (0: no cap, no rounding).
double budget_for_the_year(world& w, std::size_t k) {
    const auto& p = w.sc->policies[k];
    auto& st = w.policies[k];
    if (p.annual_budget_vnd <= 0) return 0;
    const year_month last = std::min(p.end, w.sc->calendar.end);
    if (w.now.year < p.start.year || w.now.year > last.year) return 0;  // no budget, no credit, outside its years
    const double unit =
        std::visit([](const auto& spec) { return hooks_of<decltype(spec)>::unit_cost_vnd(spec); }, p.params);
    if (!(unit > 0)) return p.annual_budget_vnd;
    const double per_agent = unit / w.scale;
    st.budget_credit = std::min(st.budget_credit + p.annual_budget_vnd / per_agent, max_agents);
    const std::int64_t agents =
        w.now.year < last.year
            ? whole_agents(st.budget_credit)
            : whole_agents(st.budget_credit, counter_rng::to_unit(w.rng.words(rng_stream::policy, w.month_key(), 0,
                                                                              policy_draw::budget_rounding.at(k))[0]));
    if (agents == std::numeric_limits<std::int64_t>::max()) return p.annual_budget_vnd;  // never binds
    st.budget_credit = std::max(0.0, st.budget_credit - static_cast<double>(agents));
    return static_cast<double>(agents) * per_agent;
}

}  // namespace

void run_policy_schedule(world& w) {
    const auto& policies = w.sc->policies;
    if (policies.empty()) return;
    bool moved_marks_read = false;
    for (std::size_t k = 0; k < policies.size(); ++k) {
        auto& st = w.policies[k];
        if (st.budget_year != w.now.year) {
            st.budget_year = w.now.year;
            st.spent_this_year_vnd = 0;
            st.budget_this_year_vnd = budget_for_the_year(w, k);
        }
        if (st.region_on.empty()) {
            st.region_on.assign(w.region_count(), 0);
            for (auto r : target_regions(w, policies[k])) st.region_on[r] = 1;
        }
        std::visit(
            [&](const auto& spec) {
                using hooks = hooks_of<decltype(spec)>;
                // Every series is written every month, 0 when nothing happened.
                st.month_series.clear();
                st.month_series.emplace_back(spending_series.name, 0.0);
                for (const auto& s : hooks::series()) st.month_series.emplace_back(s.name, 0.0);
                if (!st.own.has_value()) hooks::make_state(st);
                moved_marks_read = moved_marks_read || hooks::reads_moved_marks();
            },
            policies[k].params);
    }
    for (auto& reg : w.regions) {
        reg.migration_incentive = 0;
        reg.group_incentive.fill(0.f);
    }
    follow_up_workers(w);
    for (std::size_t k = 0; k < policies.size(); ++k) {
        const auto& p = policies[k];
        if (!p.active(w.now)) continue;
        std::visit([&](const auto& spec) { hooks_of<decltype(spec)>::apply(w, k, p, spec); }, p.params);
    }
    if (moved_marks_read) {
        auto& ws = w.workers;
        for_blocks(ws.size(), w.block_size, [&](std::size_t b, std::size_t e) {
            for (std::size_t i = b; i < e; ++i) ws.flags[i] &= static_cast<std::uint8_t>(~worker_flag::moved);
        });
    }
}

void save_policy_own(const world& w, std::size_t k, state_writer& out) {
    std::visit([&](const auto& spec) { hooks_of<decltype(spec)>::save_state(w.policies[k], out); },
               w.sc->policies[k].params);
}

void load_policy_own(world& w, std::size_t k, state_reader& in) {
    std::visit([&](const auto& spec) { hooks_of<decltype(spec)>::load_state(w.policies[k], in); },
               w.sc->policies[k].params);
}

}  // namespace laborsim
