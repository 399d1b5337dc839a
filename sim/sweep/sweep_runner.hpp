// What every executor shares: the output folder layout, preparing it (and refusing to
// resume into a folder that holds a different sweep), choosing which runs still need
// doing, and one attempt at one run in a child process.
#pragma once
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "laborsim/sweep.hpp"
#include "sweep/child_process.hpp"
#include "sweep/run_record.hpp"

namespace laborsim {

// OUT/runs/<id>.h5 (complete runs only), OUT/runs/<id>.h5.partial (being written),
// OUT/logs/<id>.log, OUT/status/<id>.yaml, OUT/plan.tsv, OUT/sweep.yaml.
struct sweep_layout {
    std::filesystem::path root;

    [[nodiscard]] std::filesystem::path run_file(const sweep_run& r) const { return root / "runs" / (r.id + ".h5"); }
    [[nodiscard]] std::filesystem::path partial_file(const sweep_run& r) const {
        return root / "runs" / (r.id + ".h5.partial");
    }
    [[nodiscard]] std::filesystem::path log_file(const sweep_run& r) const { return root / "logs" / (r.id + ".log"); }
    [[nodiscard]] std::filesystem::path record_file(const sweep_run& r) const {
        return root / "status" / (r.id + ".yaml");
    }
};

// Creates the folders and writes plan.tsv and sweep.yaml; throws input_error when the
// folder already holds a plan that differs from this one.
void prepare_output(const sweep_plan& plan, const sweep_layout& layout);

// Indices (into plan.runs) this process should run: its task's share, minus complete runs.
std::vector<int> runs_to_do(const sweep_plan& plan, const sweep_layout& layout, int task_index, int task_count,
                            int& skipped, int& selected);

struct attempt_settings {
    std::string exe;           // the laborsim binary
    int threads = 0;           // per run; 0: the run's default (all cores it may use)
    double timeout_s = 0;      // 0: none
    int checkpoint_every = 0;  // months; 0: runs start afresh on every attempt
};

attempt_settings make_attempt_settings(const sweep_plan& plan, const sweep_options& opts, int automatic_threads);

// One attempt at one run: `laborsim run` in a child process writing the partial file,
// renamed to the run file only when complete; a run record either way.
class run_attempt {
public:
    run_attempt(const sweep_plan& plan, const sweep_run& run, const sweep_layout& layout,
                const attempt_settings& settings);
    void start();
    // Non-blocking; true once finished and recorded.
    bool poll();
    [[nodiscard]] const run_record& record() const { return record_; }
    [[nodiscard]] const sweep_run& run() const { return run_; }

private:
    void finish();

    const sweep_plan& plan_;
    const sweep_run& run_;
    const sweep_layout& layout_;
    const attempt_settings& settings_;
    child_process child_;
    run_record record_;
};

// "laborsim sweep: [3/12] p0001-r00 ok 0.52 s" on stderr.
void report_progress(const run_record& rec, int done, int total);

}  // namespace laborsim
