// public_recruitment: public employers hire toward a staffing norm (what a scenario says;
// behaviour in public_recruitment.cpp).
#pragma once
#include <string_view>

#include "laborsim/types.hpp"

namespace laborsim {

struct public_recruitment {
    static constexpr std::string_view type_name = "public_recruitment";
    field_kind field = field_kind::health;
    education_level min_level = education_level::university;
    double target_per_10k = 0;      // staff per 10,000 population
    double max_hires_per_year = 0;  // persons; 0: no pace limit
    double cost_per_hire_vnd = 0;   // one-off (recruitment, relocation, signing)
    bool recruit_from_other_regions = true;
    bool recruit_employed = true;  // with recruit_from_other_regions: the employed elsewhere paid less than the post
};

}  // namespace laborsim
