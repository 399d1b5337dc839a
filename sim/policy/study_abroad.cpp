// study_abroad: funded places abroad. Each month places_per_year / 12 (times scale; capped by
// the budget at cost_per_student_vnd, paid at departure) go at random to labour-force
// members of the target group in the policy's regions. A student leaves the labour force
// (status abroad; a job is given up) for study_months, then
//   completes with probability completion_rate:  level >= study_level, skill += skill_gain,
//                                                field = study_field (if set)
//   returns with probability return_rate:        unemployed in the home region, owing
//                                                return_obligation_months of stay there
//   otherwise stays abroad (status abroad) and repays clawback_share * cost.
// A returner who leaves the region before the obligation ends repays the same share pro rata.
//   abroad stock ~ places_per_year * study_months / 12;  returned ~ places * return_rate
// Series: spending_vnd, beneficiaries (departures), abroad, completed, returned,
// not_returned, obligation_served, left_early, clawback_vnd.
#include "policy/policy_apply.hpp"

namespace laborsim {

namespace {
enum slot : int { abroad_now, completed, returned, not_returned, served, left_early, clawback_months };
}

void apply_study_abroad(world& w, std::size_t k, const policy_spec& p, const study_abroad& sa) {
    auto& st = w.policies[k];
    auto& ws = w.workers;
    std::int64_t places = monthly_agents(w, k, sa.places_per_year);
    places = std::min(places, affordable_agents(w, k, p, sa.cost_per_student_vnd));
    if (places <= 0) return;
    const auto chosen = select_workers(w, k, static_cast<std::size_t>(places), [&](std::size_t i) {
        return st.region_on[ws.region[i]] && ws.in_labor_force(i) && ws.course[i] == no_course &&
               ws.tag_policy[i] == no_policy && in_group(w, i, sa.target);
    });
    for (const auto i : chosen) {
        if (ws.status[i] == static_cast<std::uint8_t>(worker_status::employed) && ws.employer[i] != no_employer)
            w.firms.headcount[static_cast<std::size_t>(ws.employer[i])] -= 1;
        ws.status[i] = static_cast<std::uint8_t>(worker_status::abroad);
        ws.employer[i] = no_employer;
        ws.months_in_status[i] = 0;
        ws.set(i, worker_flag::mismatched, false);
        ws.set(i, worker_flag::placement, false);
        ws.tag_policy[i] = static_cast<std::uint8_t>(k);
        ws.tag_months[i] = static_cast<std::uint8_t>(std::clamp(sa.study_months, 1, 255));
    }
    const double persons = static_cast<double>(chosen.size()) / w.scale;
    record_spending(w, k, persons * sa.cost_per_student_vnd);
    st.add("beneficiaries", persons);
}

void tag_month_study_abroad(world& w, std::size_t i, const policy_state& st, const study_abroad& sa, std::int64_t* cnt) {
    auto& ws = w.workers;
    const int obligation = std::clamp(sa.return_obligation_months, 0, 255);
    if (ws.status[i] == static_cast<std::uint8_t>(worker_status::abroad)) {
        cnt[abroad_now] += 1;
        if (--ws.tag_months[i] > 0) return;
        if (follow_up_uniform(w, i, 0) < sa.completion_rate) {
            ws.level[i] = std::max(ws.level[i], static_cast<std::uint8_t>(sa.study_level));
            ws.skill[i] = static_cast<float>(ws.skill[i] + sa.skill_gain);
            if (sa.study_field) ws.field[i] = static_cast<std::uint8_t>(*sa.study_field);
            cnt[completed] += 1;
        }
        if (follow_up_uniform(w, i, 1) >= sa.return_rate) {
            cnt[not_returned] += 1;
            cnt[clawback_months] += obligation;  // the whole obligation is repaid
            ws.tag_policy[i] = no_policy;
            return;
        }
        cnt[returned] += 1;
        ws.status[i] = static_cast<std::uint8_t>(worker_status::unemployed);
        ws.months_in_status[i] = 0;
        ws.tag_months[i] = static_cast<std::uint8_t>(obligation);
        if (obligation == 0) ws.tag_policy[i] = no_policy;
        return;
    }
    // Back home, serving the return obligation.
    if (!st.region_on[ws.region[i]]) {
        cnt[left_early] += 1;
        cnt[clawback_months] += ws.tag_months[i];
        ws.tag_policy[i] = no_policy;
        return;
    }
    if (--ws.tag_months[i] == 0) {
        cnt[served] += 1;
        ws.tag_policy[i] = no_policy;
    }
}

void report_study_abroad(world& w, std::size_t k, const policy_spec&, const study_abroad& sa, const std::int64_t* cnt) {
    auto& st = w.policies[k];
    const double per = 1.0 / w.scale;
    st.add("abroad", static_cast<double>(cnt[abroad_now]) * per);
    st.add("completed", static_cast<double>(cnt[completed]) * per);
    st.add("returned", static_cast<double>(cnt[returned]) * per);
    st.add("not_returned", static_cast<double>(cnt[not_returned]) * per);
    st.add("obligation_served", static_cast<double>(cnt[served]) * per);
    st.add("left_early", static_cast<double>(cnt[left_early]) * per);
    // With no obligation there is nothing to repay pro rata; non-returners still owe the share.
    const double months = std::max(1, std::clamp(sa.return_obligation_months, 0, 255));
    const double no_obligation_repay = sa.return_obligation_months <= 0 ? static_cast<double>(cnt[not_returned]) : 0.0;
    st.add("clawback_vnd", sa.clawback_share * sa.cost_per_student_vnd * per *
                               (static_cast<double>(cnt[clawback_months]) / months + no_obligation_repay));
}

}  // namespace laborsim
