// The world: the agent stores plus per-region state, rebuilt from a scenario and a seed.
// Phases (one file each in this folder) are free functions over it.
#pragma once
#include <any>
#include <array>
#include <cstdint>
#include <vector>

#include "core/firm_store.hpp"
#include "core/rng.hpp"
#include "core/school_store.hpp"
#include "core/state_archive.hpp"
#include "core/units.hpp"
#include "core/worker_store.hpp"
#include "laborsim/engine.hpp"
#include "laborsim/indicators.hpp"
#include "laborsim/scenario.hpp"

namespace laborsim {

// Flows counted by the phases during a month, per region.
enum class flow : int {
    hires,
    hires_from_unemployment,
    unemployed_searchers,
    separations,
    vacancies,
    enrolments,
    graduates,
    migration_in,
    migration_out,
    exits,
    entries,
    dropouts,
    abroad_departures,
    abroad_returns,
    abroad_stayers,
    layoffs,
    firm_trained,
    activations,               // inactive -> labour force (participation and completed courses)
    deactivations,             // labour force -> inactive
    minimum_wage_separations,  // formal matches dissolved under the minimum wage
    enrolments_level0,         // by the level of the program
    graduates_level0 = enrolments_level0 + education_count,  // by the level reached
    count_ = graduates_level0 + education_count
};
inline constexpr int flow_count = static_cast<int>(flow::count_);
[[nodiscard]] constexpr flow enrolments_at(int level) {
    return static_cast<flow>(static_cast<int>(flow::enrolments_level0) + level);
}
[[nodiscard]] constexpr flow graduates_at(int level) {
    return static_cast<flow>(static_cast<int>(flow::graduates_level0) + level);
}

struct region_state {
    double min_wage_vnd = 0;
    double productivity_scale = 0;          // P_r: VND per month of a match at log productivity 0
    double productivity_scale_initial = 0;  // P_r,0 (productivity.cpp: P_r,t = P_r,0 x prices x trend x shocks)
    double wage_index_step = 1;             // P_r,t / P_r,t-1 this month: existing wages follow it (wages.cpp)
    double price_index = 1;                 // CPI relative to the start
    double shock_log_productivity = 0;      // shocks in force (shocks.cpp)
    double aggregate_shock = 0;             // regional AR(1) demand shock
    double workers_target_growth = 0;       // agents added per month on top of replacing exits
    double expected_income = 0;             // last month's mean wage x employment rate
    double migration_incentive = 0;         // utility added by policies (everyone), reset monthly
    // Utility added by policies (talent_attraction) for one group of movers only, indexed
    // [level * field_count + field]; reset monthly by the policy schedule.
    std::array<float, education_count * field_count> group_incentive{};
    std::int64_t population_agents = 0;  // last month's agents living here (abroad excluded)
    std::int64_t population_agents_initial = 0;
    double labor_force_agents = 0;  // last month's labour force, in agents
    double labor_force_agents_initial = 0;
    // Staffing norm of public employers, staff per 10,000 population, by field. It starts
    // at the initial ratio; a policy (e.g. doctors per 10,000) may raise it.
    std::array<double, field_count> public_staff_per_10k{};
    std::array<double, field_count> public_staff_per_10k_initial{};
    // Participation (sim/model/participation.cpp): the population above the retirement age
    // outside the labour force, in agents at the start (a count, not agents in the store);
    // the references of the participation index and last months' job-finding rate.
    double retired_agents_initial = 0;
    double certified_share_initial = 0;  // of the working-age population at the start
    double expected_income_initial = 0;
    double job_finding_rate = 0;  // smoothed over recent months; 0 until first measured
    double job_finding_rate_initial = 0;

