// vocational_training_quota: funded training places for a target group (what a scenario says;
// behaviour in vocational_training_quota.cpp).
#pragma once
#include <string_view>

#include "laborsim/types.hpp"
#include "target_group.hpp"

namespace laborsim {

struct vocational_training_quota {
    static constexpr std::string_view type_name = "vocational_training_quota";
    target_group target;
    double seats_per_year = 0;  // persons
    education_level course_level = education_level::short_course;
    field_kind course_field = field_kind::industry;
    int course_months = 3;
    double completion_rate = 0.9;
    double skill_gain = 0.08;  // log-skill points on completion
    double cost_per_trainee_vnd = 0;
    double placement_support = 0;  // share of unemployed completers given placement services
};

}  // namespace laborsim
