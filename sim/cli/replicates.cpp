// Replicates run one after another, each with all threads (a run is already parallel
// inside, and one at a time keeps memory at one world). The manifest is rewritten after
// each replicate, so a killed run leaves a folder that a re-run resumes: finished
// replicates of the same resolved scenario and seed are kept, others are run again.
#include "cli/replicates.hpp"

#include <tbb/info.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>

#include "cli/command.hpp"
#include "cli/progress.hpp"
#include "laborsim/engine.hpp"
#include "laborsim/errors.hpp"
#include "laborsim/recorder.hpp"
#include "laborsim/replicates.hpp"
#include "laborsim/run_folder.hpp"

namespace laborsim {

namespace fs = std::filesystem;

namespace {

std::string folder_for(const replicate_request& rq) {
    if (!rq.folder.empty()) return rq.folder;
    return "results/" + rq.sc.name;
}

// Runs one replicate into `path` (written beside and renamed, so a failure loses nothing).
double run_one(const replicate_request& rq, const scenario& sc, const std::string& path, int threads) {
    const std::string partial = path + ".partial-" + std::to_string(getpid());
    auto recorder = make_hdf5_recorder(partial, run_provenance{invocation(), threads});
    std::unique_ptr<run_observer> progress;
    std::vector<run_observer*> observers{recorder.get()};
    if (!rq.quiet && isatty(fileno(stderr))) {
        progress = make_progress_observer(sc.calendar.months());
        observers.push_back(progress.get());
    }
    run_summary summary;
    try {
        summary = run_scenario(sc, run_options{threads, rq.block_size}, observers);
    } catch (...) {
        recorder.reset();
        fs::remove(partial);
        throw;
    }
    recorder.reset();
    fs::rename(partial, path);
    return summary.wall_seconds;
}

}  // namespace

int run_replicates(const replicate_request& rq) {
    if (rq.replicates < 1) throw input_error("--replicates: expected a positive number of replicates");
    const std::string folder = folder_for(rq);
    if (fs::path(folder).extension() == ".h5")
        throw input_error(folder + ": with --replicates, -o names a folder (one file per replicate goes in it)");
    if (fs::exists(folder) && !fs::is_directory(folder)) throw input_error(folder + ": exists and is not a folder");

    run_manifest m;
    m.scenario_name = rq.sc.name;
    m.scenario_path = rq.sc.source_path;
    m.yaml_sha256 = sha256_hex(rq.sc.resolved_yaml);
    m.scenario_seed = rq.sc.seed;

    // Check every existing file before running anything: bad input writes nothing. Files
    // beyond N (from an earlier, larger run) are kept when they are finished replicates of
    // the same scenario, so the manifest names every file that compare will read.
    std::vector<bool> keep;
    std::vector<std::string> stale;
    for (int k = 0; k < rq.replicates || fs::exists(fs::path(folder) / replicate_file_name(k)); ++k) {
        const std::string path = (fs::path(folder) / replicate_file_name(k)).string();
        bool kept = false;
        if (fs::exists(path)) {
            const auto st = inspect_replicate_file(path);
            const bool same =
                st.readable && st.yaml_sha256 == m.yaml_sha256 && st.seed == replicate_seed(m.scenario_seed, k);
            const bool usable = same && (k < rq.replicates || st.completed);
            if (!usable && !rq.force)
                throw input_error(path +
                                  (same ? ": an unfinished replicate beyond --replicates"
                                        : ": holds a run of another scenario or seed") +
                                  "; use --force to replace it or -o to choose another folder");
            kept = same && st.completed && !rq.force;
            if (k >= rq.replicates && !kept) stale.push_back(path);
        }
        keep.push_back(kept);
    }
    fs::create_directories(folder);
    const int threads = rq.threads > 0 ? rq.threads : tbb::info::default_concurrency();

    int ran = 0;
    for (int k = 0; k < rq.replicates; ++k) {
        replicate_record rec;
        rec.index = k;
        rec.seed = replicate_seed(m.scenario_seed, k);
        rec.file = replicate_file_name(k);
        const std::string path = (fs::path(folder) / rec.file).string();
        if (keep[static_cast<std::size_t>(k)]) {
            rec.completed = true;
            m.replicates.push_back(rec);
            if (!rq.quiet)
                std::printf("replicate %d/%d: seed %llu, finished earlier, kept (%s)\n", k + 1, rq.replicates,
                            static_cast<unsigned long long>(rec.seed), path.c_str());
            continue;
        }
        m.replicates.push_back(rec);
        write_manifest(folder, m);  // lists the replicate as not completed while it runs
        scenario sc = rq.sc;
        sc.seed = rec.seed;
        m.replicates.back().wall_time_s = run_one(rq, sc, path, threads);
        mark_replicate_file(path, k, m.scenario_seed);
        m.replicates.back().completed = true;
        write_manifest(folder, m);
        ++ran;
        if (!rq.quiet)
            std::printf("replicate %d/%d: seed %llu, %.2f s -> %s\n", k + 1, rq.replicates,
                        static_cast<unsigned long long>(rec.seed), m.replicates.back().wall_time_s, path.c_str());
    }
    for (const auto& path : stale) fs::remove(path);  // only with --force
    for (int k = rq.replicates; k < static_cast<int>(keep.size()); ++k)
        if (keep[static_cast<std::size_t>(k)])
            m.replicates.push_back({k, replicate_seed(m.scenario_seed, k), replicate_file_name(k), true, 0});
    write_manifest(folder, m);
    if (!rq.quiet)
        std::printf("laborsim: %s, %d replicates (%d run now) in %s/ (manifest.json)\n", rq.sc.name.c_str(),
                    static_cast<int>(m.replicates.size()), ran, folder.c_str());
    return 0;
}

}  // namespace laborsim
