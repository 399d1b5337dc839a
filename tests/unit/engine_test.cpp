// The monthly loop (sim/engine.cpp) on a small hand-built world: each month gets its own
// calendar month and fresh flows, observers see every month in order, and the summary
// accounts for the months and phases. (The whole quickstart runs in tests/integration.)
#include <catch2/catch.hpp>

#include <string>

#include "laborsim/engine.hpp"
#include "model/small_world.hpp"

using namespace laborsim;
using namespace laborsim::test;

namespace {

class month_log final : public run_observer {
public:
    void on_start(const scenario&, const world& w) override { workers_at_start = w.workers.size(); }
    void on_month(const month_stats& s, const std::vector<policy_month_report>&, const world& w) override {
        month_index.push_back(s.month_index);
        world_month.push_back(w.now.index());
        entrants.push_back(s.at(0, indicator::entrants));
        workers.push_back(w.workers.size());
    }
    void on_finish(const world&, bool c) override { completed = c; }
    std::size_t workers_at_start = 0;
    std::vector<int> month_index, world_month;
    std::vector<double> entrants;
    std::vector<std::size_t> workers;
    bool completed = false;
};

}  // namespace

TEST_CASE("engine: every month has its calendar month and fresh flows; observers see them in order", "[unit][engine]") {
    auto region = small_region("north", 2000);
    region.labor_force_growth = 0.1224;  // 20.4 entrants a month, nobody leaves
    auto sc = quiet_scenario({region});
    sc.calendar.start = {2023, 11};
    sc.calendar.end = {2024, 4};
    month_log log;
    const auto summary = run_scenario(sc, run_options{1, 256}, {&log});
    REQUIRE(summary.months == 6);
    CHECK(log.completed);
    CHECK(summary.phase_seconds.size() == phase_names().size());
    CHECK(std::string(phase_names().front()) == "training");  // firms' own training runs before the policies
    CHECK(std::string(phase_names()[1]) == "policy");
    REQUIRE(log.month_index.size() == 6);
    std::size_t entered = 0;
    for (int t = 0; t < 6; ++t) {
        INFO("month " << t);
        CHECK(log.month_index[t] == sc.calendar.start.index() + t);
        CHECK(log.world_month[t] == log.month_index[t]);
        // Flows are this month's only: 20 or 21 entrants, never a running total.
        CHECK((log.entrants[t] == 20 || log.entrants[t] == 21));
        entered += static_cast<std::size_t>(log.entrants[t]);
        CHECK(log.workers[t] == log.workers_at_start + entered);
    }
    CHECK(summary.workers_at_end == log.workers.back());
    CHECK(summary.worker_months == [&] {
        std::uint64_t s = 0;
        for (auto n : log.workers) s += n;
        return s;
    }());
}
