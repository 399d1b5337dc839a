#include "cli/commands.hpp"

#include <tbb/info.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli/progress.hpp"
#include "io/schema.hpp"
#include "laborsim/engine.hpp"
#include "laborsim/errors.hpp"
#include "laborsim/recorder.hpp"
#include "laborsim/scenario_io.hpp"

namespace laborsim {

namespace fs = std::filesystem;

namespace {

std::string default_output(const scenario& sc) {
    if (!sc.output.path.empty()) return sc.output.path;
    return "results/" + sc.name + ".h5";
}

void print_summary(const scenario& sc, const run_summary& s, const std::string& out, const month_stats& last) {
    std::printf("laborsim: %s, %d months, %zu workers (scale %g), %.2f s, %.3g worker-months/s\n", sc.name.c_str(),
                s.months, s.workers_at_end, sc.scale, s.wall_seconds,
                s.wall_seconds > 0 ? static_cast<double>(s.worker_months) / s.wall_seconds : 0.0);
    std::printf("output: %s\n", out.c_str());
    std::printf("%-18s %12s %8s %8s %8s %8s %12s\n", "region (" , "labor force", "unemp", "trained", "certif", "hq", "mean wage");
    for (std::size_t r = 0; r < last.by_region.size(); ++r) {
        std::printf("%-18s %12.0f %7.2f%% %7.2f%% %7.2f%% %7.2f%% %12.0f\n", sc.regions[r].id.c_str(),
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

}  // namespace

int command_run(const run_args& args, const std::string& command_line) {
    scenario sc = load_scenario(args.scenario);
    if (args.seed) sc.seed = *args.seed;
    const std::string out = args.output.empty() ? default_output(sc) : args.output;
    const bool exists = fs::exists(out);
    if (exists && !args.force)
        throw input_error(out + ": the output file exists; use --force to overwrite it or -o to choose another");
    if (fs::path(out).has_parent_path()) fs::create_directories(fs::path(out).parent_path());
    // Overwriting: write beside the old file and rename at the end, so a failed run loses nothing.
    const std::string target = exists ? out + ".partial-" + std::to_string(getpid()) : out;

    const int threads = args.threads > 0 ? args.threads : tbb::info::default_concurrency();
    auto recorder = make_hdf5_recorder(target, run_provenance{command_line, threads});
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

int command_validate(const std::string& path) {
    const scenario sc = load_scenario(path);
    std::printf("%s: ok (scenario %s, %zu regions, %zu schools, %zu policies, %s to %s)\n", path.c_str(), sc.name.c_str(),
                sc.regions.size(), sc.schools.size(), sc.policies.size(), format_year_month(sc.calendar.start).c_str(),
                format_year_month(sc.calendar.end).c_str());
    return 0;
}

int command_info(const std::string& path) {
    std::cout << describe_output(path);
    return 0;
}

int command_schema() {
    std::cout << schema_markdown();
    return 0;
}

}  // namespace laborsim
