// The monthly loop: phases in a fixed order, statistics, observers. No global state, so
// many runs can share a process (sweeps, tests).
#include "laborsim/engine.hpp"

#include <tbb/global_control.h>

#include <chrono>
#include <memory>

#include "model/phases.hpp"

namespace laborsim {

namespace {

using phase_fn = void (*)(world&);
constexpr phase_fn phase_table[] = {
    run_firm_training, run_policy_schedule, run_demography, run_firms,    run_education,
    run_separations,   run_participation,   run_migration,  run_matching, run_wages_and_learning,
};

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

const std::vector<const char*>& phase_names() {
    static const std::vector<const char*> names{"training",  "policy",      "demography",    "firms",
                                                "education", "separations", "participation", "migration",
                                                "matching",  "wages",       "statistics",    "output"};
    return names;
}

run_summary run_scenario(const scenario& sc, const run_options& opts, const std::vector<run_observer*>& observers) {
    std::unique_ptr<tbb::global_control> limit;
    if (opts.threads > 0)
        limit = std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism,
                                                      static_cast<std::size_t>(opts.threads));
    const auto t0 = std::chrono::steady_clock::now();
    run_summary summary;
    summary.phase_seconds.assign(phase_names().size(), 0.0);

    check_world_memory(sc, opts.max_memory_bytes);
    world w = build_world(sc, opts.block_size);
    if (opts.resume_state != nullptr) {
        load_world_state(w, *opts.resume_state);
        summary.first_month = w.t + 1;
    }
    summary.build_seconds = seconds_since(t0);
    for (auto* o : observers) o->on_start(sc, w);

    month_stats stats;
    std::vector<policy_month_report> reports(sc.policies.size());
    const int months = sc.calendar.months();
    constexpr std::size_t n_model = std::size(phase_table);
    summary.months = summary.first_month;
    for (int t = summary.first_month; t < months; ++t) {
        w.t = t;
        w.now = year_month::from_index(sc.calendar.start.index() + t);
        for (auto& f : w.flows) f.fill(0);
        for (std::size_t p = 0; p < n_model; ++p) {
            const auto tp = std::chrono::steady_clock::now();
            phase_table[p](w);
            summary.phase_seconds[p] += seconds_since(tp);
        }
        auto tp = std::chrono::steady_clock::now();
        collect_statistics(w, stats);
        stats.month_index = w.now.index();
        update_region_state(w, stats);
        for (std::size_t k = 0; k < sc.policies.size(); ++k) {
            reports[k].id = sc.policies[k].id;
            reports[k].type = policy_type_name(sc.policies[k].params);
            reports[k].series = w.policies[k].month_series;
        }
        summary.phase_seconds[n_model] += seconds_since(tp);
        tp = std::chrono::steady_clock::now();
        for (auto* o : observers) o->on_month(stats, reports, w);
        summary.phase_seconds[n_model + 1] += seconds_since(tp);
        summary.worker_months += w.workers.size();
        summary.months = t + 1;
        if (opts.stop != nullptr && t + 1 < months) {
            summary.stopped_by = opts.stop->load();
            if (summary.stopped_by != 0) break;
        }
    }
    summary.workers_at_end = w.workers.size();
    summary.wall_seconds = seconds_since(t0);
    for (auto* o : observers) o->on_finish(w, summary.stopped_by == 0);
    return summary;
}

}  // namespace laborsim
