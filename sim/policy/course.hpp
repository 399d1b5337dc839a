// Courses shared by the training policies (vocational_training_quota, digital_skills_program):
// who is available for one, how places are handed out each month, and how a month of a
// course passes. What a completer gains is the policy's own.
#pragma once
#include "policy/policy_tools.hpp"

namespace laborsim {

// Available for a policy's course or programme: in the policy's regions, in the labour force
// (or inactive, for a target group of the inactive), not on a course already, in the target group.
inline bool available_for_course(const world& w, const policy_state& st, std::size_t i, const target_group& g) {
    const auto& ws = w.workers;
    const bool present =
        g.inactive ? ws.status[i] == static_cast<std::uint8_t>(worker_status::inactive) : ws.in_labor_force(i);
    return st.region_on[ws.region[i]] && present && ws.course[i] == no_course && in_group(w, i, g);
}

struct course_offer {
    const target_group& target;
    double seats_per_year = 0;  // persons
    double cost_per_trainee_vnd = 0;
    int course_months = 1;
};

// This month's places of policy k: seats_per_year / 12 (times scale), capped by the budget at
// cost_per_trainee_vnd, go at random to workers available for a course, who start it.
// Books the spending and the `beneficiaries` series (course starts).
void start_courses(world& w, std::size_t k, const policy_spec& p, const course_offer& offer);

enum class course_end { ongoing, dropped, completed };
// One month of worker i's course; at its end the worker leaves the course, having completed
// it with probability completion_rate (an inactive completer joins the labour force, unemployed).
course_end course_month(world& w, std::size_t i, double completion_rate);

}  // namespace laborsim
