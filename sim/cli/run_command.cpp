// laborsim run SCENARIO [-o OUT] [--threads N] [--seed S] [--quiet] [--force] [--replicates N]
#include <tbb/info.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>

#include "cli/command.hpp"
#include "cli/progress.hpp"
#include "cli/replicates.hpp"
#include "laborsim/engine.hpp"
#include "laborsim/errors.hpp"
#include "laborsim/recorder.hpp"
#include "laborsim/scenario_io.hpp"

namespace laborsim {

namespace fs = std::filesystem;

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
    int replicates = 0;  // > 0: a run folder of replicates (cli/replicates.cpp)
};

std::string default_output(const scenario& sc) {
    if (!sc.output.path.empty()) return sc.output.path;
    return "results/" + sc.name + ".h5";
}

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

int run(const run_args& args) {
    scenario sc = load_scenario(args.scenario, args.settings);
    if (args.seed) sc.seed = *args.seed;
    if (args.replicates > 0)
        return run_replicates({sc, args.replicates, args.output, args.threads, args.block_size, args.quiet, args.force});
    const std::string out = args.output.empty() ? default_output(sc) : args.output;
    const bool exists = fs::exists(out);
    if (exists && !args.force)
        throw input_error(out + ": the output file exists; use --force to overwrite it or -o to choose another");
    if (fs::path(out).has_parent_path()) fs::create_directories(fs::path(out).parent_path());
    // Overwriting: write beside the old file and rename at the end, so a failed run loses nothing.
    const std::string target = exists ? out + ".partial-" + std::to_string(getpid()) : out;

    const int threads = args.threads > 0 ? args.threads : tbb::info::default_concurrency();
    auto recorder = make_hdf5_recorder(target, run_provenance{invocation(), threads});
    last_month_keeper keeper;
    std::unique_ptr<run_observer> progress;
    std::vector<run_observer*> observers{recorder.get(), &keeper};
    if (!args.quiet && isatty(fileno(stderr))) {
        progress = make_progress_observer(sc.calendar.months());
        observers.push_back(progress.get());
    }
    run_summary summary;
    try {
        summary = run_scenario(sc, run_options{threads, args.block_size}, observers);
    } catch (...) {
        recorder.reset();
        if (exists) fs::remove(target);
        throw;
    }
    recorder.reset();
    if (exists) fs::rename(target, out);
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
    cmd->add_flag("--force", args->force, "Overwrite an existing output file");
    cmd->add_option("--replicates", args->replicates,
                    "Run N replicates (seeds derived from the scenario seed) into a folder: -o FOLDER, default results/<name>/")
        ->check(CLI::PositiveNumber);
    commands.push_back({cmd, [args] { return run(*args); }});
}

}  // namespace laborsim
