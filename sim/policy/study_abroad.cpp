// study_abroad: funded places abroad. Each month places_per_year / 12 (times scale; capped by
// the budget at cost_per_student_vnd, paid at departure) go at random to labour-force
// members of the target group in the policy's regions. The policy adds a programme of study
// abroad to the model (study_level, study_field, study_months, completion_rate, skill_gain,
// return_rate) and sends each student on it (send_abroad: status abroad, a job is given up);
// the education phase then, after study_months,
//   completes with probability completion_rate:  level >= study_level, skill += skill_gain,
//                                                field = study_field (if set)
//   returns with probability return_rate:        unemployed in the home region, owing
//                                                return_obligation_months of stay there
//   otherwise the student emigrates (leaves the population) and repays clawback_share * cost.
// A returner who leaves the region before the obligation ends repays the same share pro rata.
//   abroad stock ~ places_per_year * study_months / 12;  returned ~ places * return_rate
// Completions, returns and emigrants are the model's counts for the programme, reported the
// month after they happen (the policy pass runs before the education phase).
// Series: spending_vnd, beneficiaries (departures), abroad, completed, returned,
// not_returned, obligation_served, left_early, clawback_vnd.
#include "policy/policy_apply.hpp"

namespace laborsim {

namespace {
enum slot : int { abroad_now, served, left_early, clawback_months };
}

void apply_study_abroad(world& w, std::size_t k, const policy_spec& p, const study_abroad& sa) {
    auto& st = w.policies[k];
    auto& ws = w.workers;
    std::int64_t places = monthly_agents(w, k, sa.places_per_year);
    places = std::min(places, affordable_agents(w, k, p, sa.cost_per_student_vnd));
    if (places <= 0) return;
    if (st.abroad_program == 0xFFFFFFFFu)
        st.abroad_program = add_abroad_program(w, abroad_program{sa.study_level, sa.study_field ? static_cast<int>(*sa.study_field) : -1,
                                                                 std::max(1, sa.study_months), sa.completion_rate, sa.skill_gain,
                                                                 sa.return_rate});
    const auto chosen = select_workers(w, k, static_cast<std::size_t>(places), [&](std::size_t i) {
        return st.region_on[ws.region[i]] && ws.in_labor_force(i) && ws.course[i] == no_course &&
               ws.tag_policy[i] == no_policy && in_group(w, i, sa.target);
    });
    for (const auto i : chosen) {
        send_abroad(w, i, st.abroad_program);
        ws.tag_policy[i] = static_cast<std::uint8_t>(k);
        ws.tag_months[i] = static_cast<std::uint8_t>(std::clamp(sa.return_obligation_months, 0, 255));  // the obligation, once back
    }
    const double persons = static_cast<double>(chosen.size()) / w.scale;
    record_spending(w, k, persons * sa.cost_per_student_vnd);
    st.add("beneficiaries", persons);
}

void tag_month_study_abroad(world& w, std::size_t i, const policy_state& st, const study_abroad&, std::int64_t* cnt) {
    auto& ws = w.workers;
    if (ws.status[i] == static_cast<std::uint8_t>(worker_status::abroad)) {  // the model brings it back, or not
        cnt[abroad_now] += 1;
        return;
    }
    // Back home, serving the return obligation.
    if (ws.tag_months[i] == 0) {  // none was owed
        ws.tag_policy[i] = no_policy;
        return;
    }
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
    const abroad_month_counts last = st.abroad_program < w.abroad_month.size() ? w.abroad_month[st.abroad_program] : abroad_month_counts{};
    const int obligation = std::clamp(sa.return_obligation_months, 0, 255);
    st.add("abroad", static_cast<double>(cnt[abroad_now]) * per);
    st.add("completed", static_cast<double>(last.completed) * per);
    st.add("returned", static_cast<double>(last.returned) * per);
    st.add("not_returned", static_cast<double>(last.stayed) * per);
    st.add("obligation_served", static_cast<double>(cnt[served]) * per);
    st.add("left_early", static_cast<double>(cnt[left_early]) * per);
    // Non-returners repay the whole share; early leavers pro rata to the months left. With
    // no obligation there is nothing to repay pro rata; non-returners still owe the share.
    const double months = std::max(1, obligation);
    const double repaid = static_cast<double>(cnt[clawback_months]) / months + static_cast<double>(last.stayed);
    st.add("clawback_vnd", sa.clawback_share * sa.cost_per_student_vnd * per * repaid);
}

}  // namespace laborsim
