// school_enterprise_partnership: firms order training from partner schools and take their
// students as interns (what a scenario says; behaviour in school_enterprise_partnership.cpp).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace laborsim {

struct school_enterprise_partnership {
    static constexpr std::string_view type_name = "school_enterprise_partnership";
    std::vector<std::string> schools;       // partner school ids; empty: every school in the regions
    double ordered_seats_per_year = 0;      // extra seats per partner school, ordered by firms
    double internship_skill_bonus = 0.05;   // log points added on graduation
    double cost_per_student_month_vnd = 0;  // internship and coordination cost per enrolled student
    int placement_window_months = 12;       // follow graduates this long to count placements
};

}  // namespace laborsim
