// minimum_wage on a tiny world: the step in force sets the regional minimum of the targeted
// region only, and the formal employees paid below it are counted; no spending.
#include "model/formality.hpp"
#include "policy_world.hpp"

using namespace laborsim;
using namespace laborsim::policy_unit;

TEST_CASE("minimum_wage sets the step in force in its regions", "[unit][policy][minimum_wage]") {
    tiny_world t(R"(policies:
  - id: mw
    type: minimum_wage
    region: a
    steps:
      - {from: 2021-03, wage_vnd: 5000000}
      - {from: 2021-01, wage_vnd: 4000000}
)",
                 true);
    const auto& ws = t.w.workers;
    const auto below = [&](double wage) {
        return static_cast<double>(t.count([&](std::size_t i) {
            return ws.region[i] == 0 && is_formal_job(t.w, i) && ws.wage_vnd[i] < wage;  // formal jobs only
        }));
    };
    t.schedule_month(0);
    CHECK(t.w.regions[0].min_wage_vnd == 4e6);
    CHECK(t.w.regions[1].min_wage_vnd == 3e6);  // not targeted
    CHECK(t.series(0, "minimum_wage_vnd") == 4e6);
    CHECK(t.series(0, "beneficiaries") == below(4e6));
    CHECK(t.series(0, "spending_vnd") == 0);
    t.schedule_month(1);
    CHECK(t.w.regions[0].min_wage_vnd == 4e6);
    t.schedule_month(2);  // 2021-03: the later step, listed first
    CHECK(t.w.regions[0].min_wage_vnd == 5e6);
    CHECK(t.series(0, "beneficiaries") == below(5e6));
    CHECK(below(5e6) > 0);
}
