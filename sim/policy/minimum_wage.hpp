// minimum_wage: regional minimum wage steps (what a scenario says; behaviour in minimum_wage.cpp).
#pragma once
#include <string_view>
#include <vector>

#include "laborsim/calendar.hpp"

namespace laborsim {

struct minimum_wage {
    static constexpr std::string_view type_name = "minimum_wage";
    // Dated steps: the level in force from each date on.
    struct step {
        year_month from;
        double wage_vnd = 0;
    };
    std::vector<step> steps;
};

}  // namespace laborsim
