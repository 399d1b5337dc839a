// talent_attraction: a one-off bonus and/or a monthly wage top-up for members of a target
// group (level, field, age) who move to - or, with recipients: movers_and_residents, stay
// in - a region, against a commitment to stay there `commitment_months`.
// Effect: while the offer is open (active and the budget can pay at least one bonus), the
// migration logit values the region more for the target's (level, field) groups, by the
// offer's income equivalent in the logit's own income term:
//   incentive_r,g = w_inc * ln(1 + (top_up + bonus / commitment_months) / income_r)
// which draws movers in and keeps residents from leaving. Movers into the region (and
// residents, if chosen) in the target group are paid the bonus, as far as the budget goes,
// and tagged; each month a tagged recipient still in a target region gets the top-up; one who
// leaves early repays clawback_share * bonus * months_left / commitment_months, so a
// recipient weighs leaving the region against that repayment, spread over the commitment:
//   leave_cost = clawback_share * bonus / commitment_months   (VND a month; migration)
// The logit response is by level and field; rural/unemployed/age limits only restrict payment.
// Series: spending_vnd, beneficiaries (new recipients), recruited (movers paid),
// residents_paid, incentive_utility, committed, retained (commitments completed),
// left_early, clawback_vnd.
#include <cmath>

#include "policy/policy_rules.hpp"

namespace laborsim {

namespace {
enum slot : int { committed, completed, left_early, months_left_at_exit };

// What one recipient costs the budget when taken on: the bonus (the top-up, when there is no
// bonus). The budget is counted in these (unit_cost_vnd), and the offer is open while it pays one.
double recipient_cost_vnd(const talent_attraction& t) {
    return t.bonus_vnd > 0 ? t.bonus_vnd : t.wage_top_up_vnd_month;
}

void apply_talent_attraction(world& w, std::size_t k, const policy_spec& p, const talent_attraction& t) {
    auto& st = w.policies[k];
    auto& ws = w.workers;
    const int months = std::clamp(t.commitment_months, 1, max_counter_months);
    // The offer stays open while the budget can still pay one recipient.
    if (affordable_agents(w, k, p, recipient_cost_vnd(t)) < 1) {
        st.add("incentive_utility", 0.0);
        return;
    }
    const auto lo = static_cast<int>(t.target.min_level.value_or(education_level::none));
    const auto hi = static_cast<int>(t.target.max_level.value_or(education_level::postgraduate));
    double utility_sum = 0;
    int regions = 0;
    for (std::size_t r = 0; r < w.region_count(); ++r) {
        if (!st.region_on[r]) continue;
        const double income = std::max(1.0, w.regions[r].expected_income);
        const double monthly = t.wage_top_up_vnd_month + t.bonus_vnd / months;
        const double u = w.sc->model.migration_income_weight * std::log1p(monthly / income);
        for (int level = lo; level <= hi; ++level)
            for (int f = 0; f < field_count; ++f)
                if (!t.target.field || static_cast<int>(*t.target.field) == f)
                    w.regions[r].group_incentive[static_cast<std::size_t>(level * field_count + f)] +=
                        static_cast<float>(u);
        utility_sum += u;
        ++regions;
    }
    st.add("incentive_utility", regions > 0 ? utility_sum / regions : 0.0);

    // Recipients: last month's movers into a target region (and residents, if chosen).
    std::int64_t n =
        t.bonus_vnd > 0 ? affordable_agents(w, k, p, t.bonus_vnd) : std::numeric_limits<std::int64_t>::max();
    if (t.max_recipients_per_year > 0) n = std::min(n, monthly_agents(w, k, t.max_recipients_per_year));
    if (n <= 0) return;
    const bool residents = t.recipients == talent_recipients::movers_and_residents;
    const auto chosen = select_workers(w, k, static_cast<std::size_t>(n), [&](std::size_t i) {
        return st.region_on[ws.region[i]] && ws.in_labor_force(i) && ws.tag_policy[i] == no_policy &&
               (residents || ws.has(i, worker_flag::moved)) && in_group(w, i, t.target);
    });
    std::int64_t movers = 0;
    for (const auto i : chosen) {
        ws.tag_policy[i] = static_cast<std::uint8_t>(k);
        ws.tag_months[i] = static_cast<std::uint8_t>(months);
        movers += ws.has(i, worker_flag::moved);
    }
    if (t.max_recipients_per_year > 0) use_agents(w, k, static_cast<std::int64_t>(chosen.size()));
    const double persons = static_cast<double>(chosen.size()) / w.scale;
    record_spending(w, k, persons * t.bonus_vnd);
    st.add("beneficiaries", persons);
    st.add("recruited", static_cast<double>(movers) / w.scale);
    st.add("residents_paid", static_cast<double>(static_cast<std::int64_t>(chosen.size()) - movers) / w.scale);
}

void tag_month_talent(world& w, std::size_t i, std::size_t k, std::int64_t* cnt) {
    const auto month = count_down_commitment(w, i, k);
    if (month.what == commitment_month::left_early) {
        cnt[left_early] += 1;
        cnt[months_left_at_exit] += month.months_left;
        return;
    }
    cnt[committed] += 1;
    cnt[completed] += month.what == commitment_month::completed;
}

void report_talent_attraction(world& w, std::size_t k, const policy_spec& p, const talent_attraction& t,
                              const std::int64_t* cnt) {
    auto& st = w.policies[k];
    const double per = 1.0 / w.scale;
    const double due = static_cast<double>(cnt[committed]) * per * t.wage_top_up_vnd_month;
    record_spending(w, k, std::min(due, budget_left_vnd(w, k, p)));  // top-ups stop when the budget is spent
    const int months = std::clamp(t.commitment_months, 1, max_counter_months);
    st.add("committed", static_cast<double>(cnt[committed]) * per);
    st.add("retained", static_cast<double>(cnt[completed]) * per);
    st.add("left_early", static_cast<double>(cnt[left_early]) * per);
    st.add("clawback_vnd",
           t.clawback_share * t.bonus_vnd * static_cast<double>(cnt[months_left_at_exit]) * per / months);
    // A recipient who leaves repays clawback_share * bonus * months_left / months: the same
    // amount for each month of the commitment, which migration weighs against leaving.
    st.leave_cost_vnd_month = t.clawback_share * t.bonus_vnd / months;
}

}  // namespace

template <>
struct policy_rules<talent_attraction> {
    using spec_type = talent_attraction;
    using state = no_state;
    static constexpr series_spec series[] = {
        {"beneficiaries", series_kind::flow, "persons"},  {"recruited", series_kind::flow, "persons"},
        {"residents_paid", series_kind::flow, "persons"}, {"incentive_utility", series_kind::stock, "utility"},
        {"committed", series_kind::stock, "persons"},     {"retained", series_kind::flow, "persons"},
        {"left_early", series_kind::flow, "persons"},     {"clawback_vnd", series_kind::flow, "VND"},
    };
    // The bonus is what the budget buys per recipient (the top-up, when there is no bonus).
    static double unit_cost_vnd(const spec_type& t) { return recipient_cost_vnd(t); }
    static constexpr bool reads_moved_marks = true;  // pays last month's movers

