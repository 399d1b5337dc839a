// laborsim run SCENARIO [-o OUT] [--threads N] [--seed S] [--quiet] [--force] [--replicates N]
//              [--checkpoint-every N] [--resume]
// The library runs (run_to_file, run_replicate_set); this file parses and prints.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>

#include "cli/command.hpp"
#include "cli/graceful_stop.hpp"
#include "cli/progress.hpp"
#include "laborsim/replicates.hpp"
#include "laborsim/run_to_file.hpp"
#include "laborsim/scenario_io.hpp"

namespace laborsim {

namespace {

struct run_args {
    std::string scenario;
    std::string output;
    int threads = 0;
    std::optional<std::uint64_t> seed;
    std::vector<std::string> settings;
    std::size_t block_size = 16384;
    bool quiet = false;
    bool force = false;
    int replicates = 0;  // > 0: a run folder of replicates
    int checkpoint_every = 0;
    bool resume = false;
    std::string scenario_root;
    std::uint64_t max_memory = 0;  // 0: what the machine has available
};

const std::map<std::string, std::string> flag_hints{
    {"force", "use --force to overwrite it or -o to choose another"},
    {"folder", "with --replicates, -o names a folder"},
    {"replicates", "check --replicates"},
};

void print_summary(const scenario& sc, const run_summary& s, const std::string& out, const month_stats& last) {
    std::printf("laborsim: %s, %d months, %zu workers at the end (scale %g), %.2f s, %.3g worker-months/s\n",
                sc.name.c_str(), s.months, s.workers_at_end, sc.scale, s.wall_seconds,
                s.wall_seconds > 0 ? static_cast<double>(s.worker_months) / s.wall_seconds : 0.0);
    std::printf("output: %s\n", out.c_str());
    std::printf("%s (%s):\n", "last month", format_year_month(year_month::from_index(last.month_index)).c_str());
    std::printf("  %-16s %12s %8s %8s %8s %8s %12s\n", "region", "labor force", "unemp", "trained", "certif", "hq",
                "mean wage");
    for (std::size_t r = 0; r < last.by_region.size(); ++r) {
        std::printf("  %-16s %12.0f %7.2f%% %7.2f%% %7.2f%% %7.2f%% %12.0f\n", sc.regions[r].id.c_str(),
                    last.at(r, indicator::labor_force), 100 * last.at(r, indicator::unemployment_rate),
                    100 * last.at(r, indicator::trained_rate), 100 * last.at(r, indicator::certified_rate),
                    100 * last.at(r, indicator::high_quality_rate), last.at(r, indicator::mean_wage));
    }
}

// Keeps the last month's statistics for the closing summary.
class last_month_keeper final : public run_observer {
public:
    void on_month(const month_stats& s, const std::vector<policy_month_report>&, const world&) override { last = s; }
    month_stats last;
};

std::unique_ptr<run_observer> progress_for(const run_args& args, const scenario& sc) {
    if (args.quiet || !isatty(fileno(stderr))) return nullptr;
    return make_progress_observer(sc.calendar.months());
}

// What a stopped run says on stderr, and the exit status a signal gives (143, 130).
int stopped(int sig, int months, int total, const std::string& out, bool checkpoints) {
    std::fprintf(stderr, "laborsim: stopped by signal %d after %d of %d months: %s is readable, interrupted = 1%s\n",
                 sig, months, total, out.c_str(),
                 checkpoints ? "; continue with the same command and --resume" : " (no checkpoint: not resumable)");
    return exit_status_for_signal(sig);
}

run_options engine_options(const run_args& args) {
    run_options run{args.threads, args.block_size};
    run.max_memory_bytes = args.max_memory;
    run.stop = &install_stop_handlers();
    return run;
}

int run_replicates(const run_args& args, const scenario& sc) {
    replicate_set_options opts{args.replicates, args.output.empty() ? "results/" + sc.name : args.output,
                               engine_options(args), args.force, invocation()};
    opts.checkpoint_every = args.checkpoint_every;
    replicate_set_hooks hooks;
    hooks.make_observer = [&](const scenario& one) { return progress_for(args, one); };
    if (!args.quiet)
        hooks.on_replicate = [&](const replicate_outcome& r) {
            const auto seed = static_cast<unsigned long long>(r.record.seed);
            if (r.kept)
                std::printf("replicate %d/%d: seed %llu, finished earlier, kept (%s)\n", r.record.index + 1,
                            args.replicates, seed, r.path.c_str());
            else
                std::printf("replicate %d/%d: seed %llu, %.2f s -> %s\n", r.record.index + 1, args.replicates, seed,
                            r.record.wall_time_s, r.path.c_str());
        };
    const auto result = run_replicate_set(sc, opts, hooks);
    if (result.stopped_by != 0)
        return stopped(result.stopped_by, result.stopped_months, sc.calendar.months(), result.folder,
                       args.checkpoint_every > 0);
    if (!args.quiet)
        std::printf("laborsim: %s, %d replicates (%d run now) in %s/ (manifest.json)\n", sc.name.c_str(),
                    static_cast<int>(result.manifest.replicates.size()), result.ran, result.folder.c_str());
    return 0;
}

int run(const run_args& args) {
    scenario sc = load_scenario(args.scenario, scenario_load_options{args.settings, args.scenario_root});
    if (args.seed) sc.seed = *args.seed;
    if (!args.quiet) print_warnings(sc);
    if (args.replicates > 0) return run_replicates(args, sc);
    std::string out = args.output;
    if (out.empty()) out = sc.output.path.empty() ? "results/" + sc.name + ".h5" : sc.output.path;
    last_month_keeper keeper;
    const auto progress = progress_for(args, sc);
    std::vector<run_observer*> observers{&keeper};
    if (progress) observers.push_back(progress.get());
    run_to_file_options opts{out, engine_options(args), args.force, partial_file::when_replacing, invocation()};
    opts.checkpoint_every = args.checkpoint_every;
    opts.resume = args.resume;
    const run_summary summary = run_to_file(sc, opts, observers);
    if (summary.stopped_by != 0) {  // the file stays where it was written: in place or beside (partial_path)
        const std::string kept = std::filesystem::exists(partial_path(out)) ? partial_path(out) : out;
        return stopped(summary.stopped_by, summary.months, sc.calendar.months(), kept, args.checkpoint_every > 0);
    }
    if (!args.quiet) print_summary(sc, summary, out, keeper.last);
    return 0;
}

}  // namespace

void add_run_command(CLI::App& app, command_list& commands) {
    auto args = std::make_shared<run_args>();
    auto* cmd = app.add_subcommand("run", "Run a scenario and write its HDF5 trajectories");
    cmd->add_option("scenario", args->scenario, "Scenario YAML file")->required();
    cmd->add_option("-o,--output", args->output, "Output HDF5 file (default: output.path or results/<name>.h5)");
    cmd->add_option("--threads", args->threads, "Worker threads (default: all cores)")->check(CLI::NonNegativeNumber);
    cmd->add_option("--seed", args->seed, "Override the scenario seed");
    cmd->add_option("--set", args->settings, "Override a scenario key: key.path=value (repeatable)");
    cmd->add_option("--block-size", args->block_size, "Agents per parallel block (results do not depend on it)")
        ->check(CLI::PositiveNumber);
    cmd->add_flag("--quiet", args->quiet, "No progress or summary output");
    cmd->add_option("--scenario-root", args->scenario_root,
                    "Refuse a scenario, extends or include outside this directory (symbolic links resolved)");
    cmd->add_option(
           "--max-memory", args->max_memory,
           "Refuse a run whose world is estimated to need more memory, e.g. 4G (default: the memory available)")
        ->transform(CLI::AsSizeValue(false));
    cmd->add_flag("--force", args->force, "Overwrite an existing output file");
    cmd->add_option(
           "--replicates", args->replicates,
           "Run N replicates (seeds derived from the scenario seed) into a folder: -o FOLDER, default results/<name>/")
        ->check(CLI::PositiveNumber);
    cmd->add_option("--checkpoint-every", args->checkpoint_every,
                    "Write the run's state to OUT.checkpoint every N months (and when stopped by SIGTERM/SIGINT)")
        ->check(CLI::NonNegativeNumber);
    cmd->add_flag("--resume", args->resume,
                  "Continue from OUT.checkpoint when there is one (else start); the output equals an uninterrupted "
                  "run's");
    commands.push_back({cmd, [args] { return with_flag_hints(flag_hints, [&] { return run(*args); }); }});
}

}  // namespace laborsim
