// vocational_training_quota: each month seats_per_year / 12 places (times scale) go to
// members of the target group chosen at random; the budget caps the places at
// (annual budget - spent) / cost. Trainees stay in the labour force during the course.
// On completion (probability completion_rate) their level rises to the course level, their
// skill by skill_gain, and the unemployed get placement support in matching.
//   trained over the period ~ seats_per_year * years * completion_rate
// Series: spending_vnd, beneficiaries (course starts), trained, trained_employed, dropouts.
#include "policy/policy_apply.hpp"

namespace laborsim {

namespace {
enum slot : int { completed, completed_employed, dropped };
}

void apply_vocational_training_quota(world& w, std::size_t k, const policy_spec& p, const vocational_training_quota& q) {
    auto& st = w.policies[k];
    auto& ws = w.workers;
    std::int64_t places = monthly_agents(w, k, q.seats_per_year);
    places = std::min(places, affordable_agents(w, k, p, q.cost_per_trainee_vnd));
    if (places <= 0) return;
    const auto chosen = select_workers(w, k, static_cast<std::size_t>(places), [&](std::size_t i) {
        return st.region_on[ws.region[i]] && ws.in_labor_force(i) && ws.course[i] == no_course && in_group(w, i, q.target);
    });
    for (const auto i : chosen) {
        ws.course[i] = static_cast<std::uint8_t>(k);
        ws.course_months_left[i] = static_cast<std::uint8_t>(std::clamp(q.course_months, 1, 255));
    }
    const double persons = static_cast<double>(chosen.size()) / w.scale;
    record_spending(w, k, persons * q.cost_per_trainee_vnd);
    st.add("beneficiaries", persons);
}

void course_month_vocational(world& w, std::size_t i, const vocational_training_quota& q, std::int64_t* cnt) {
    auto& ws = w.workers;
    if (--ws.course_months_left[i] > 0) return;
    ws.course[i] = no_course;
    if (follow_up_uniform(w, i, 0) >= q.completion_rate) { cnt[dropped] += 1; return; }
    ws.level[i] = std::max(ws.level[i], static_cast<std::uint8_t>(q.course_level));
    ws.field[i] = static_cast<std::uint8_t>(q.course_field);
    ws.skill[i] = static_cast<float>(ws.skill[i] + q.skill_gain);
    ws.set(i, worker_flag::trained_by_policy, true);
    const bool employed = ws.status[i] == static_cast<std::uint8_t>(worker_status::employed);
    if (!employed && q.placement_support > 0) ws.set(i, worker_flag::placement, true);
    cnt[completed] += 1;
    cnt[completed_employed] += employed;
}

void report_vocational_training_quota(world& w, std::size_t k, const policy_spec&, const std::int64_t* cnt) {
    auto& st = w.policies[k];
    st.add("trained", static_cast<double>(cnt[completed]) / w.scale);
    st.add("trained_employed", static_cast<double>(cnt[completed_employed]) / w.scale);
    st.add("dropouts", static_cast<double>(cnt[dropped]) / w.scale);
}

}  // namespace laborsim
