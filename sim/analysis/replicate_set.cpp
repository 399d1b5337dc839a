// Replicates run one after another, each with all threads (a run is already parallel
// inside, and one at a time keeps memory at one world). The manifest is rewritten after
// each replicate, so a killed run leaves a folder that a re-run resumes.
#include <filesystem>

#include "laborsim/errors.hpp"
#include "laborsim/replicates.hpp"

namespace laborsim {

namespace fs = std::filesystem;

namespace {

std::string in_folder(const std::string& folder, const std::string& file) { return (fs::path(folder) / file).string(); }

// Which existing replicate files a re-run keeps (by index; beyond N only finished ones of
// the same scenario), and which files beyond N it removes (only with force). Throws before
// anything is written when a file is in the way.
struct existing_files {
    std::vector<bool> keep;
    std::vector<std::string> stale;
};

existing_files check_existing(const replicate_set_options& opts, const run_manifest& m) {
    existing_files ex;
    for (int k = 0; k < opts.replicates || fs::exists(in_folder(opts.folder, replicate_file_name(k))); ++k) {
        const std::string path = in_folder(opts.folder, replicate_file_name(k));
        bool kept = false;
        if (fs::exists(path)) {
            const auto st = inspect_replicate_file(path);
            const bool same =
                st.readable && st.yaml_sha256 == m.yaml_sha256 && st.seed == replicate_seed(m.scenario_seed, k);
            const bool usable = same && (k < opts.replicates || st.completed);
            if (!usable && !opts.force)
                throw option_error("force", path + (same ? ": an unfinished replicate beyond the number asked for"
                                                         : ": holds a run of another scenario or seed"));
            kept = same && st.completed && !opts.force;
            if (k >= opts.replicates && !kept) ex.stale.push_back(path);
        }
        ex.keep.push_back(kept);
    }
    return ex;
}

}  // namespace

replicate_set_result run_replicate_set(const scenario& sc, const replicate_set_options& opts,
                                       const replicate_set_hooks& hooks) {
    if (opts.replicates < 1)
        throw option_error("replicates", "replicate set: expected a positive number of replicates");
    const std::string& folder = opts.folder;
    if (folder.empty()) throw option_error("folder", "replicate set: no folder given");
    if (fs::path(folder).extension() == ".h5")
        throw option_error("folder", folder + ": a replicate set goes in a folder (one file per replicate)");
    if (fs::exists(folder) && !fs::is_directory(folder))
        throw option_error("folder", folder + ": exists and is not a folder");

    replicate_set_result result;
    result.folder = folder;
    run_manifest& m = result.manifest;
    m.scenario_name = sc.name;
    m.scenario_path = sc.source_path;
    m.yaml_sha256 = sha256_hex(sc.resolved_yaml);
    m.scenario_seed = sc.seed;
    const existing_files ex = check_existing(opts, m);
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) throw environment_error(folder, "cannot create the folder", ec.message());

    for (int k = 0; k < opts.replicates; ++k) {
        replicate_record rec;
        rec.index = k;
        rec.seed = replicate_seed(m.scenario_seed, k);
        rec.file = replicate_file_name(k);
        const std::string path = in_folder(folder, rec.file);
        const bool kept = ex.keep[static_cast<std::size_t>(k)];
        rec.completed = kept;
        m.replicates.push_back(rec);
        if (!kept) {
            write_manifest(folder, m);  // lists the replicate as not completed while it runs
            scenario one = sc;
            one.seed = rec.seed;
            const auto observer = hooks.make_observer ? hooks.make_observer(one) : nullptr;
            std::vector<run_observer*> observers;
            if (observer) observers.push_back(observer.get());
            run_to_file_options file{path, opts.run, true, partial_file::always, opts.command_line};
            file.checkpoint_every = opts.checkpoint_every;
            file.resume = !opts.force;  // an unfinished replicate with a checkpoint continues
            const run_summary summary = run_to_file(one, file, observers);
            if (summary.stopped_by != 0) {  // the manifest lists it unfinished; --resume continues it
                result.stopped_by = summary.stopped_by;
                result.stopped_months = summary.months;
                return result;
            }
            m.replicates.back().wall_time_s = summary.wall_seconds;
            mark_replicate_file(path, k, m.scenario_seed);
            m.replicates.back().completed = true;
            write_manifest(folder, m);
            ++result.ran;
        }
        if (hooks.on_replicate) hooks.on_replicate({m.replicates.back(), path, kept});
    }
    for (const auto& path : ex.stale) fs::remove(path);  // only with force
    for (int k = opts.replicates; k < static_cast<int>(ex.keep.size()); ++k)
        if (ex.keep[static_cast<std::size_t>(k)])
            m.replicates.push_back({k, replicate_seed(m.scenario_seed, k), replicate_file_name(k), true, 0});
    write_manifest(folder, m);
    return result;
}

}  // namespace laborsim
