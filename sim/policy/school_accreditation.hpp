// school_accreditation: a quality standard for schools (what a scenario says; behaviour in
// school_accreditation.cpp).
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "laborsim/types.hpp"

namespace laborsim {

// What happens to a school below the standard (in the order of the schema's choices).
enum class accreditation_action : std::uint8_t { upgrade, close };

struct school_accreditation {
    static constexpr std::string_view type_name = "school_accreditation";
    double standard = 0.6;           // quality a school must reach (school quality index)
    std::vector<school_kind> kinds;  // kinds assessed; empty: all
    accreditation_action below_standard = accreditation_action::upgrade;
    double upgrade_cost_vnd = 0;  // per school
    int upgrade_months = 12;
    double admission_cap = 0.5;  // share of seats open while below the standard
    int deadline_months = 0;     // upgrade: close if not funded within this long (0: never)
};

}  // namespace laborsim
