// talent_attraction on a tiny world: the offer raises the migration utility of the target's
// groups in the targeted region, residents are tagged and paid as far as the budget goes,
// and the top-up is paid the month after.
#include "policy_world.hpp"

using namespace laborsim;
using namespace laborsim::policy_unit;

TEST_CASE("talent_attraction pays and tags recipients within its budget", "[unit][policy][talent_attraction]") {
    tiny_world t(R"(policies:
  - id: t
    type: talent_attraction
    region: a
    target: {min_level: university, field: health}
    bonus_vnd: 10000000
    wage_top_up_vnd_month: 1000000
    commitment_months: 24
    recipients: movers_and_residents
    annual_budget_vnd: 100000000
)",
                 true);
    auto& ws = t.w.workers;
    t.schedule_month(0);
    const auto tagged = [&](std::size_t i) { return ws.tag_policy[i] == 0; };
    const double recipients = t.series(0, "beneficiaries");
    CHECK(recipients == 10);  // 100 M / 10 M
    CHECK(static_cast<double>(t.count(tagged)) == recipients);
    CHECK(t.series(0, "residents_paid") == recipients);
    CHECK(t.series(0, "spending_vnd") == 100e6);
    for (std::size_t i = 0; i < ws.size(); ++i) {
        if (!tagged(i)) continue;
        CHECK(ws.region[i] == 0);
        CHECK(ws.field[i] == static_cast<std::uint8_t>(field_kind::health));
        CHECK(ws.level[i] >= static_cast<std::uint8_t>(education_level::university));
        CHECK(ws.tag_months[i] == 24);
    }
    const auto group = [](education_level l, field_kind f) {
        return static_cast<std::size_t>(static_cast<int>(l) * field_count + static_cast<int>(f));
    };
    CHECK(t.series(0, "incentive_utility") > 0);
    CHECK(t.w.regions[0].group_incentive[group(education_level::university, field_kind::health)] > 0);
    CHECK(t.w.regions[0].group_incentive[group(education_level::university, field_kind::industry)] == 0);
    CHECK(t.w.regions[1].group_incentive[group(education_level::university, field_kind::health)] == 0);
    // Next month the budget is spent: no top-up, no new recipients, the commitments run on.
    t.schedule_month(1);
    CHECK(t.series(0, "committed") == recipients);
    CHECK(t.series(0, "spending_vnd") == 0);
    CHECK(t.series(0, "beneficiaries") == 0);
    for (std::size_t i = 0; i < ws.size(); ++i)
        if (tagged(i)) CHECK(ws.tag_months[i] == 23);
}