    static policy_schema schema() {
        // clang-format off
        using vt = value_type;
        using S = spec_type;
        return {"Bonus and wage top-up for a target group who move to (or stay in) the region, against a commitment to stay.", {
            {"target", vt::mapping, "anyone", "", "Who qualifies; the migration response is by level and field, other limits restrict payment.",
             {}, "target", bind_to<&S::target>()},
            {"bonus_vnd", vt::nonneg, "0", "VND", "One-off bonus per recipient.", {}, {}, bind_to<&S::bonus_vnd>()},
            {"wage_top_up_vnd_month", vt::nonneg, "0", "VND/month", "Paid monthly to each recipient during the commitment.", {}, {},
             bind_to<&S::wage_top_up_vnd_month>()},
            {"commitment_months", vt::integer, "60", "months", "How long a recipient commits to stay (1-255).", {}, {},
             bind_months<&S::commitment_months>(1)},
            {"clawback_share", vt::fraction, "1", "1", "Share of the bonus repaid, pro rata to the months left, by one who leaves early.", {}, {},
             bind_to<&S::clawback_share>()},
            {"recipients", vt::choice, "movers", "", "Who is paid: movers into the region, or also residents of the target group.",
             {"movers", "movers_and_residents"}, {}, bind_to<&S::recipients>()},
            {"max_recipients_per_year", vt::nonneg, "0 (budget only)", "persons/year", "Cap on new recipients.", {}, {},
             bind_to<&S::max_recipients_per_year>()},
        }};
        // clang-format on
    }

    static void apply(world& w, std::size_t k, const policy_spec& p, const spec_type& t) {
        apply_talent_attraction(w, k, p, t);
    }
    static void follow_up(world& w, std::size_t i, std::size_t k, const spec_type&, std::int64_t* cnt) {
        tag_month_talent(w, i, k, cnt);
    }
    static void report(world& w, std::size_t k, const policy_spec& p, const spec_type& t, const std::int64_t* cnt) {
        report_talent_attraction(w, k, p, t, cnt);
    }
};

template struct policy_hooks<talent_attraction>;

}  // namespace laborsim
