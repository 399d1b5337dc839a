// firm_training_subsidy: a subsidy per worker a firm trains on the job (what a scenario says;
// behaviour in firm_training_subsidy.cpp).
#pragma once
#include <optional>
#include <string_view>

#include "laborsim/types.hpp"
#include "target_group.hpp"

namespace laborsim {

struct firm_training_subsidy {
    static constexpr std::string_view type_name = "firm_training_subsidy";
    target_group target;  // employed workers only
    double subsidy_per_trainee_vnd = 0;
    double training_cost_vnd = 0;                  // full cost of a course to the firm
    double review_rate = 1.0 / 12.0;               // monthly chance a firm reviews a worker's training
    double skill_gain = 0.05;                      // log points
    std::optional<education_level> certify_level;  // level reached by trainees below it
};

}  // namespace laborsim
