// digital_skills_program: short digital upskilling courses (what a scenario says; behaviour in
// digital_skills_program.cpp).
#pragma once
#include <string_view>

#include "target_group.hpp"

namespace laborsim {

struct digital_skills_program {
    static constexpr std::string_view type_name = "digital_skills_program";
    target_group target;
    double seats_per_year = 0;  // persons
    int course_months = 2;
    double completion_rate = 0.85;
    double skill_gain = 0.05;         // log points on completion
    double field_switch_share = 0.3;  // of completers, who move into the digital field
    double cost_per_trainee_vnd = 0;
};

}  // namespace laborsim