    // Every member, once (checkpoints save and load this list; a member added above and
    // not here fails the size check below).
    template <class Self, class F>
    static constexpr void members(Self& s, F&& f) {
        f(s.min_wage_vnd, s.productivity_scale, s.productivity_scale_initial, s.wage_index_step, s.price_index,
          s.shock_log_productivity, s.aggregate_shock, s.workers_target_growth, s.expected_income,
          s.migration_incentive, s.group_incentive, s.population_agents, s.population_agents_initial,
          s.labor_force_agents, s.labor_force_agents_initial, s.public_staff_per_10k, s.public_staff_per_10k_initial,
          s.retired_agents_initial, s.certified_share_initial, s.expected_income_initial, s.job_finding_rate,
          s.job_finding_rate_initial);
    }
};
static_assert(listed_bytes<region_state>() == sizeof(region_state), "region_state::members must list every member");

// A programme of study abroad: the baseline (index 0, from model_params) or one a policy adds.
struct abroad_program {
    education_level level = education_level::university;  // reached on completion
    int field = -1;                                       // field_kind on completion; -1: keeps the student's field
    int months = 48;
    double completion_rate = 0.85;
    double skill_gain = 0.3;          // log points on completion
    double return_probability = 0.5;  // of completers and dropouts alike; the rest emigrate

    template <class Self, class F>
    static void members(Self& s, F&& f) {
        f(s.level, s.field, s.months, s.completion_rate, s.skill_gain, s.return_probability);
    }
};
// What happened to each programme's students this month (set by the education phase).
struct abroad_month_counts {
    std::int64_t completed = 0, returned = 0, stayed = 0;

    template <class Self, class F>
    static void members(Self& s, F&& f) {
        f(s.completed, s.returned, s.stayed);
    }
};

// Runtime state each policy keeps between months: what every type shares (budget, seat
// credit, regions, the month's series) and, in `own`, its type's own state
// (policy_rules<T>::state, defined in sim/policy/<type>.cpp; made by the schedule).
struct policy_state {
    int budget_year = 0;
    // This year's budget: annual_budget_vnd in whole agents at the policy's unit cost, the
    // fraction of an agent carried to the next year in budget_credit (agents) and rounded at
    // random in the policy's last year, so that a budget smaller than one agent's cost
    // (1/scale persons) still pays over the years, on average, what it says.
    double budget_this_year_vnd = 0;
    double budget_credit = 0;
    double spent_this_year_vnd = 0;
    double seat_credit = 0;  // fractional places carried between months
    // What a worker this policy holds (its tag) gives up each month, in VND, by leaving the
    // policy's regions: the clawback of a commitment spread over its months. Migration
    // weighs it like income (docs/model.md, migration).
    double leave_cost_vnd_month = 0;
    std::vector<std::uint8_t> region_on;  // [region] 1 when the policy targets it
    std::any own;
    std::vector<std::pair<std::string, double>> month_series;  // reset monthly
    void add(const char* name, double value);

    // Every member but `own` (saved by its type's policy_hooks<T>::save_state).
    template <class Self, class F>
    static void members(Self& s, F&& f) {
        f(s.budget_year, s.budget_this_year_vnd, s.budget_credit, s.spent_this_year_vnd, s.seat_credit,
          s.leave_cost_vnd_month, s.region_on, s.month_series);
    }
};

struct world {
    const scenario* sc = nullptr;
    counter_rng rng{1};
    std::size_t block_size = 16384;
    int t = 0;         // months since the scenario start
    year_month now;    // calendar month of t
    double scale = 1;  // agents per person

    worker_store workers;
    firm_store firms;
    school_store schools;
    std::vector<region_state> regions;
    std::vector<double> distance_km;             // [origin * R + destination]
    std::vector<std::size_t> market_firm_begin;  // firms grouped by market, size markets + 1
    // Shocks in force this month by market (shocks.cpp); empty: none.
    std::vector<double> market_demand_shock;      // share of private jobs lost
    std::vector<double> market_separation_extra;  // extra monthly layoff probability
    // Returns to levels (productivity.cpp): premium shift b_l,t - b_l and this month's step, by level;
    // initial shares of the labour force at level >= l and of desired jobs requiring >= l.
    std::array<double, education_count> level_premium_shift{};
    std::array<double, education_count> level_premium_step{};
    std::array<double, education_count> level_supply_initial{};
    std::array<double, education_count> level_demand_initial{};
    std::vector<std::vector<std::uint32_t>> region_schools;
    // This month's trainees of the firms' own training (indexes, ascending; firm_training.cpp),
    // read by firm_training_subsidy in the same month (not carried across months).
    std::vector<std::uint32_t> firm_trained_this_month;
    std::vector<policy_state> policies;
    std::vector<abroad_program> abroad_programs;    // [0]: the baseline programme
    std::vector<abroad_month_counts> abroad_month;  // per programme, this month
    std::uint32_t next_worker_id = 0;
    std::vector<double> decay_pow;  // reservation_decay^k for k months unemployed (k < lookup_table_months)

