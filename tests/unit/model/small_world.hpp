// A small hand-made world for the phase tests (tests/unit/model/<phase>_test.cpp): one or
// two regions of a few thousand agents, a model in which nothing happens unless a test
// switches it on, and helpers to set up a situation by hand and to check the bookkeeping
// (firm headcounts, school enrolment) that every phase must keep.
#pragma once
#include <cmath>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "../../validation/validation_support.hpp"
#include "laborsim/scenario.hpp"
#include "model/phases.hpp"
#include "model/world.hpp"

namespace laborsim::test {

inline region_spec small_region(std::string id, double labor_force, double latitude = 21.0, double longitude = 105.8) {
    region_spec r;
    r.id = id;
    r.name = std::move(id);
    r.labor_force = labor_force;
    r.population = labor_force / 0.6;
    r.unemployment_rate = 0.1;
    r.education_shares = {0.5, 0.1, 0.15, 0.05, 0.05, 0.13, 0.02};
    r.field_shares = {0.4, 0.3, 0.3, 0, 0, 0};
    r.mean_wage_vnd = 6.0e6;
    r.min_wage_vnd = 3.0e6;
    r.labor_force_growth = 0;
    r.latitude = latitude;
    r.longitude = longitude;
    return r;
}

// Switches off every behaviour a phase test does not ask for: nobody retires, dies,
// separates, migrates, studies, learns; firms neither move nor exit.
// (The validation tests' closed market, plus no separations, progression, on-the-job search,
// informal jobs or learning.)
inline void quiet(model_params& m) {
    validation::close_the_market(m);
    m.separation_rate = 0;
    m.progression_rate = 0;
    m.on_the_job_search = 0;
    m.informal_on_the_job_search = 0;
    // Every job formal without social insurance: the minimum wage binds everywhere, as the
    // phase tests expect (formality_test.cpp tests the two sectors).
    m.informal_share.fill(0.0);
    m.social_insurance_rate = 0;
    m.learning_rate = 0;
    m.depreciation_rate = 0;
}

inline scenario quiet_scenario(std::vector<region_spec> regions, std::uint64_t seed = 20240601) {
    scenario sc;
    sc.name = "small-world";
    sc.calendar.start = {2021, 1};
    sc.calendar.end = {2022, 12};
    sc.seed = seed;
    sc.scale = 1.0;
    sc.regions = std::move(regions);
    quiet(sc.model);
    return sc;
}

// The world keeps a pointer to its scenario, so both live here together, the scenario on
// the heap (the pair may move). A test may change the parameters after the build: the
// phases read them through the pointer every month.
struct small_world {
    std::unique_ptr<scenario> sc;
    world w;
    [[nodiscard]] model_params& params() { return sc->model; }
};

inline small_world make_small_world(scenario s, std::size_t block_size = 256) {
    auto p = std::make_unique<scenario>(std::move(s));
    world w = build_world(*p, block_size);
    return {std::move(p), std::move(w)};
}

// What the engine does before the phases of month t (sim/engine.cpp).
inline void begin_month(world& w, int t) {
    w.t = t;
    w.now = year_month::from_index(w.sc->calendar.start.index() + t);
    for (auto& f : w.flows) f.fill(0);
}

[[nodiscard]] inline std::int64_t flow_of(const world& w, std::size_t r, flow f) {
    return w.flows[r][static_cast<int>(f)];
}
[[nodiscard]] inline std::int64_t flow_total(const world& w, flow f) {
    std::int64_t n = 0;
    for (std::size_t r = 0; r < w.region_count(); ++r) n += flow_of(w, r, f);
    return n;
}

[[nodiscard]] inline bool has_status(const world& w, std::size_t i, worker_status s) {
    return w.workers.status[i] == static_cast<std::uint8_t>(s);
}
[[nodiscard]] inline std::int64_t count_status(const world& w, worker_status s) {
    std::int64_t n = 0;
    for (std::size_t i = 0; i < w.workers.size(); ++i) n += has_status(w, i, s);
    return n;
}
[[nodiscard]] inline std::int64_t count_status(const world& w, worker_status s, std::size_t region) {
    std::int64_t n = 0;
    for (std::size_t i = 0; i < w.workers.size(); ++i) n += has_status(w, i, s) && w.workers.region[i] == region;
    return n;
}

// Worker i out of work (leaves its job or seat), unemployed for `months`.
// n open posts at every firm, none hired yet this month (what run_firms would leave).
inline void open_posts(world& w, std::int32_t n) {
    for (std::size_t f = 0; f < w.firms.size(); ++f) {
        w.firms.vacancies[f] = n;
        w.firms.hires[f] = 0;
    }
}

inline void make_unemployed(world& w, std::size_t i, int months = 1) {
    release_position(w, i);
    auto& ws = w.workers;
    ws.status[i] = static_cast<std::uint8_t>(worker_status::unemployed);
    ws.employer[i] = no_employer;
    ws.months_in_status[i] = static_cast<std::uint16_t>(months);
    ws.set(i, worker_flag::mismatched, false);
}

// Worker i employed at firm f (in the firm's region) at the given wage.
inline void employ(world& w, std::size_t i, std::size_t f, std::uint32_t wage_vnd) {
    release_position(w, i);
    auto& ws = w.workers;
    ws.status[i] = static_cast<std::uint8_t>(worker_status::employed);
    ws.employer[i] = static_cast<std::int32_t>(f);
    ws.region[i] = w.firms.region[f];
    ws.wage_vnd[i] = wage_vnd;
    ws.months_in_status[i] = 1;
    w.firms.headcount[f] += 1;
}

// Index of the worker with this id, or the store's size when it has left.
[[nodiscard]] inline std::size_t index_of(const world& w, std::uint32_t id) {
    for (std::size_t i = 0; i < w.workers.size(); ++i)
        if (w.workers.id[i] == id) return i;
    return w.workers.size();
}

// Every firm's headcount is the number of its employed workers, every school's enrolment
// the number of its students (workers abroad are not read).
[[nodiscard]] inline bool positions_consistent(const world& w) {
    std::vector<std::int32_t> head(w.firms.size(), 0), enrolled(w.schools.size(), 0);
    const auto& ws = w.workers;
    for (std::size_t i = 0; i < ws.size(); ++i) {
        if (has_status(w, i, worker_status::employed)) {
            if (ws.employer[i] < 0 || static_cast<std::size_t>(ws.employer[i]) >= w.firms.size()) return false;
            head[ws.employer[i]] += 1;
        } else if (has_status(w, i, worker_status::student)) {
            if (ws.employer[i] < 0 || static_cast<std::size_t>(ws.employer[i]) >= w.schools.size()) return false;
            enrolled[ws.employer[i]] += 1;
        }
    }
    return head == w.firms.headcount && enrolled == w.schools.enrolled;
}

// Tolerance of a binomial count: k standard deviations of Binomial(n, p).
[[nodiscard]] inline double binomial_sd(double n, double p) { return std::sqrt(n * p * (1.0 - p)); }

}  // namespace laborsim::test
