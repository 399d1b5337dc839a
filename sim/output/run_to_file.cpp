#include "laborsim/run_to_file.hpp"

#include <tbb/info.h>
#include <unistd.h>

#include <filesystem>

#include "laborsim/errors.hpp"
#include "laborsim/recorder.hpp"

namespace laborsim {

namespace fs = std::filesystem;

std::string partial_path(const std::string& path) { return path + ".partial-" + std::to_string(getpid()); }

run_summary run_to_file(const scenario& sc, const run_to_file_options& opts,
                        const std::vector<run_observer*>& observers) {
    if (opts.path.empty()) throw option_error("path", "run_to_file: no output path given");
    const fs::path out(opts.path);
    std::error_code ec;
    const bool exists = fs::exists(out, ec);
    if (exists && !opts.force) throw option_error("force", opts.path + ": the output file exists; nothing was written");
    if (out.has_parent_path()) {
        fs::create_directories(out.parent_path(), ec);
        if (ec) throw environment_error(out.parent_path().string(), "cannot create the folder", ec.message());
    }
    const bool beside = exists || opts.partial == partial_file::always;
    const std::string target = beside ? partial_path(opts.path) : opts.path;

    run_options run = opts.run;
    if (run.threads <= 0) run.threads = tbb::info::default_concurrency();
    auto recorder = make_hdf5_recorder(target, run_provenance{opts.command_line, run.threads});
    std::vector<run_observer*> all{recorder.get()};
    all.insert(all.end(), observers.begin(), observers.end());
    run_summary summary;
    try {
        summary = run_scenario(sc, run, all);
    } catch (...) {
        recorder.reset();
        if (beside) fs::remove(target, ec);
        throw;
    }
    recorder.reset();
    if (beside) {
        fs::rename(target, out, ec);
        if (ec) {
            const std::string reason = ec.message();
            fs::remove(target, ec);
            throw environment_error(opts.path, "cannot move the finished run into place", reason);
        }
    }
    return summary;
}

}  // namespace laborsim