    std::vector<std::array<std::int64_t, flow_count>> flows;  // [region][flow], this month

    [[nodiscard]] std::size_t region_count() const { return regions.size(); }
    [[nodiscard]] static std::size_t market_of(std::size_t region, std::size_t field) {
        return region * field_count + field;
    }
    [[nodiscard]] std::size_t market_count() const { return regions.size() * field_count; }
    [[nodiscard]] std::uint32_t month_key() const { return static_cast<std::uint32_t>(t); }
    void add_flow(std::size_t region, flow f, std::int64_t n) { flows[region][static_cast<int>(f)] += n; }
    // Adds per-region counts laid out as [region * width + k] into the flows k -> f[k].
    void add_flows(const std::vector<std::int64_t>& counts, std::initializer_list<flow> fs);

    // What an average firm of the worker's region pays for its skill and level:
    // initial_wage_share x P_r x exp(skill + premium[level]).
    [[nodiscard]] double market_wage(std::size_t i) const;
    // Reservation wage of an unemployed worker i: replacement x market wage x decay^months
    // unemployed, without the minimum-wage floor (the employed compare with their wage).
    [[nodiscard]] double reservation_wage(std::size_t i) const;
    [[nodiscard]] double wage_premium(std::size_t level) const {
        return sc->model.level_wage_premium[level] + level_premium_shift[level];
    }
    [[nodiscard]] double market_demand_factor(std::size_t market) const {
        return market_demand_shock.empty() ? 1.0 : 1.0 - market_demand_shock[market];
    }
    [[nodiscard]] double market_separation_shock(std::size_t market) const {
        return market_separation_extra.empty() ? 0.0 : market_separation_extra[market];
    }
    // The wage reference of a newcomer (entrant, graduate, returner): the market wage, at
    // least the minimum wage.
    [[nodiscard]] double entry_wage(std::size_t i) const;
};

// Population changes shared by phases and policies (sim/model/population.cpp).
// Frees whatever worker i holds (a job, a school seat) without changing its status.
void release_position(world& w, std::size_t i);
// Removes the workers at the given indexes (ascending, distinct) from the store.
void remove_workers(world& w, const std::vector<std::uint32_t>& ascending);
// Levers for policies: adds a programme of study abroad and returns its index; sends
// worker i abroad on it (leaves its job or school; call from a serial part of a phase).
std::uint32_t add_abroad_program(world& w, const abroad_program& p);
void send_abroad(world& w, std::size_t i, std::uint32_t program);

// Builds the initial world (agents drawn from the region distributions).
world build_world(const scenario& sc, std::size_t block_size);

// The state a run carries from one month to the next (sim/model/world_state.cpp): every
// store column, region_state, policy states (each type's own through its hooks), abroad
// programmes, the month and next_worker_id. What build_world derives from the scenario
// alone (distances, markets, lookup tables) is rebuilt, not saved. load_world_state
// expects a world built from the same scenario and throws state_format_error when the
// bytes do not fit it.
std::string save_world_state(const world& w);
void load_world_state(world& w, std::string_view bytes);
// Policy k's own state (policy_state::own), through its type's hooks (sim/policy/schedule.cpp).
void save_policy_own(const world& w, std::size_t k, state_writer& out);
void load_policy_own(world& w, std::size_t k, state_reader& in);

}  // namespace laborsim
