// Helpers for the policy unit tests: a tiny one- or two-region world built from scenario text,
// and months of the policy schedule alone (no other phase), so a test sees the policy's own
// direct effect.
#pragma once
#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "laborsim/scenario_io.hpp"
#include "model/phases.hpp"
#include "model/world.hpp"

namespace laborsim::policy_unit {

// Region `a` (and `b` when two_regions), 2,000 agents each at scale 1, 2021-01 to 2022-12.
// `extra` is appended at the top level (schools:, policies: ...).
inline std::string tiny_yaml(const std::string& extra, bool two_regions = false) {
    const std::string body = R"(
    labor_force: 2000
    population: 4000
    unemployment_rate: 0.1
    education_shares: {none: 0.4, short_course: 0.1, elementary: 0.1, intermediate: 0.1, college: 0.1, university: 0.15, postgraduate: 0.05}
    field_shares: {agriculture: 0.3, industry: 0.2, services: 0.2, health: 0.1, education: 0.1, digital: 0.1}
    mean_wage_vnd: 6000000
    min_wage_vnd: 3000000)";
    return "name: unit\ncalendar: {start: 2021-01, end: 2022-12}\nseed: 7\nregions:\n  - id: a" + body +
           (two_regions ? "\n  - id: b" + body : std::string()) + "\n" + extra;
}

// The scenario must outlive the world (world::sc points to it).
struct tiny_world {
    std::unique_ptr<scenario> sc;
    world w;

    explicit tiny_world(const std::string& extra, bool two_regions = false)
        : sc(std::make_unique<scenario>(load_scenario_text(tiny_yaml(extra, two_regions), "unit.yaml"))),
          w(build_world(*sc, 1024)) {}

    // Runs the policy schedule for month t (as the engine sets the clock).
    void schedule_month(int t) {
        w.t = t;
        w.now = year_month::from_index(sc->calendar.start.index() + t);
        run_policy_schedule(w);
    }

    // This month's value of a series of policy k (0 when not reported).
    [[nodiscard]] double series(std::size_t k, const std::string& name) const {
        for (const auto& [key, v] : w.policies.at(k).month_series)
            if (key == name) return v;
        return 0.0;
    }

    [[nodiscard]] std::size_t count(auto&& pred) const {
        std::size_t n = 0;
        for (std::size_t i = 0; i < w.workers.size(); ++i) n += pred(i) ? 1 : 0;
        return n;
    }
};

}  // namespace laborsim::policy_unit
