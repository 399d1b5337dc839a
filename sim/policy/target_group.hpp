// Who a policy is aimed at: shared by the policy specs (public, installed as
// laborsim/policy/target_group.hpp).
#pragma once
#include <optional>

#include "laborsim/types.hpp"

namespace laborsim {

// An unset member means "anyone".
struct target_group {
    std::optional<bool> rural;
    std::optional<bool> unemployed;
    // Working-age people outside the labour force (true) rather than its members (false, the
    // default: courses and programmes are for the labour force unless they say so).
    bool inactive = false;
    std::optional<education_level> min_level;
    std::optional<education_level> max_level;
    std::optional<field_kind> field;
    int min_age = 15;
    int max_age = 64;
};

}  // namespace laborsim
