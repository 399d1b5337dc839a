// laborsim bench: runs benchmark scenarios and prints, per phase and in total,
// worker-months/s, ns per worker-month, peak RSS, bytes per worker and threads; saves
// CSV and JSON under results/bench/. Figures, never assertions: tests do not time things.
#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "cli/command.hpp"
#include "core/rng_batch.hpp"
#include "laborsim/engine.hpp"
#include "laborsim/recorder.hpp"
#include "laborsim/scenario_io.hpp"

namespace laborsim {

namespace fs = std::filesystem;

namespace {

struct bench_args {
    std::vector<std::string> scenarios{"scenarios/bench/bench-1m.yaml"};
    std::vector<int> threads{1, 2};
    std::vector<std::string> settings;
    std::size_t block_size = 16384;
    bool with_output = false;
    std::string out_dir = "results/bench";
};

double peak_rss_bytes() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return static_cast<double>(ru.ru_maxrss) * 1024.0;  // Linux reports KiB
}

// Current resident set, from /proc (peak RSS never falls, so it cannot isolate one run).
double current_rss_bytes() {
    std::ifstream statm("/proc/self/statm");
    long pages_total = 0, pages_resident = 0;
    statm >> pages_total >> pages_resident;
    return static_cast<double>(pages_resident) * static_cast<double>(sysconf(_SC_PAGESIZE));
}

// Samples resident memory once a month: the in-run peak, per run.
class memory_probe final : public run_observer {
public:
    void on_start(const scenario&, const world&) override { sample(); }
    void on_month(const month_stats&, const std::vector<policy_month_report>&, const world&) override { sample(); }
    double peak = 0;

private:
    void sample() { peak = std::max(peak, current_rss_bytes()); }
};

struct bench_row {
    std::string scenario;
    int threads = 0;
    std::size_t workers = 0;
    int months = 0;
    run_summary summary;
    double peak_rss = 0;
};

std::string iso_now() {
    const std::time_t t = std::time(nullptr);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
    return buf;
}

double loop_rate(const bench_row& r) {
    const double s = r.summary.loop_seconds();
    return s > 0 ? static_cast<double>(r.summary.worker_months) / s : 0.0;
}

void print_row(const bench_row& r) {
    const double wm = static_cast<double>(r.summary.worker_months);
    std::printf("\n%s  threads=%d  workers=%zu  months=%d  wall=%.2f s  rng=%s\n", r.scenario.c_str(), r.threads,
                r.workers, r.months, r.summary.wall_seconds, simd_path_name(best_simd_path()));
    std::printf("  %-12s %10s %14s %12s\n", "phase", "seconds", "worker-months/s", "ns/w-month");
    const auto& names = phase_names();
    for (std::size_t p = 0; p < names.size(); ++p) {
        const double s = r.summary.phase_seconds[p];
        std::printf("  %-12s %10.3f %14.3g %12.2f\n", names[p], s, s > 0 ? wm / s : 0.0, wm > 0 ? s * 1e9 / wm : 0.0);
    }
    const double loop = r.summary.loop_seconds();
    std::printf("  %-12s %10.3f %14.3g %12.2f   <- the model's rate (all phases)\n", "monthly loop", loop, loop_rate(r),
                loop * 1e9 / wm);
    std::printf("  %-12s %10.3f\n", "world build", r.summary.build_seconds);
    std::printf("  %-12s %10.3f %14.3g %12.2f\n", "total (wall)", r.summary.wall_seconds, wm / r.summary.wall_seconds,
                r.summary.wall_seconds * 1e9 / wm);
    std::printf("  peak RSS %.1f MiB, %.1f bytes/worker\n", r.peak_rss / 1048576.0,
                r.peak_rss / static_cast<double>(r.workers));
}

void save(const std::vector<bench_row>& rows, const std::string& dir) {
    fs::create_directories(dir);
    char host[256] = {0};
    gethostname(host, sizeof host - 1);
    const std::string stamp = iso_now();
    std::ofstream csv(dir + "/bench.csv", std::ios::app);
    if (csv.tellp() == 0)
        csv << "time,host,scenario,threads,workers,months,phase,seconds,worker_months_per_s,ns_per_worker_month,peak_"
               "rss_bytes,bytes_per_worker\n";
    std::ostringstream json;
    json.precision(10);
    csv.precision(10);
    json << "{\"time\": \"" << stamp << "\", \"host\": \"" << host << "\", \"runs\": [";
    for (std::size_t k = 0; k < rows.size(); ++k) {
        const auto& r = rows[k];
        const double wm = static_cast<double>(r.summary.worker_months);
        const double bpw = r.peak_rss / static_cast<double>(r.workers);
        json << (k ? ", " : "") << "{\"scenario\": \"" << r.scenario << "\", \"threads\": " << r.threads
             << ", \"workers\": " << r.workers << ", \"months\": " << r.months
             << ", \"wall_s\": " << r.summary.wall_seconds
             << ", \"worker_months_per_s\": " << wm / r.summary.wall_seconds
             << ", \"loop_s\": " << r.summary.loop_seconds() << ", \"loop_worker_months_per_s\": " << loop_rate(r)
             << ", \"build_s\": " << r.summary.build_seconds << ", \"rng_path\": \"" << simd_path_name(best_simd_path())
             << "\", \"peak_rss_bytes\": " << r.peak_rss << ", \"bytes_per_worker\": " << bpw << ", \"phases\": {";
        // One CSV row per phase, then the loop, the build (no rate: it makes no worker-months)
        // and the whole wall time.
        auto csv_row = [&](const char* what, double s, bool rates) {
            csv << stamp << "," << host << "," << r.scenario << "," << r.threads << "," << r.workers << "," << r.months
                << "," << what << "," << s << ",";
            if (rates) csv << (s > 0 ? wm / s : 0) << "," << s * 1e9 / wm;
            else csv << ",";
            csv << "," << r.peak_rss << "," << bpw << "\n";
        };
        const auto& names = phase_names();
        for (std::size_t p = 0; p < names.size(); ++p) {
            const double s = r.summary.phase_seconds[p];
            json << (p ? ", " : "") << "\"" << names[p] << "\": " << s;
            csv_row(names[p], s, true);
        }
        csv_row("loop", r.summary.loop_seconds(), true);
        csv_row("build", r.summary.build_seconds, false);
        csv_row("total", r.summary.wall_seconds, true);
        json << "}}";
    }
    json << "]}\n";
    std::ofstream(dir + "/bench-latest.json") << json.str();
}

int bench(const bench_args& args) {
    std::vector<bench_row> rows;
    for (const auto& path : args.scenarios) {
        const scenario sc = load_scenario(path, args.settings);
        for (int t : args.threads) {
            bench_row row;
            row.scenario = path;
            row.threads = t;
            memory_probe probe;
            std::vector<run_observer*> observers{&probe};
            std::unique_ptr<run_observer> recorder;
            const std::string tmp =
                (fs::temp_directory_path() / ("laborsim-bench-" + std::to_string(getpid()) + ".h5")).string();
            if (args.with_output) {
                recorder = make_hdf5_recorder(tmp, run_provenance{invocation(), t});
                observers.push_back(recorder.get());
            }
            row.summary = run_scenario(sc, run_options{t, args.block_size}, observers);
            recorder.reset();
            if (args.with_output) fs::remove(tmp);
            row.workers = row.summary.workers_at_end;
            row.months = row.summary.months;
            row.peak_rss = std::max(probe.peak, 0.0);
            print_row(row);
            rows.push_back(std::move(row));
        }
    }
    if (rows.size() > 1) {
        std::printf("\nscaling (monthly-loop worker-months/s relative to the first thread count of each scenario):\n");
        for (const auto& r : rows) {
            const auto* base = &r;
            for (const auto& b : rows)
                if (b.scenario == r.scenario) {
                    base = &b;
                    break;
                }
            const double speedup = loop_rate(r) / loop_rate(*base);
            std::printf("  %-40s threads=%-3d speed-up %.2fx  efficiency %.0f%%\n", r.scenario.c_str(), r.threads,
                        speedup, 100.0 * speedup * base->threads / r.threads);
        }
    }
    save(rows, args.out_dir);
    std::printf("\nsaved %s/bench.csv and %s/bench-latest.json (process peak RSS %.1f MiB)\n", args.out_dir.c_str(),
                args.out_dir.c_str(), peak_rss_bytes() / 1048576.0);
    return 0;
}

}  // namespace

void add_bench_command(CLI::App& app, command_list& commands) {
    auto args = std::make_shared<bench_args>();
    auto* cmd = app.add_subcommand("bench", "Benchmark the model: worker-months/s per phase, memory per worker");
    cmd->add_option("scenarios", args->scenarios, "Benchmark scenarios (default scenarios/bench/bench-1m.yaml)");
    cmd->add_option("--threads", args->threads, "Thread counts to sweep, e.g. --threads 1 2")->delimiter(',');
    cmd->add_option("--set", args->settings, "Override a scenario key: key.path=value (repeatable)");
    cmd->add_option("--block-size", args->block_size, "Agents per parallel block")->check(CLI::PositiveNumber);
    cmd->add_flag("--with-output", args->with_output, "Also write the HDF5 output (to a temporary file)");
    cmd->add_option("--out", args->out_dir, "Folder for bench.csv and bench-latest.json");
    commands.push_back({cmd, [args] { return bench(*args); }});
}

}  // namespace laborsim
