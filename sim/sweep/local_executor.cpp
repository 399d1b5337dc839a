// The local executor: up to `jobs` runs at once, each in its own child process. Also the
// engine of a Slurm array task, which runs only its share (index % tasks).
#include <thread>

#include "sweep/sweep_runner.hpp"
#include "util/cpu_budget.hpp"

namespace laborsim {

std::string sweep_output_dir(const sweep_plan& plan, const sweep_options& opts) {
    return opts.output_dir.empty() ? plan.spec.output_dir : opts.output_dir;
}

sweep_report run_sweep_local(const sweep_plan& plan, const sweep_options& opts) {
    const sweep_layout layout{sweep_output_dir(plan, opts)};
    prepare_output(plan, layout);
    sweep_report report;
    report.runs = static_cast<int>(plan.runs.size());
    const auto todo = runs_to_do(plan, layout, opts.task_index, opts.task_count, report.skipped, report.selected);
    const int jobs = std::max(1, opts.jobs);
    // The cores this process was given (affinity mask, SLURM_CPUS_PER_TASK), shared by the
    // runs at once; passed on explicitly, since a run alone would size itself by the mask only.
    const int cores = available_cores();
    const attempt_settings settings = make_attempt_settings(plan, opts, std::max(1, cores / jobs));
    if (!opts.quiet && report.skipped > 0)
        std::fprintf(stderr, "laborsim sweep: %d of %d runs already complete, %zu to do\n", report.skipped,
                     report.selected, todo.size());

    std::vector<std::unique_ptr<run_attempt>> slots(static_cast<std::size_t>(jobs));
    std::size_t next = 0;
    int done = 0, active = 0;
    while (next < todo.size() || active > 0) {
        for (auto& slot : slots) {
            if (slot || next >= todo.size()) continue;
            slot = std::make_unique<run_attempt>(plan, plan.runs[static_cast<std::size_t>(todo[next++])], layout,
                                                 settings);
            slot->start();
            ++active;
        }
        bool finished_any = false;
        for (auto& slot : slots) {
            if (!slot || !slot->poll()) continue;
            ++done;
            --active;
            finished_any = true;
            (slot->record().status == "ok" ? report.succeeded : report.failed)++;
            if (!opts.quiet) report_progress(slot->record(), done, static_cast<int>(todo.size()));
            slot.reset();
        }
        if (!finished_any) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return report;
}

}  // namespace laborsim
