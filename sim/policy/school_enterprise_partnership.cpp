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
#include "policy/policy_rules.hpp"

namespace laborsim {

namespace {

enum slot : int { graduates, placed, not_placed };

// What the policy changed at each school, so it can undo it, and which schools are partners.
struct partnership_state {
    std::vector<double> seat_delta;     // seats/month added
    std::vector<double> skill_delta;    // skill gain added
    std::vector<std::int32_t> partner;  // 1: a partner of this policy

    template <class Self, class F>
    static void members(Self& s, F&& f) {
        f(s.seat_delta, s.skill_delta, s.partner);
    }
};

void size_state(world& w, partnership_state& own) {
    if (own.seat_delta.size() == w.schools.size()) return;
    own.seat_delta.assign(w.schools.size(), 0.0);
    own.skill_delta.assign(w.schools.size(), 0.0);
    own.partner.assign(w.schools.size(), 0);
}

bool is_partner(const world& w, const policy_state& st, std::size_t s, const school_enterprise_partnership& sp) {
    if (!st.region_on[w.schools.region[s]]) return false;
    if (sp.schools.empty()) return true;
    for (const auto& id : sp.schools)
        if (w.sc->schools[s].id == id) return true;
    return false;
}

void set_levers(world& w, std::size_t k, bool on, const school_enterprise_partnership& sp, partnership_state& own) {
    auto& sch = w.schools;
    for (std::size_t s = 0; s < sch.size(); ++s) {
        const bool partner_on = on && own.partner[s] != 0;
        sch.seats_per_month[s] -= own.seat_delta[s];
        sch.skill_gain[s] -= own.skill_delta[s];
        own.seat_delta[s] = partner_on ? sp.ordered_seats_per_year * w.scale / 12.0 : 0.0;
        own.skill_delta[s] = partner_on ? sp.internship_skill_bonus : 0.0;
        sch.seats_per_month[s] += own.seat_delta[s];
        sch.skill_gain[s] += own.skill_delta[s];
        if (partner_on) sch.partner_policy[s] = static_cast<std::uint8_t>(k);
        else if (sch.partner_policy[s] == k) sch.partner_policy[s] = no_policy;
    }
}

void apply_school_enterprise_partnership(world& w, std::size_t k, const policy_spec& p,
                                         const school_enterprise_partnership& sp, partnership_state& own) {
    auto& st = w.policies[k];
    size_state(w, own);
    double students = 0, ordered = 0;
    for (std::size_t s = 0; s < w.schools.size(); ++s) {
        own.partner[s] = is_partner(w, st, s, sp) && w.schools.open[s] ? 1 : 0;
        if (own.partner[s]) {
            students += w.schools.enrolled[s] / w.scale;
            ordered += sp.ordered_seats_per_year;
        }
    }
    const double cost = students * sp.cost_per_student_month_vnd;
    const bool funded = cost <= budget_left_vnd(w, k, p);
    set_levers(w, k, funded, sp, own);
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
    if (++ws.tag_months[i] >= std::clamp(sp.placement_window_months, 1, max_counter_months)) {
        cnt[not_placed] += 1;
        ws.tag_policy[i] = no_policy;
        ws.set(i, worker_flag::placement, false);  // the partners' hiring preference lasts the window
    }
}

void report_school_enterprise_partnership(world& w, std::size_t k, const policy_spec& p,
                                          const school_enterprise_partnership& sp, const std::int64_t* cnt,
                                          partnership_state& own) {
    auto& st = w.policies[k];
    // Ended: the partners' levers go back (the apply function only runs while active).
    if (!p.active(w.now) && !own.partner.empty()) set_levers(w, k, false, sp, own);
    st.add("partner_graduates", static_cast<double>(cnt[graduates]) / w.scale);
    st.add("placed", static_cast<double>(cnt[placed]) / w.scale);
    st.add("not_placed", static_cast<double>(cnt[not_placed]) / w.scale);
}

}  // namespace

template <>
struct policy_rules<school_enterprise_partnership> {
    using spec_type = school_enterprise_partnership;
    using state = partnership_state;
    static constexpr series_spec series[] = {
        {"beneficiaries", series_kind::stock, "persons"},    {"ordered_seats", series_kind::stock, "persons/year"},
        {"partner_graduates", series_kind::flow, "persons"}, {"placed", series_kind::flow, "persons"},
        {"not_placed", series_kind::flow, "persons"},
    };
    static double unit_cost_vnd(const spec_type& sp) { return sp.cost_per_student_month_vnd; }

    static policy_schema schema() {
        // clang-format off
        using vt = value_type;
        using S = spec_type;
        return {"Firms order training from partner schools and take their students as interns.", {
            {"schools", vt::string_list, "all schools in the regions", "", "Partner school ids.", {}, {},
             bind_to<&S::schools>(key_refers::school_ids)},
            {"ordered_seats_per_year", vt::nonneg, "0", "persons/year", "Extra seats per partner school ordered by firms.", {}, {},
             bind_to<&S::ordered_seats_per_year>()},
            {"internship_skill_bonus", vt::number, "0.05", "log points", "Skill added on graduation from a partner school.", {}, {},
             bind_to<&S::internship_skill_bonus>()},
            {"cost_per_student_month_vnd", vt::nonneg, "0", "VND/month", "Cost per student enrolled at a partner school.", {}, {},
             bind_to<&S::cost_per_student_month_vnd>()},
            {"placement_window_months", vt::integer, "12", "months", "How long graduates keep the partners' hiring preference (placement priority in matching) and are followed to count placements (1-255).", {}, {},
             bind_months<&S::placement_window_months>(1)},
        }};
        // clang-format on
    }

    static void apply(world& w, std::size_t k, const policy_spec& p, const spec_type& sp) {
        apply_school_enterprise_partnership(w, k, p, sp, state_of<school_enterprise_partnership>(w, k));
    }
    static void follow_up(world& w, std::size_t i, std::size_t, const spec_type& sp, std::int64_t* cnt) {
        tag_month_partnership(w, i, sp, cnt);
    }
    static void report(world& w, std::size_t k, const policy_spec& p, const spec_type& sp, const std::int64_t* cnt) {
        report_school_enterprise_partnership(w, k, p, sp, cnt, state_of<school_enterprise_partnership>(w, k));
    }
};

template struct policy_hooks<school_enterprise_partnership>;

}  // namespace laborsim
