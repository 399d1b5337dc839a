// The shared policy tools of policy_tools.hpp: targeting, budgets, yearly rates.
#include "policy/policy_tools.hpp"

#include <limits>

namespace laborsim {

std::vector<std::size_t> target_regions(const world& w, const policy_spec& p) {
    std::vector<std::size_t> out;
    for (std::size_t r = 0; r < w.region_count(); ++r)
        if (p.targets(w.sc->regions[r].id)) out.push_back(r);
    return out;
}

double budget_left_vnd(const world& w, std::size_t k, const policy_spec& p) {
    if (p.annual_budget_vnd <= 0) return std::numeric_limits<double>::infinity();
    return std::max(0.0, w.policies[k].budget_this_year_vnd - w.policies[k].spent_this_year_vnd);
}

void record_spending(world& w, std::size_t k, double vnd) {
    w.policies[k].spent_this_year_vnd += vnd;
    w.policies[k].add("spending_vnd", vnd);
}

std::int64_t whole_agents(double x, double u) {
    if (!(x > 0)) return 0;
    if (x >= max_agents) return std::numeric_limits<std::int64_t>::max();  // beyond any population
    auto n = static_cast<std::int64_t>(std::floor(x));
    if (u >= 0 && (x - static_cast<double>(n)) > u) ++n;
    return n;
}

std::int64_t affordable_agents(const world& w, std::size_t k, const policy_spec& p, double cost_per_person_vnd) {
    if (cost_per_person_vnd <= 0 || p.annual_budget_vnd <= 0) return std::numeric_limits<std::int64_t>::max();
    // Spending is in persons: one agent stands for 1/scale people. The budget is a whole number
    // of agents' costs, booked as (agents / scale) * cost, which may round a last bit apart
    // from it: a relative tolerance keeps the last agent payable.
    const double per_agent = cost_per_person_vnd / w.scale;
    const double left = budget_left_vnd(w, k, p) * (1 + 1e-9);
    auto n = whole_agents(left / per_agent);
    if (n == std::numeric_limits<std::int64_t>::max()) return n;
    while (n > 0 && static_cast<double>(n) * per_agent > left) --n;  // the division may round up
    while (static_cast<double>(n + 1) * per_agent <= left) ++n;      // or down
    return n;
}

std::int64_t monthly_agents(world& w, std::size_t k, double persons_per_year) {
    auto& st = w.policies[k];
    const auto& p = w.sc->policies[k];
    const double monthly = persons_per_year * w.scale / 12.0;
    // Whole places left unused last month (no money, no candidate): a policy of at least one
    // place a month drops them, as it always has; a smaller one keeps one waiting, so that
    // the month its place comes due and the month its money does need not coincide.
    if (const double unused = std::floor(st.seat_credit); unused >= 1)
        st.seat_credit -= monthly >= 1 ? unused : unused - 1;  // the fraction always stays
    st.seat_credit = std::min(st.seat_credit + monthly, max_agents);
    if (w.now != std::min(p.end, w.sc->calendar.end)) return whole_agents(st.seat_credit);
    // The last month: no fraction left behind.
    return whole_agents(st.seat_credit, counter_rng::to_unit(w.rng.words(rng_stream::policy, w.month_key(), 0,
                                                                         policy_draw::last_seat.at(k))[0]));
}

void use_agents(world& w, std::size_t k, std::int64_t used) {
    auto& st = w.policies[k];
    st.seat_credit = std::max(0.0, st.seat_credit - static_cast<double>(used));
}

std::int64_t agents_for(const world& w, std::size_t k, std::uint32_t index, double persons) {
    const double agents = persons * w.scale;
    if (!(agents > 0)) return 0;
    if (agents >= 1e15) return std::numeric_limits<std::int64_t>::max();
    const double u =
        counter_rng::to_unit(w.rng.words(rng_stream::policy, 0, index, policy_draw::fixed_rounding.at(k))[0]);
    return stochastic_round(agents, u);
}

}  // namespace laborsim
