// What firms' own training (firm_training.cpp) shares with firm_training_subsidy: the review
// draw and the firm's value of a course, so that the subsidy sees the same decisions.
#pragma once
#include <cstddef>

#include "model/world.hpp"

namespace laborsim {

// Whether the firms' own training trained worker i this month (before the policies act).
[[nodiscard]] bool firm_trained_this_month(const world& w, std::size_t i);
// This month's uniform draw of a firm reviewing worker i's training.
[[nodiscard]] double firm_review_draw(const world& w, std::size_t i);
// The firm's gain from a course, per VND of the worker's monthly wage:
// (1 - nash_share) * skill_gain * min(120, 1 / separation_rate).
[[nodiscard]] double training_value_per_vnd(const model_params& m, double skill_gain);

}  // namespace laborsim
