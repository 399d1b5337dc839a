// school_enterprise_partnership: firms order training from partner schools and take their
// students as interns. While active and funded (the month's cost, students enrolled at the
// partner schools x cost_per_student_month_vnd, fits in the budget left), at each partner:
//   seats/month      += ordered_seats_per_year / 12 (times scale)   (ordered training)
//   skill gain       += internship_skill_bonus                         (internships)
//   graduates        get placement priority in matching (the score bonus of placement
//                    support) and are followed for placement_window_months
// When the policy ends or a month cannot be paid, the partners' seats and skill gain return
// to what they were and new graduates are no longer prioritised.
// Series: spending_vnd, beneficiaries (students at partner schools), partner_graduates,
// placed (partner graduates employed within the window), not_placed, ordered_seats
// (persons/year added).
#include "policy/policy_apply.hpp"

namespace laborsim {

namespace {

enum slot : int { graduates, placed, not_placed };

void size_state(world& w, policy_state& st) {
    if (st.school_seat_delta.size() == w.schools.size()) return;
    st.school_seat_delta.assign(w.schools.size(), 0.0);
    st.school_skill_delta.assign(w.schools.size(), 0.0);
    st.school_months.assign(w.schools.size(), 0);  // 1: a partner of this policy
}

bool is_partner(const world& w, const policy_state& st, std::size_t s, const school_enterprise_partnership& sp) {
    if (!st.region_on[w.schools.region[s]]) return false;
    if (sp.schools.empty()) return true;
    for (const auto& id : sp.schools)
        if (w.sc->schools[s].id == id) return true;
    return false;
}

void set_levers(world& w, std::size_t k, bool on, const school_enterprise_partnership& sp) {
    auto& st = w.policies[k];
    auto& sch = w.schools;
    for (std::size_t s = 0; s < sch.size(); ++s) {
        const bool partner_on = on && st.school_months[s] != 0;
        sch.seats_per_month[s] -= st.school_seat_delta[s];
        sch.skill_gain[s] -= st.school_skill_delta[s];
        st.school_seat_delta[s] = partner_on ? sp.ordered_seats_per_year * w.scale / 12.0 : 0.0;
        st.school_skill_delta[s] = partner_on ? sp.internship_skill_bonus : 0.0;
        sch.seats_per_month[s] += st.school_seat_delta[s];
        sch.skill_gain[s] += st.school_skill_delta[s];
        if (partner_on) sch.partner_policy[s] = static_cast<std::uint8_t>(k);
        else if (sch.partner_policy[s] == k) sch.partner_policy[s] = no_policy;
    }
}

}  // namespace

void apply_school_enterprise_partnership(world& w, std::size_t k, const policy_spec& p,
                                         const school_enterprise_partnership& sp) {
    auto& st = w.policies[k];
    size_state(w, st);
    double students = 0, ordered = 0;
    for (std::size_t s = 0; s < w.schools.size(); ++s) {
        st.school_months[s] = is_partner(w, st, s, sp) && w.schools.open[s] ? 1 : 0;
        if (st.school_months[s]) {
            students += w.schools.enrolled[s] / w.scale;
            ordered += sp.ordered_seats_per_year;
        }
    }
    const double cost = students * sp.cost_per_student_month_vnd;
    const bool funded = cost <= budget_left_vnd(w, k, p);
    set_levers(w, k, funded, sp);
    record_spending(w, k, funded ? cost : 0.0);
    st.add("beneficiaries", funded ? students : 0.0);
    st.add("ordered_seats", funded ? ordered : 0.0);
}

void tag_month_partnership(world& w, std::size_t i, const school_enterprise_partnership& sp, std::int64_t* cnt) {
    auto& ws = w.workers;
    if (ws.tag_months[i] == 0) cnt[graduates] += 1;
    if (ws.status[i] == static_cast<std::uint8_t>(worker_status::employed)) {
        cnt[placed] += 1;
        ws.tag_policy[i] = no_policy;
        return;
    }
    if (++ws.tag_months[i] >= std::clamp(sp.placement_window_months, 1, 255)) {
        cnt[not_placed] += 1;
        ws.tag_policy[i] = no_policy;
    }
}

void report_school_enterprise_partnership(world& w, std::size_t k, const policy_spec& p, const std::int64_t* cnt) {
    auto& st = w.policies[k];
    // Ended: the partners' levers go back (the apply function only runs while active).
    if (!p.active(w.now) && !st.school_months.empty())
        set_levers(w, k, false, std::get<school_enterprise_partnership>(p.params));
    st.add("partner_graduates", static_cast<double>(cnt[graduates]) / w.scale);
    st.add("placed", static_cast<double>(cnt[placed]) / w.scale);
    st.add("not_placed", static_cast<double>(cnt[not_placed]) / w.scale);
}

}  // namespace laborsim
