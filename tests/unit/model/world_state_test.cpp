// A world's state as bytes (sim/model/world_state.cpp): saved and loaded into a world built
// from the same scenario it saves again to the same bytes; an engine resumed from it
// reports the months after exactly as an uninterrupted run; bytes that do not fit are
// refused with a message, never read as a world.
#include <catch2/catch.hpp>

#include <string>

#include "laborsim/engine.hpp"
#include "laborsim/scenario_io.hpp"
#include "model/world.hpp"

using namespace laborsim;

namespace {

// A scenario whose policies keep state of their own (per-school vectors, a programme index).
const scenario& stateful_scenario() {
    static const scenario sc =
        load_scenario(std::string(LABORSIM_SOURCE_DIR) + "/scenarios/policies/school_accreditation.yaml",
                      {"scale=0.003", "calendar.end=2022-06"});
    return sc;
}

// Keeps the world state after month `at` and every month's statistics.
class state_taker final : public run_observer {
public:
    explicit state_taker(int at) : at_(at) {}
    void on_month(const month_stats& s, const std::vector<policy_month_report>& reports, const world& w) override {
        months.push_back(s);
        series.push_back(reports);
        if (w.t + 1 == at_) state = save_world_state(w);
    }
    std::vector<month_stats> months;
    std::vector<std::vector<policy_month_report>> series;
    std::string state;

private:
    int at_;
};

}  // namespace

TEST_CASE("world state: saved, loaded into a fresh world and saved again gives the same bytes", "[unit][checkpoint]") {
    state_taker taker(7);
    run_scenario(stateful_scenario(), run_options{1, 4096}, {&taker});
    REQUIRE(taker.state.size() > 1000);
    world w = build_world(stateful_scenario(), 4096);
    load_world_state(w, taker.state);
    CHECK(w.t == 6);
    CHECK(save_world_state(w) == taker.state);
}

TEST_CASE("world state: a run resumed from month 7 reports what the uninterrupted run reports", "[unit][checkpoint]") {
    state_taker whole(7);
    run_scenario(stateful_scenario(), run_options{2, 4096}, {&whole});
    state_taker resumed(-1);
    run_options opts{1, 1000};
    opts.resume_state = &whole.state;
    const auto summary = run_scenario(stateful_scenario(), opts, {&resumed});
    CHECK(summary.first_month == 7);
    REQUIRE(resumed.months.size() + 7 == whole.months.size());
    for (std::size_t k = 0; k < resumed.months.size(); ++k) {
        INFO("month " << k + 7);
        CHECK(resumed.months[k].by_region == whole.months[k + 7].by_region);
        REQUIRE(resumed.series[k].size() == whole.series[k + 7].size());
        for (std::size_t p = 0; p < resumed.series[k].size(); ++p)
            CHECK(resumed.series[k][p].series == whole.series[k + 7][p].series);
    }
}

TEST_CASE("world state: bytes that do not fit are refused", "[unit][checkpoint]") {
    state_taker taker(3);
    run_scenario(stateful_scenario(), run_options{1, 4096}, {&taker});
    world w = build_world(stateful_scenario(), 4096);
    SECTION("cut short") {
        CHECK_THROWS_AS(load_world_state(w, taker.state.substr(0, taker.state.size() / 2)), state_format_error);
    }
    SECTION("with bytes after the end") { CHECK_THROWS_AS(load_world_state(w, taker.state + "x"), state_format_error); }
    SECTION("of another scenario") {
        const scenario other = load_scenario(std::string(LABORSIM_SOURCE_DIR) + "/scenarios/quickstart.yaml",
                                             {"scale=0.003", "calendar.end=2021-06"});
        world v = build_world(other, 4096);
        CHECK_THROWS_AS(load_world_state(v, taker.state), state_format_error);
    }
}
