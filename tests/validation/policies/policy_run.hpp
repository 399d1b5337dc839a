// Helpers for the policy validation tests: a small two-region scenario, in-process runs that
// keep every month's statistics and policy series, and budget checks.
#pragma once
#include <catch2/catch.hpp>

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "laborsim/engine.hpp"
#include "laborsim/scenario_io.hpp"
#include "model/world.hpp"

namespace laborsim::policy_test {

// Two identical regions at the same place (no distance cost), 40,000 agents each at scale
// 0.1, 2021-2023. `extra` is appended at the top level (schools:, policies: ...); `model`
// adds keys to the model section. Search beyond the own market (a job in the other region
// or another field) is off: the expectations here count each policy's own channel, not the
// spillovers the full model adds through job search (tests/validation/ checks those).
inline std::string base_yaml(const std::string& extra, const std::string& end = "2023-12",
                             const std::string& model = "") {
    std::string region_body = R"(
    labor_force: 400000
    population: 700000
    urban_share: 0.4
    unemployment_rate: 0.04
    education_shares: {none: 0.45, short_course: 0.1, elementary: 0.1, intermediate: 0.1, college: 0.05, university: 0.18, postgraduate: 0.02}
    field_shares: {agriculture: 0.3, industry: 0.3, services: 0.25, health: 0.05, education: 0.05, digital: 0.05}
    mean_wage_vnd: 6000000
    min_wage_vnd: 3000000
    latitude: 21.0
    longitude: 105.8)";
    return "name: policy-test\ncalendar: {start: 2021-01, end: " + end +
           "}\nseed: 42\nscale: 0.1\nregions:\n  - id: a" + region_body + "\n  - id: b" + region_body +
           "\nmodel: {outside_search_share: 0" + (model.empty() ? "" : ", " + model) + "}\n" + extra;
}

struct run_record {
    std::vector<month_stats> months;
    std::vector<std::vector<policy_month_report>> reports;
};

class recording_observer final : public run_observer {
public:
    explicit recording_observer(run_record& out, std::function<void(const world&, const month_stats&)> probe)
        : out_(out), probe_(std::move(probe)) {}
    void on_month(const month_stats& s, const std::vector<policy_month_report>& r, const world& w) override {
        out_.months.push_back(s);
        out_.reports.push_back(r);
        if (probe_) probe_(w, s);
    }

private:
    run_record& out_;
    std::function<void(const world&, const month_stats&)> probe_;
};

inline run_record run(const std::string& yaml, std::function<void(const world&, const month_stats&)> probe = {}) {
    const scenario sc = load_scenario_text(yaml, "policy-test.yaml");
    run_record rec;
    recording_observer obs(rec, std::move(probe));
    run_options opts;
    opts.threads = 2;
    run_scenario(sc, opts, {&obs});
    return rec;
}

// One policy series, month by month (0 where the policy did not report it).
inline std::vector<double> series(const run_record& r, const std::string& id, const std::string& name) {
    std::vector<double> out;
    for (const auto& month : r.reports) {
        double v = 0;
        for (const auto& rep : month)
            if (rep.id == id)
                for (const auto& [k, x] : rep.series)
                    if (k == name) v += x;
        out.push_back(v);
    }
    return out;
}

inline double total(const std::vector<double>& v) {
    double s = 0;
    for (double x : v) s += x;
    return s;
}

// Spending by calendar year (the run starts in January).
inline std::vector<double> spending_by_year(const run_record& r, const std::string& id) {
    const auto s = series(r, id, "spending_vnd");
    std::vector<double> years((s.size() + 11) / 12, 0.0);
    for (std::size_t t = 0; t < s.size(); ++t) years[t / 12] += s[t];
    return years;
}

inline void check_budget(const run_record& r, const std::string& id, double annual_budget_vnd) {
    for (double y : spending_by_year(r, id)) CHECK(y <= annual_budget_vnd * (1 + 1e-9));
}

inline double indicator_at(const run_record& r, std::size_t t, std::size_t region, indicator i) {
    return r.months.at(t).at(region, i);
}

// Follows school graduates: a worker who was a student last month and is in the labour
// force with a higher level now graduated; records the skill gained and whether the
// graduate is employed `horizon` months later.
struct graduate_tracker {
    struct prior {
        std::uint8_t status, level;
        float skill;
    };
    struct graduate {
        int month;
        std::uint16_t region;
        double gain;
        double skill;
        int employed_at_horizon = -1;
    };
    int horizon = 3;
    int month = 0;
    std::map<std::uint32_t, prior> last;
    std::map<std::uint32_t, std::size_t> pending;  // id -> index in graduates
    std::vector<graduate> graduates;

    void operator()(const world& w, const month_stats&) {
        const auto& ws = w.workers;
        std::map<std::uint32_t, prior> now;
        for (std::size_t i = 0; i < ws.size(); ++i) {
            const auto id = ws.id[i];
            now[id] = {ws.status[i], ws.level[i], ws.skill[i]};
            if (auto it = last.find(id); it != last.end() &&
                                         it->second.status == static_cast<std::uint8_t>(worker_status::student) &&
                                         ws.in_labor_force(i) && ws.level[i] > it->second.level) {
                pending[id] = graduates.size();
                graduates.push_back({month, ws.region[i], ws.skill[i] - it->second.skill, ws.skill[i]});
            }
            if (auto it = pending.find(id); it != pending.end() && graduates[it->second].month + horizon == month) {
                graduates[it->second].employed_at_horizon =
                    ws.status[i] == static_cast<std::uint8_t>(worker_status::employed);
                pending.erase(it);
            }
        }
        last = std::move(now);
        ++month;
    }

    // Mean gain (or skill) of graduates in [from, to) months, in `region`.
    [[nodiscard]] double mean_gain(int from, int to, std::size_t region, bool skill = false) const {
        double s = 0, n = 0;
        for (const auto& g : graduates)
            if (g.month >= from && g.month < to && g.region == region) {
                s += skill ? g.skill : g.gain;
                n += 1;
            }
        return n > 0 ? s / n : 0.0;
    }
    [[nodiscard]] double count(int from, int to, std::size_t region) const {
        double n = 0;
        for (const auto& g : graduates) n += g.month >= from && g.month < to && g.region == region;
        return n;
    }
    [[nodiscard]] double employed_share(int from, int to, std::size_t region) const {
        double e = 0, n = 0;
        for (const auto& g : graduates)
            if (g.month >= from && g.month < to && g.region == region && g.employed_at_horizon >= 0) {
                e += g.employed_at_horizon;
                n += 1;
            }
        return n > 0 ? e / n : 0.0;
    }
};

}  // namespace laborsim::policy_test
