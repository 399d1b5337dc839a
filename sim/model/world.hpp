// The world: the agent stores plus per-region state, rebuilt from a scenario and a seed.
// Phases (one file each in this folder) are free functions over it.
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "core/firm_store.hpp"
#include "core/rng.hpp"
#include "core/school_store.hpp"
#include "core/worker_store.hpp"
#include "laborsim/engine.hpp"
#include "laborsim/indicators.hpp"
#include "laborsim/scenario.hpp"

namespace laborsim {

// Flows counted by the phases during a month, per region.
enum class flow : int {
    hires, hires_from_unemployment, unemployed_searchers, separations, vacancies, enrolments,
    graduates, migration_in, migration_out, exits, entries, count_
};
inline constexpr int flow_count = static_cast<int>(flow::count_);

struct region_state {
    double min_wage_vnd = 0;
    double productivity_scale = 0;   // P_r: VND per month of a match at log productivity 0
    double aggregate_shock = 0;      // regional AR(1) demand shock
    double workers_target_growth = 0; // agents added per month on top of replacing exits
    double expected_income = 0;      // last month's mean wage x employment rate
    double migration_incentive = 0;  // utility added by policies (everyone), reset monthly
    // Utility added by policies (talent_attraction) for one group of movers only, indexed
    // [level * field_count + field]; reset monthly by the policy schedule.
    std::array<float, education_count * field_count> group_incentive{};
};

// Runtime state each policy keeps between months (budget and counters).
struct policy_state {
    int budget_year = 0;
    double spent_this_year_vnd = 0;
    double seat_credit = 0;                     // fractional places carried between months
    std::vector<std::uint8_t> region_on;        // [region] 1 when the policy targets it
    // School policies: what this policy changed at each school, so it can undo it.
    std::vector<double> school_seat_delta;      // seats/month added (negative: an admission cap)
    std::vector<double> school_skill_delta;     // skill gain added
    std::vector<std::int32_t> school_months;    // accreditation: upgrade months left (-1: none)
    std::vector<std::int32_t> school_waited;    // accreditation: months below the standard without funds
    std::vector<std::pair<std::string, double>> month_series;  // reset monthly
    void add(const char* name, double value);
};

struct world {
    const scenario* sc = nullptr;
    counter_rng rng{1};
    std::size_t block_size = 16384;
    int t = 0;                 // months since the scenario start
    year_month now;            // calendar month of t
    double scale = 1;          // agents per person

    worker_store workers;
    firm_store firms;
    school_store schools;
    std::vector<region_state> regions;
    std::vector<double> distance_km;               // [origin * R + destination]
    std::vector<std::size_t> market_firm_begin;    // firms grouped by market, size markets + 1
    std::vector<std::vector<std::uint32_t>> region_schools;
    std::vector<policy_state> policies;
    std::uint32_t next_worker_id = 0;

    std::vector<std::array<std::int64_t, flow_count>> flows;  // [region][flow], this month

    [[nodiscard]] std::size_t region_count() const { return regions.size(); }
    [[nodiscard]] static std::size_t market_of(std::size_t region, std::size_t field) {
        return region * field_count + field;
    }
    [[nodiscard]] std::size_t market_count() const { return regions.size() * field_count; }
    [[nodiscard]] std::uint32_t month_key() const { return static_cast<std::uint32_t>(t); }
    void add_flow(std::size_t region, flow f, std::int64_t n) {
        flows[region][static_cast<int>(f)] += n;
    }
    // Adds per-region counts laid out as [region * width + k] into the flows k -> f[k].
    void add_flows(const std::vector<std::int64_t>& counts, std::initializer_list<flow> fs);

    [[nodiscard]] double reservation_wage(std::size_t i) const;
    [[nodiscard]] double wage_premium(std::size_t level) const { return sc->model.level_wage_premium[level]; }
};

// Builds the initial world (agents drawn from the region distributions).
world build_world(const scenario& sc, std::size_t block_size);

}  // namespace laborsim
