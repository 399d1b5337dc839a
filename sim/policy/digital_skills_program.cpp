// digital_skills_program: short courses that raise digital skill and move some completers
// into the digital field. Each month seats_per_year / 12 places (times scale; capped by the
// budget at cost_per_trainee_vnd) go at random to labour-force members of the target group
// in the policy's regions; they keep their job or search while on the course. At the end:
//   completes with probability completion_rate:  skill += skill_gain, level >= short_course
//   and with probability field_switch_share:     field = digital (they then search, and are
//                                                counted, in the digital market)
//   completers over the period ~ seats_per_year * years * completion_rate
//   switchers                  ~ completers * field_switch_share
// Series: spending_vnd, beneficiaries (course starts), trained, switched_to_digital,
// trained_employed, dropouts.
#include "policy/policy_apply.hpp"

namespace laborsim {

namespace {
enum slot : int { completed, switched, completed_employed, dropped };
}

void apply_digital_skills_program(world& w, std::size_t k, const policy_spec& p, const digital_skills_program& d) {
    auto& st = w.policies[k];
    auto& ws = w.workers;
    std::int64_t places = monthly_agents(w, k, d.seats_per_year);
    places = std::min(places, affordable_agents(w, k, p, d.cost_per_trainee_vnd));
    if (places <= 0) return;
    const auto chosen = select_workers(w, k, static_cast<std::size_t>(places), [&](std::size_t i) {
        return st.region_on[ws.region[i]] && ws.in_labor_force(i) && ws.course[i] == no_course && in_group(w, i, d.target);
    });
    for (const auto i : chosen) {
        ws.course[i] = static_cast<std::uint8_t>(k);
        ws.course_months_left[i] = static_cast<std::uint8_t>(std::clamp(d.course_months, 1, 255));
    }
    const double persons = static_cast<double>(chosen.size()) / w.scale;
    record_spending(w, k, persons * d.cost_per_trainee_vnd);
    st.add("beneficiaries", persons);
}

void course_month_digital(world& w, std::size_t i, const digital_skills_program& d, std::int64_t* cnt) {
    auto& ws = w.workers;
    if (--ws.course_months_left[i] > 0) return;
    ws.course[i] = no_course;
    if (follow_up_uniform(w, i, 0) >= d.completion_rate) { cnt[dropped] += 1; return; }
    ws.skill[i] = static_cast<float>(ws.skill[i] + d.skill_gain);
    ws.level[i] = std::max(ws.level[i], static_cast<std::uint8_t>(education_level::short_course));
    ws.set(i, worker_flag::trained_by_policy, true);
    cnt[completed] += 1;
    cnt[completed_employed] += ws.status[i] == static_cast<std::uint8_t>(worker_status::employed);
    const auto digital = static_cast<std::uint8_t>(field_kind::digital);
    if (ws.field[i] != digital && follow_up_uniform(w, i, 1) < d.field_switch_share) {
        ws.field[i] = digital;
        cnt[switched] += 1;
    }
}

void report_digital_skills_program(world& w, std::size_t k, const policy_spec&, const std::int64_t* cnt) {
    auto& st = w.policies[k];
    st.add("trained", static_cast<double>(cnt[completed]) / w.scale);
    st.add("switched_to_digital", static_cast<double>(cnt[switched]) / w.scale);
    st.add("trained_employed", static_cast<double>(cnt[completed_employed]) / w.scale);
    st.add("dropouts", static_cast<double>(cnt[dropped]) / w.scale);
}

}  // namespace laborsim
