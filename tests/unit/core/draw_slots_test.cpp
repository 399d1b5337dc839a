// Draw slots: the table of named slots has no two uses of one stream at one slot, and the
// check that guards it (slots_disjoint, also run by a static_assert in the header) refuses
// the tables it should.
#include <catch2/catch.hpp>

#include <array>
#include <set>
#include <utility>

#include "core/draw_slots.hpp"

using namespace laborsim;

namespace {

constexpr std::array<draw_slot_use, 2> overlapping{{
    {"education.a", {rng_stream::education, 2}},
    {"education.b", {rng_stream::education, 2}},
}};
constexpr std::array<draw_slot_use, 2> same_slot_other_streams{{
    {"education.a", {rng_stream::education, 2}},
    {"matching.a", {rng_stream::matching, 2}},
}};
constexpr std::array<draw_slot_use, 2> declared_share{{
    {"entry.a", {rng_stream::entry, 1}},
    {"entry.b", {rng_stream::entry, 1}, "entry.a"},
}};
constexpr std::array<draw_slot_use, 2> share_at_another_slot{{
    {"entry.a", {rng_stream::entry, 1}},
    {"entry.b", {rng_stream::entry, 2}, "entry.a"},
}};
constexpr std::array<draw_slot_use, 2> same_name{{
    {"entry.a", {rng_stream::entry, 1}},
    {"entry.a", {rng_stream::entry, 2}},
}};
constexpr std::array<draw_slot_use, 1> policy_slot{{
    {"policy.a", {rng_stream::policy, 0}},
}};

}  // namespace

TEST_CASE("draw slots: the shipped table is disjoint", "[rng]") {
    STATIC_REQUIRE(slots_disjoint(draw_slot_table));
    std::set<std::pair<rng_stream, std::uint32_t>> taken;
    std::size_t shared = 0;
    for (const auto& u : draw_slot_table) {
        const bool fresh = taken.insert({u.slot.stream, u.slot.index}).second;
        if (!fresh) {
            ++shared;
            CHECK_FALSE(u.shares_with.empty());
        }
    }
    CHECK(shared == 1);  // entry.entrant_count, whose agent coordinate is a region
}

TEST_CASE("draw slots: the same check refuses overlapping tables", "[rng]") {
    STATIC_REQUIRE_FALSE(slots_disjoint(overlapping));
    STATIC_REQUIRE(slots_disjoint(same_slot_other_streams));
    STATIC_REQUIRE(slots_disjoint(declared_share));
    STATIC_REQUIRE_FALSE(slots_disjoint(share_at_another_slot));
    STATIC_REQUIRE_FALSE(slots_disjoint(same_name));
    STATIC_REQUIRE_FALSE(slots_disjoint(policy_slot));  // sim/policy names its own slots
}

TEST_CASE("draw slots: a named slot draws what its stream and index draw", "[rng]") {
    const counter_rng g(7);
    CHECK(g.words(draws::education::admission_priority, 5, 123) == g.words(rng_stream::education, 5, 123, 2));
    CHECK(g.uniforms(draws::market::regional_shock, 5, 3) == g.uniforms(rng_stream::market, 5, 3, 7));
    CHECK(g.words(draws::education::progress, 5, 123) != g.words(draws::education::application, 5, 123));
}

TEST_CASE("draw slots: stream numbers are fixed (they are part of every counter)", "[rng]") {
    // Changing one changes every output; `wages` (9) was removed without renumbering.
    STATIC_REQUIRE(static_cast<int>(rng_stream::init) == 1);
    STATIC_REQUIRE(static_cast<int>(rng_stream::matching) == 8);
    STATIC_REQUIRE(static_cast<int>(rng_stream::policy) == 10);
    STATIC_REQUIRE(static_cast<int>(rng_stream::market) == 14);
}
