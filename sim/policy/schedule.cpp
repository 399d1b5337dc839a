// The policy schedule phase, at the start of each month:
//  1. budgets roll over on 1 January; levers that policies set afresh each month
//     (migration incentives) are reset;
//  2. one parallel pass follows the workers that policies selected earlier (courses,
//     commitments, study abroad, placement windows), active policies or not;
//  3. every active policy applies (std::visit over the variant);
//  4. the `moved` marks of last month's migration are cleared once talent policies read them.
#include <limits>

#include "model/phases.hpp"
#include "policy/policy_apply.hpp"

namespace laborsim {

std::vector<std::size_t> target_regions(const world& w, const policy_spec& p) {
    std::vector<std::size_t> out;
    for (std::size_t r = 0; r < w.region_count(); ++r) {
        if (p.regions.empty()) { out.push_back(r); continue; }
        for (const auto& id : p.regions)
            if (w.sc->regions[r].id == id) out.push_back(r);
    }
    return out;
}

double budget_left_vnd(const world& w, std::size_t k, const policy_spec& p) {
    if (p.annual_budget_vnd <= 0) return std::numeric_limits<double>::infinity();
    return std::max(0.0, p.annual_budget_vnd - w.policies[k].spent_this_year_vnd);
}

void record_spending(world& w, std::size_t k, double vnd) {
    w.policies[k].spent_this_year_vnd += vnd;
    w.policies[k].add("spending_vnd", vnd);
}

std::int64_t affordable_agents(const world& w, std::size_t k, const policy_spec& p, double cost_per_person_vnd) {
    if (cost_per_person_vnd <= 0 || p.annual_budget_vnd <= 0) return std::numeric_limits<std::int64_t>::max();
    // Spending is in persons: one agent stands for 1/scale people.
    const double per_agent = cost_per_person_vnd / w.scale;
    const double left = budget_left_vnd(w, k, p);
    auto n = static_cast<std::int64_t>(std::floor(left / per_agent));
    while (n > 0 && static_cast<double>(n) * per_agent > left) --n;      // the division may round up
    while (static_cast<double>(n + 1) * per_agent <= left) ++n;           // or down
    return n;
}

std::int64_t monthly_agents(world& w, std::size_t k, double persons_per_year) {
    auto& st = w.policies[k];
    const double seats = st.seat_credit + persons_per_year * w.scale / 12.0;
    st.seat_credit = seats - std::floor(seats);
    return static_cast<std::int64_t>(std::floor(seats));
}

namespace {

void follow_up_workers(world& w) {
    const auto& policies = w.sc->policies;
    const std::size_t P = policies.size();
    auto& ws = w.workers;
    const auto c = count_blocks(ws.size(), w.block_size, P * follow_up_slots, [&](std::size_t b, std::size_t e, std::int64_t* cnt) {
        for (std::size_t i = b; i < e; ++i) {
            if ((ws.course[i] & ws.tag_policy[i]) == no_policy) continue;  // neither (both 0xFF): most workers
            if (const auto k = ws.course[i]; k != no_course) {
                std::int64_t* pc = cnt + k * follow_up_slots;
                if (const auto* q = std::get_if<vocational_training_quota>(&policies[k].params)) course_month_vocational(w, i, *q, pc);
                else if (const auto* d = std::get_if<digital_skills_program>(&policies[k].params)) course_month_digital(w, i, *d, pc);
            }
            if (const auto k = ws.tag_policy[i]; k != no_policy) {
                std::int64_t* pc = cnt + k * follow_up_slots;
                const auto& params = policies[k].params;
                if (const auto* t = std::get_if<talent_attraction>(&params)) tag_month_talent(w, i, w.policies[k], *t, pc);
                else if (const auto* s = std::get_if<study_abroad>(&params)) tag_month_study_abroad(w, i, w.policies[k], *s, pc);
                else if (const auto* sp = std::get_if<school_enterprise_partnership>(&params)) tag_month_partnership(w, i, *sp, pc);
            }
        }
    });
    for (std::size_t k = 0; k < P; ++k) {
        const std::int64_t* pc = &c[k * follow_up_slots];
        const auto& p = policies[k];
        std::visit([&](const auto& params) {
            using T = std::decay_t<decltype(params)>;
            if constexpr (std::is_same_v<T, vocational_training_quota>) report_vocational_training_quota(w, k, p, pc);
            else if constexpr (std::is_same_v<T, digital_skills_program>) report_digital_skills_program(w, k, p, pc);
            else if constexpr (std::is_same_v<T, talent_attraction>) report_talent_attraction(w, k, p, params, pc);
            else if constexpr (std::is_same_v<T, study_abroad>) report_study_abroad(w, k, p, params, pc);
            else if constexpr (std::is_same_v<T, school_enterprise_partnership>) report_school_enterprise_partnership(w, k, p, pc);
            else if constexpr (std::is_same_v<T, school_accreditation>) follow_up_school_accreditation(w, k, p, params);
        }, p.params);
    }
}

}  // namespace

void run_policy_schedule(world& w) {
    const auto& policies = w.sc->policies;
    if (policies.empty()) return;
    bool talent = false;
    for (std::size_t k = 0; k < policies.size(); ++k) {
        auto& st = w.policies[k];
        st.month_series.clear();
        if (st.budget_year != w.now.year) { st.budget_year = w.now.year; st.spent_this_year_vnd = 0; }
        if (st.region_on.empty()) {
            st.region_on.assign(w.region_count(), 0);
            for (auto r : target_regions(w, policies[k])) st.region_on[r] = 1;
        }
        talent = talent || std::holds_alternative<talent_attraction>(policies[k].params);
    }
    for (auto& reg : w.regions) {
        reg.migration_incentive = 0;
        reg.group_incentive.fill(0.f);
    }
    follow_up_workers(w);
    for (std::size_t k = 0; k < policies.size(); ++k) {
        const auto& p = policies[k];
        if (!p.active(w.now)) continue;
        std::visit([&](const auto& params) {
            using T = std::decay_t<decltype(params)>;
            if constexpr (std::is_same_v<T, minimum_wage>) apply_minimum_wage(w, k, p, params);
            else if constexpr (std::is_same_v<T, vocational_training_quota>) apply_vocational_training_quota(w, k, p, params);
            else if constexpr (std::is_same_v<T, talent_attraction>) apply_talent_attraction(w, k, p, params);
            else if constexpr (std::is_same_v<T, school_accreditation>) apply_school_accreditation(w, k, p, params);
            else if constexpr (std::is_same_v<T, school_enterprise_partnership>) apply_school_enterprise_partnership(w, k, p, params);
            else if constexpr (std::is_same_v<T, study_abroad>) apply_study_abroad(w, k, p, params);
            else if constexpr (std::is_same_v<T, digital_skills_program>) apply_digital_skills_program(w, k, p, params);
            else if constexpr (std::is_same_v<T, public_recruitment>) apply_public_recruitment(w, k, p, params);
            else if constexpr (std::is_same_v<T, firm_training_subsidy>) apply_firm_training_subsidy(w, k, p, params);
            else static_assert(sizeof(T) == 0, "a policy type without an apply function");
        }, p.params);
    }
    if (talent) {
        auto& ws = w.workers;
        for_blocks(ws.size(), w.block_size, [&](std::size_t b, std::size_t e) {
            for (std::size_t i = b; i < e; ++i) ws.flags[i] &= static_cast<std::uint8_t>(~worker_flag::moved);
        });
    }
}

}  // namespace laborsim
