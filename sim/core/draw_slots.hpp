// Every draw slot of every stream but rng_stream::policy (sim/policy/policy_draws.hpp names
// those), in one table, so that a new use of randomness sees which slots are taken. Two
// uses of one stream at one slot would draw the same numbers for the same (month, agent):
// the compiler refuses such a table unless one use names the other in `shares_with` (and
// says why their counters never meet).
// The numbers are part of every draw's counter: changing one changes the outputs.
#pragma once
#include <cstddef>
#include <span>
#include <string_view>

#include "core/rng.hpp"

namespace laborsim {

struct draw_slot_use {
    std::string_view name;  // "stream.use"
    draw_slot slot;
    std::string_view shares_with = {};  // another use at the same slot whose counters differ
};

// The agent coordinate of the counter is a worker id unless the comment says otherwise.
inline constexpr draw_slot_use draw_slot_table[] = {
    // init (month 0): the initial workers and the students seeded in schools.
    {"init.demographics", {rng_stream::init, 0}},   // age, sex, urban/rural (students: field)
    {"init.human_capital", {rng_stream::init, 1}},  // level, field, skill
    {"init.job", {rng_stream::init, 2}},            // employed or not, months in status, employer
    // demography
    {"demography.exit", {rng_stream::demography, 0}},
    // entry
    {"entry.entrant_demographics", {rng_stream::entry, 0}},   // month 0: age, level, sex, urban/rural
    {"entry.entrant_human_capital", {rng_stream::entry, 1}},  // month 0: field, skill
    // Agent: the region. Meets an entrant's draw only in month 0 for an entrant whose id is
    // a region index, and entrant ids start after the initial population.
    {"entry.entrant_count", {rng_stream::entry, 1}, "entry.entrant_human_capital"},
    // firms (agent: the firm index)
    // transitory shock (normal from two), rounding of turnover layoffs, rounding of desired headcount
    {"firms.shock_and_rounding", {rng_stream::firms, 0}},
    // education
    {"education.progress", {rng_stream::education, 0}},  // dropout, pass; abroad: completion, return
    {"education.application", {rng_stream::education, 1}},
    {"education.admission_priority", {rng_stream::education, 2}},
    {"education.progression", {rng_stream::education, 3}},  // a graduate goes on to the next level
    {"education.abroad_departure", {rng_stream::education, 4}},
    // separations
    {"separations.separation", {rng_stream::separations, 0}},
    // migration
    {"migration.move", {rng_stream::migration, 0}},
    // matching
    {"matching.search", {rng_stream::matching, 0}},           // on-the-job search, score noise, outside search
    {"matching.fixed_rate_hire", {rng_stream::matching, 1}},  // validation mode
    {"matching.outside_markets", {rng_stream::matching, 2}},
    // panel (month 0)
    {"panel.sample_key", {rng_stream::panel, 0}},
    // firm_init (month 0, agent: the firm index)
    {"firm_init.history", {rng_stream::firm_init, 2}},    // months its posts have stayed open
    {"firm_init.formality", {rng_stream::firm_init, 3}},  // formal rank when productivity_sigma = 0
    // school_init (month: the cohort's months in school, agent: the school index)
    {"school_init.cohort_size", {rng_stream::school_init, 0}},
    // market
    {"market.meetings", {rng_stream::market, 0}},        // agent: the market (region x field)
    {"market.regional_shock", {rng_stream::market, 7}},  // agent: the region
    // training
    {"training.firm_review", {rng_stream::training, 0}},  // a firm reviews the worker's training
    // participation
    {"participation.transition", {rng_stream::participation, 0}},  // joining or leaving the labour force
    {"participation.entrant", {rng_stream::participation, 1}},     // month: the entry month; inactive at entry
    {"participation.initial",
     {rng_stream::participation, 2}},  // month 0: an initial inactive person's age band and sex
};

// True when no two uses of a stream share a slot (unless one names the other in
// shares_with, at that very slot), no two uses share a name, and none is in the policy stream.
[[nodiscard]] constexpr bool slots_disjoint(std::span<const draw_slot_use> table) {
    for (std::size_t a = 0; a < table.size(); ++a) {
        if (table[a].slot.stream == rng_stream::policy) return false;
        for (std::size_t b = a + 1; b < table.size(); ++b) {
            if (table[a].name == table[b].name) return false;
            const bool same =
                table[a].slot.stream == table[b].slot.stream && table[a].slot.index == table[b].slot.index;
            const bool declared = table[a].shares_with == table[b].name || table[b].shares_with == table[a].name;
            if (same && !declared) return false;
        }
    }
    // A declared share must name a use at the same slot.
    for (const auto& u : table) {
        if (u.shares_with.empty()) continue;
        bool found = false;
        for (const auto& v : table)
            found =
                found || (v.name == u.shares_with && v.slot.stream == u.slot.stream && v.slot.index == u.slot.index);
        if (!found) return false;
    }
    return true;
}

static_assert(slots_disjoint(draw_slot_table), "two uses of a random stream share a draw slot");

// The slot of a named use; a name not in the table does not compile where a constant needs it.
[[nodiscard]] consteval draw_slot slot_named(std::string_view name) {
    for (const auto& u : draw_slot_table)
        if (u.name == name) return u.slot;
    throw "draw slot not in draw_slot_table";
}

// The names phases use, by stream.
namespace draws {
namespace init {
inline constexpr draw_slot demographics = slot_named("init.demographics");
inline constexpr draw_slot human_capital = slot_named("init.human_capital");
inline constexpr draw_slot job = slot_named("init.job");
}  // namespace init
namespace demography {
inline constexpr draw_slot exit = slot_named("demography.exit");
}  // namespace demography
namespace entry {
inline constexpr draw_slot entrant_demographics = slot_named("entry.entrant_demographics");
inline constexpr draw_slot entrant_human_capital = slot_named("entry.entrant_human_capital");
inline constexpr draw_slot entrant_count = slot_named("entry.entrant_count");
}  // namespace entry
namespace firms {
inline constexpr draw_slot shock_and_rounding = slot_named("firms.shock_and_rounding");
}  // namespace firms
namespace education {
inline constexpr draw_slot progress = slot_named("education.progress");
inline constexpr draw_slot application = slot_named("education.application");
inline constexpr draw_slot admission_priority = slot_named("education.admission_priority");
inline constexpr draw_slot progression = slot_named("education.progression");
inline constexpr draw_slot abroad_departure = slot_named("education.abroad_departure");
}  // namespace education
namespace separations {
inline constexpr draw_slot separation = slot_named("separations.separation");
}  // namespace separations
namespace migration {
inline constexpr draw_slot move = slot_named("migration.move");
}  // namespace migration
namespace matching {
inline constexpr draw_slot search = slot_named("matching.search");
inline constexpr draw_slot fixed_rate_hire = slot_named("matching.fixed_rate_hire");
inline constexpr draw_slot outside_markets = slot_named("matching.outside_markets");
}  // namespace matching
namespace panel {
inline constexpr draw_slot sample_key = slot_named("panel.sample_key");
}  // namespace panel
namespace firm_init {
inline constexpr draw_slot history = slot_named("firm_init.history");
inline constexpr draw_slot formality = slot_named("firm_init.formality");
}  // namespace firm_init
namespace school_init {
inline constexpr draw_slot cohort_size = slot_named("school_init.cohort_size");
}  // namespace school_init
namespace market {
inline constexpr draw_slot meetings = slot_named("market.meetings");
inline constexpr draw_slot regional_shock = slot_named("market.regional_shock");
}  // namespace market
namespace training {
inline constexpr draw_slot firm_review = slot_named("training.firm_review");
}  // namespace training
namespace participation {
inline constexpr draw_slot transition = slot_named("participation.transition");
inline constexpr draw_slot entrant = slot_named("participation.entrant");
inline constexpr draw_slot initial = slot_named("participation.initial");
}  // namespace participation
}  // namespace draws

}  // namespace laborsim
