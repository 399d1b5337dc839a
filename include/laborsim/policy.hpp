// Policies are data: one small struct per type, held in a variant, plus one apply function
// each (sim/policy/). Adding a type touches its struct here, its file there and its schema entry.
#pragma once
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "laborsim/calendar.hpp"
#include "laborsim/types.hpp"

namespace laborsim {

// Who a policy is aimed at; an unset member means "anyone".
struct target_group {
    std::optional<bool> rural;
    std::optional<bool> unemployed;
    std::optional<education_level> min_level;
    std::optional<education_level> max_level;
    std::optional<field_kind> field;
    int min_age = 15;
    int max_age = 64;
};

struct vocational_training_quota {
    target_group target;
    double seats_per_year = 0;                  // persons
    education_level course_level = education_level::short_course;
    field_kind course_field = field_kind::industry;
    int course_months = 3;
    double completion_rate = 0.9;
    double skill_gain = 0.08;                   // log-skill points on completion
    double cost_per_trainee_vnd = 0;
    double placement_support = 0;               // extra job-finding probability factor after completion
};

struct minimum_wage {
    // Dated steps: the level in force from each date on.
    struct step { year_month from; double wage_vnd = 0; };
    std::vector<step> steps;
};

using policy_params = std::variant<vocational_training_quota, minimum_wage>;

struct policy_spec {
    std::string id;
    std::vector<std::string> regions;           // empty: all regions
    year_month start{2021, 1};
    year_month end{2100, 12};
    double annual_budget_vnd = 0;               // 0: no cap
    policy_params params;

    [[nodiscard]] bool active(year_month ym) const { return start <= ym && ym <= end; }
};

inline constexpr const char* policy_type_name(const policy_params& p) {
    return std::visit([](const auto& v) -> const char* {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, vocational_training_quota>) return "vocational_training_quota";
        else return "minimum_wage";
    }, p);
}

}  // namespace laborsim
