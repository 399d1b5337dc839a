// The draw slots of rng_stream::policy, all in one place. A draw is keyed by (seed, stream,
// month, worker id, slot), so two uses in the same month must not share a slot; the ranges
// below are checked at compile time not to overlap. The numbers are those of earlier
// versions, so runs stay bit-identical.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>

#include "core/worker_store.hpp"

namespace laborsim {

struct draw_range {
    std::uint32_t first = 0;
    std::uint32_t count = 0;
    [[nodiscard]] constexpr std::uint32_t at(std::size_t offset) const {
        return first + static_cast<std::uint32_t>(offset);
    }
};

// Policy indexes are one byte per worker (no_policy excluded): 0..254.
inline constexpr std::uint32_t max_policies = no_policy;

// Uses within a worker's monthly follow-up (follow_up_uniform).
enum class follow_up_draw : std::uint32_t {
    course_completion,  // a course ends: completed or dropped (vocational, digital)
    field_switch,       // a digital completer moves into the digital field
    placement,          // an unemployed completer receives placement services (vocational)
    count_
};

namespace policy_draw {
// select_workers: the priority of each worker for policy k's selection, slot = first + k.
inline constexpr draw_range selection{0, max_policies};
// follow_up_uniform: slot = first + follow_up_draw.
inline constexpr draw_range follow_up{1000, static_cast<std::uint32_t>(follow_up_draw::count_)};
// 2000..2000+max_policies was firm_training_subsidy's own review draw; it now shares the
// model's (draws::training::firm_review), so that the subsidy sees the firms' own decisions.
// The schedule: whether policy k's budget in its last year takes the fraction of an agent left, slot = first + k.
inline constexpr draw_range budget_rounding{3000, max_policies};
// monthly_agents: whether the fraction of a place left in policy k's last month is taken, slot = first + k.
inline constexpr draw_range last_seat{4000, max_policies};
// agents_for: the fixed threshold of policy k's rounding of a target to whole agents (drawn
// with month 0 and the target's own index, e.g. a region, as the agent), slot = first + k.
inline constexpr draw_range fixed_rounding{5000, max_policies};

inline constexpr std::array<draw_range, 5> all{selection, follow_up, budget_rounding, last_seat, fixed_rounding};

constexpr bool disjoint(const std::array<draw_range, 5>& ranges) {
    for (std::size_t a = 0; a < ranges.size(); ++a)
        for (std::size_t b = a + 1; b < ranges.size(); ++b)
            if (ranges[a].first < ranges[b].first + ranges[b].count &&
                ranges[b].first < ranges[a].first + ranges[a].count)
                return false;
    return true;
}
static_assert(disjoint(all), "two uses of rng_stream::policy share draw slots");
}  // namespace policy_draw

}  // namespace laborsim
