// study_abroad: funded places abroad with a return obligation (what a scenario says; behaviour
// in study_abroad.cpp).
#pragma once
#include <optional>
#include <string_view>

#include "laborsim/types.hpp"
#include "target_group.hpp"

namespace laborsim {

struct study_abroad {
    static constexpr std::string_view type_name = "study_abroad";
    target_group target;
    double places_per_year = 0;  // persons
    education_level study_level = education_level::postgraduate;
    std::optional<field_kind> study_field;  // unset: keep the student's field
    int study_months = 24;
    double completion_rate = 0.9;
    double skill_gain = 0.2;            // log points on completion
    double return_rate = 0.8;           // probability of coming back at the end
    int return_obligation_months = 60;  // work in the region this long after returning
    double cost_per_student_vnd = 0;    // whole program, paid at departure
    double clawback_share = 1.0;        // of the cost, repaid by non-returners and (pro rata) early leavers
};

}  // namespace laborsim
