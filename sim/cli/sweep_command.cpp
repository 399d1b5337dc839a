// laborsim sweep SPEC [--list | --summarize] [--jobs N] [--task-index I [--tasks T]] ...
// One front-end for three executors: local (--jobs), MPI (when launched by mpirun or
// srun), and Slurm array tasks (--task-index, or SLURM_ARRAY_TASK_ID in the environment).
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>

#include "cli/command.hpp"
#include "laborsim/errors.hpp"
#include "laborsim/sweep.hpp"

namespace laborsim {

namespace {

struct sweep_args {
    std::string spec;
    std::string scenario_root;
    bool list = false;
    bool resources = false;
    bool summarize = false;
    bool quiet = false;
    std::optional<int> task_index;
    std::optional<int> tasks;
    sweep_options options;
};

std::optional<int> env_int(const char* name) {
    const char* v = std::getenv(name);
    if (v == nullptr || *v == '\0') return std::nullopt;
    char* end = nullptr;
    const long x = std::strtol(v, &end, 10);
    if (*end != '\0') throw input_error(std::string(name) + ": expected an integer, got \"" + v + "\"");
    return static_cast<int>(x);
}

// The array task this process is, from the flags or Slurm's environment; empty when
// the sweep is not split into tasks.
std::optional<std::pair<int, int>> array_task(const sweep_args& a) {
    std::optional<int> index = a.task_index;
    if (!index) {
        const auto id = env_int("SLURM_ARRAY_TASK_ID");
        if (!id) {
            if (a.tasks) throw input_error("--tasks needs --task-index (or SLURM_ARRAY_TASK_ID)");
            return std::nullopt;
        }
        // Arrays may start at 1 (--array=1-10); tasks are counted from the first id.
        index = *id - env_int("SLURM_ARRAY_TASK_MIN").value_or(0);
    }
    const int count = a.tasks ? *a.tasks : env_int("SLURM_ARRAY_TASK_COUNT").value_or(0);
    if (count < 1) throw input_error("--task-index needs --tasks T (or SLURM_ARRAY_TASK_COUNT) with T >= 1");
    if (*index < 0 || *index >= count)
        throw input_error("task index " + std::to_string(*index) + " is outside 0.." + std::to_string(count - 1));
    return std::make_pair(*index, count);
}

int finish_with_summary(const sweep_plan& plan, const sweep_options& opts, bool quiet) {
    const auto s = summarize_sweep(plan, opts);
    const std::string out = sweep_output_dir(plan, opts);
    if (!quiet)
        std::printf("laborsim sweep: %zu runs: %d ok, %d failed, %d not run; summary: %s/summary.csv, %s/summary.h5\n",
                    plan.runs.size(), s.ok, s.failed, s.pending, out.c_str(), out.c_str());
    return s.failed > 0 || s.pending > 0 ? 1 : 0;
}

int sweep(sweep_args& a) {
    const sweep_plan plan = expand_sweep(load_sweep_spec(a.spec, a.scenario_root));
    a.options.quiet = a.quiet;
    if (a.list) {
        std::printf("# base scenario: %s\n# output: %s\n%s", plan.spec.base_scenario.c_str(),
                    sweep_output_dir(plan, a.options).c_str(), plan.listing().c_str());
        return 0;
    }
    if (a.resources) {
        // key=value lines for tools/slurm/submit-sweep (sbatch settings from the spec).
        std::printf("name=%s\nruns=%zu\noutput=%s\nthreads=%d\nmemory_per_run=%s\nrun_timeout_s=%g\n",
                    plan.spec.name.c_str(), plan.runs.size(),
                    std::filesystem::absolute(sweep_output_dir(plan, a.options)).lexically_normal().c_str(),
                    plan.spec.threads, plan.spec.memory_per_run.c_str(), plan.spec.run_timeout_s);
        return 0;
    }
    if (a.summarize) return finish_with_summary(plan, a.options, a.quiet);
    if (const auto task = array_task(a)) {
        a.options.task_index = task->first;
        a.options.task_count = task->second;
        const auto r = run_sweep_local(plan, a.options);
        if (!a.quiet)
            std::printf(
                "laborsim sweep: task %d of %d: %d runs, %d already complete, %d ok, %d failed "
                "(run `laborsim sweep %s --summarize` when all tasks are done)\n",
                task->first, task->second, r.selected, r.skipped, r.succeeded, r.failed, a.spec.c_str());
        return r.failed > 0 ? 1 : 0;
    }
    if (launched_under_mpi()) {
        const auto r = run_sweep_mpi(plan, a.options);
        if (!r.root) return r.refused ? 2 : 0;
        const std::string out = sweep_output_dir(plan, a.options);
        if (!a.quiet)
            std::printf("laborsim sweep: %d runs, %d already complete, %d ok, %d failed; summary: %s/summary.csv\n",
                        r.runs, r.skipped, r.succeeded, r.failed, out.c_str());
        return r.failed > 0 || r.succeeded + r.skipped < r.runs ? 1 : 0;
    }
    run_sweep_local(plan, a.options);
    return finish_with_summary(plan, a.options, a.quiet);
}

}  // namespace

void add_sweep_command(CLI::App& app, command_list& commands) {
    auto a = std::make_shared<sweep_args>();
    auto* cmd = app.add_subcommand(
        "sweep", "Run a parameter sweep: locally, under mpirun, or as a Slurm array (docs/sweeps.md)");
    cmd->add_option("spec", a->spec, "Sweep spec YAML file")->required();
    cmd->add_option("--scenario-root", a->scenario_root,
                    "Refuse a base scenario, extends or include outside this directory (symbolic links resolved)");
    cmd->add_flag("--list", a->list, "Print the expanded runs (ids, seeds, values) and exit");
    cmd->add_flag(
        "--resources", a->resources,
        "Print name, runs, output folder, threads, memory_per_run and run_timeout_s as key=value lines and exit");
    cmd->add_flag("--summarize", a->summarize,
                  "Only (re)build manifest.json, summary.csv and summary.h5 from the run files");
    cmd->add_option("-o,--output", a->options.output_dir, "Output folder (default: the spec's `output`)");
    cmd->add_option("-j,--jobs", a->options.jobs, "Runs at once in this process (default 1)")
        ->check(CLI::PositiveNumber);
    cmd->add_option("--threads", a->options.threads, "Threads per run (default: the spec's, else cores / jobs)")
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--run-timeout", a->options.run_timeout_s,
                    "Wall-clock limit per run in seconds; 0: none (default: the spec's)")
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--task-index", a->task_index,
                    "Slurm array task: run only runs i with i % T == I (default: SLURM_ARRAY_TASK_ID)");
    cmd->add_option("--tasks", a->tasks, "Number of array tasks T (default: SLURM_ARRAY_TASK_COUNT)");
    cmd->add_flag("--quiet", a->quiet, "No progress lines");
    cmd->add_option("--checkpoint-every", a->options.checkpoint_every,
                    "Each run checkpoints every N months; a run left unfinished continues from it")
        ->check(CLI::NonNegativeNumber);
    commands.push_back({cmd, [a] { return sweep(*a); }});
}

}  // namespace laborsim
