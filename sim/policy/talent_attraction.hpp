// talent_attraction: bonus and wage top-up for a target group who move to (or stay in) a
// region, against a commitment to stay (what a scenario says; behaviour in talent_attraction.cpp).
#pragma once
#include <cstdint>
#include <string_view>

#include "target_group.hpp"

namespace laborsim {

// Who receives the bonus (in the order of the schema's choices).
enum class talent_recipients : std::uint8_t { movers, movers_and_residents };

struct talent_attraction {
    static constexpr std::string_view type_name = "talent_attraction";
    target_group target;               // who qualifies (level, field, age)
    double bonus_vnd = 0;              // one-off, per recipient
    double wage_top_up_vnd_month = 0;  // paid monthly during the commitment
    int commitment_months = 60;        // stay in the region this long
    double clawback_share = 1.0;       // of the bonus, pro rata to the months left, repaid on leaving early
    talent_recipients recipients = talent_recipients::movers;
    double max_recipients_per_year = 0;  // persons; 0: only the budget limits
};

}  // namespace laborsim
