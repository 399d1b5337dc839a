// public_recruitment on a tiny world: unemployed workers with the profile are hired by public
// employers of the region's market for the field, at the pace limit, and counted as staff.
#include "policy_world.hpp"

using namespace laborsim;
using namespace laborsim::policy_unit;

TEST_CASE("public_recruitment hires toward the norm at its pace", "[unit][policy][public_recruitment]") {
    tiny_world t(R"(policies:
  - id: r
    type: public_recruitment
    region: a
    field: health
    min_level: none
    target_per_10k: 2000
    max_hires_per_year: 60
    cost_per_hire_vnd: 1000000
    recruit_from_other_regions: false
)",
                 true);
    auto& ws = t.w.workers;
    const auto health = static_cast<std::uint8_t>(field_kind::health);
    const auto unemployed_before = ws.status;
    const auto staff = [&](std::size_t i) {
        return ws.region[i] == 0 && ws.field[i] == health &&
               ws.status[i] == static_cast<std::uint8_t>(worker_status::employed);
    };
    const auto staff_before = t.count(staff);
    t.schedule_month(0);
    CHECK(t.series(0, "recruited") == 5);  // 60 a year
    CHECK(t.series(0, "spending_vnd") == 5e6);
    CHECK(t.series(0, "gap") > 5);
    CHECK(t.count(staff) == staff_before + 5);
    std::size_t hired = 0;
    for (std::size_t i = 0; i < ws.size(); ++i) {
        if (unemployed_before[i] != static_cast<std::uint8_t>(worker_status::unemployed) || !staff(i)) continue;
        ++hired;
        CHECK(t.w.firms.is_public[static_cast<std::size_t>(ws.employer[i])] == 1);
        CHECK(t.w.firms.region[static_cast<std::size_t>(ws.employer[i])] == 0);
        CHECK(ws.wage_vnd[i] >= t.w.regions[0].min_wage_vnd);
    }
    CHECK(hired == 5);
}

TEST_CASE("public_recruitment hires the employed of other regions when the post pays more",
          "[unit][policy][public_recruitment]") {
    tiny_world t(R"(policies:
  - id: r
    type: public_recruitment
    region: a
    field: health
    min_level: none
    target_per_10k: 2000
    max_hires_per_year: 60
)",
                 true);
    auto& ws = t.w.workers;
    const auto health = static_cast<std::uint8_t>(field_kind::health);
    // No one with the profile is unemployed anywhere; region b's health workers are paid little.
    for (std::size_t i = 0; i < ws.size(); ++i) {
        if (ws.field[i] != health || ws.status[i] != static_cast<std::uint8_t>(worker_status::unemployed)) continue;
        ws.field[i] = static_cast<std::uint8_t>(field_kind::services);
    }
    std::size_t cheap = 0;
    for (std::size_t i = 0; i < ws.size(); ++i)
        if (ws.region[i] == 1 && ws.field[i] == health &&
            ws.status[i] == static_cast<std::uint8_t>(worker_status::employed)) {
            ws.wage_vnd[i] = 1;
            ++cheap;
        }
    REQUIRE(cheap >= 5);
    const auto region_before = ws.region;
    t.schedule_month(0);
    CHECK(t.series(0, "recruited") == 5);
    CHECK(t.series(0, "recruited_from_employment") == 5);
    CHECK(t.series(0, "recruited_from_other_regions") == 5);
    std::size_t moved = 0;
    for (std::size_t i = 0; i < ws.size(); ++i) {
        if (region_before[i] != 1 || ws.region[i] != 0) continue;
        ++moved;
        const auto f = static_cast<std::size_t>(ws.employer[i]);
        CHECK(t.w.firms.is_public[f] == 1);
        CHECK(t.w.firms.region[f] == 0);
        CHECK(ws.wage_vnd[i] > 1);
    }
    CHECK(moved == 5);
}
