// The policy types, in variant order (which is also the order of their schema sections and
// of the `type` choices). A type is its spec header here and its rules in <type>.cpp; adding
// one is its include line and its entry below (docs/architecture.md, "Adding a policy type"). Siblings are included
// by bare name so this works in the build tree and installed under include/laborsim/policy/.
#pragma once
#include "digital_skills_program.hpp"
#include "firm_training_subsidy.hpp"
#include "minimum_wage.hpp"
#include "public_recruitment.hpp"
#include "school_accreditation.hpp"
#include "school_enterprise_partnership.hpp"
#include "study_abroad.hpp"
#include "talent_attraction.hpp"
#include "vocational_training_quota.hpp"

namespace laborsim {

template <class... T>
struct policy_type_list {};

using policy_types = policy_type_list<vocational_training_quota, minimum_wage, talent_attraction, school_accreditation,
                                      school_enterprise_partnership, study_abroad, digital_skills_program,
                                      public_recruitment, firm_training_subsidy>;

}  // namespace laborsim
