// One apply function per policy type (one file each). Each runs at the start of the month
// while the policy is active and reports into its policy_state.
#pragma once
#include "model/world.hpp"

namespace laborsim {

void apply_minimum_wage(world& w, std::size_t policy_index, const policy_spec& p, const minimum_wage& mw);
void apply_vocational_training_quota(world& w, std::size_t policy_index, const policy_spec& p,
                                     const vocational_training_quota& q);
// Courses started by training policies progress every month, active or not.
void progress_policy_courses(world& w);

// Regions a policy targets, as indexes (all regions when the list is empty).
std::vector<std::size_t> target_regions(const world& w, const policy_spec& p);
// Budget left this calendar year (infinity when uncapped).
double budget_left_vnd(const world& w, std::size_t policy_index, const policy_spec& p);

}  // namespace laborsim
