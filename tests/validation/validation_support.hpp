// Small scenarios and a recording observer for the validation tests: each test states a
// piece of theory (a steady state, a conservation law, a sign) and checks the model
// against it, not against the program's own earlier output.
#pragma once
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "laborsim/engine.hpp"
#include "laborsim/scenario.hpp"
#include "model/world.hpp"

namespace laborsim::validation {

inline region_spec make_region(const std::string& id, double labor_force, double latitude, double longitude,
                               double mean_wage_vnd = 6.6e6) {
    region_spec r;
    r.id = id;
    r.name = id;
    r.labor_force = labor_force;
    r.population = labor_force / 0.6;
    r.education_shares = {0.55, 0.1, 0.1, 0.07, 0.05, 0.12, 0.01};
    r.field_shares = {0.3, 0.25, 0.3, 0.05, 0.05, 0.05};
    r.latitude = latitude;
    r.longitude = longitude;
    r.mean_wage_vnd = mean_wage_vnd;
    r.min_wage_vnd = 3.0e6;
    return r;
}

inline school_spec make_school(std::string id, std::string region, school_kind kind, double seats_per_year,
                               int program_months) {
    school_spec s;
    s.id = std::move(id);
    s.region = std::move(region);
    s.kind = kind;
    s.seats_per_year = seats_per_year;
    s.program_months = program_months;
    return s;
}

inline scenario base_scenario(int months, std::uint64_t seed = 20210101) {
    scenario sc;
    sc.name = "validation";
    sc.calendar.start = {2021, 1};
    sc.calendar.end = year_month::from_index(sc.calendar.start.index() + months - 1);
    sc.seed = seed;
    sc.scale = 1.0;
    return sc;
}

// Switches off everything that moves people in or out of the labour market, so that only
// separations and hires are left.
inline void close_the_market(model_params& m) {
    m.retirement_age_men = m.retirement_age_women = 1000;
    m.mortality_gompertz_a = 0;
    m.migration_rate = 0;
    m.study_abroad_rate = 0;
    m.application_rate_young = m.application_rate_adult = 0;
    m.firm_entry_rate = 0;
    m.unfilled_exit_months = 0;
    m.productivity_shock_sd = 0;
    m.aggregate_shock_sd = 0;
    m.layoff_threshold = 1e9;
    m.outside_search_share = 0;
    m.participation_rate_15plus = 0;  // no one joins or leaves the labour force
}

// Keeps every month's statistics and the population of each region before the first month.
class recorder final : public run_observer {
public:
    void on_start(const scenario&, const world& w) override {
        initial_population.assign(w.region_count(), 0);
        initial_abroad.assign(w.region_count(), 0);
        for (std::size_t i = 0; i < w.workers.size(); ++i) {
            if (w.workers.status[i] == static_cast<std::uint8_t>(worker_status::abroad))
                initial_abroad[w.workers.region[i]] += 1;
            else initial_population[w.workers.region[i]] += 1;
        }
        initial_unemployed = 0;
        initial_labor_force = 0;
        for (std::size_t i = 0; i < w.workers.size(); ++i) {
            if (!w.workers.in_labor_force(i)) continue;
            initial_labor_force += 1;
            initial_unemployed += w.workers.status[i] == static_cast<std::uint8_t>(worker_status::unemployed);
        }
    }
    void on_month(const month_stats& s, const std::vector<policy_month_report>&, const world& w) override {
        months.push_back(s);
        workers.push_back(static_cast<std::int64_t>(w.workers.size()));
    }

    // Indicator of region r in month t, in agents (outputs are persons = agents / scale).
    [[nodiscard]] std::int64_t agents(std::size_t t, std::size_t r, indicator i, double scale) const {
        return std::llround(months[t].at(r, i) * scale);
    }
    [[nodiscard]] double value(std::size_t t, std::size_t r, indicator i) const { return months[t].at(r, i); }

    std::vector<month_stats> months;
    std::vector<std::int64_t> workers;
    std::vector<std::int64_t> initial_population, initial_abroad;
    std::int64_t initial_unemployed = 0, initial_labor_force = 0;
};

inline recorder run(const scenario& sc, int threads = 2, std::size_t block_size = 4096) {
    recorder rec;
    run_scenario(sc, run_options{threads, block_size}, {&rec});
    return rec;
}

// One line per check for the validation report: what was measured against what theory says.
inline void report(const char* test, const char* quantity, double measured, double expected, double tolerance) {
    std::printf("[validation] %-28s %-44s measured %-12.6g expected %-12.6g tolerance %.3g\n", test, quantity, measured,
                expected, tolerance);
}

}  // namespace laborsim::validation
