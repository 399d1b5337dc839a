#include "laborsim/run_to_file.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <tbb/info.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>

#include "laborsim/errors.hpp"
#include "laborsim/recorder.hpp"
#include "output/checkpoint.hpp"

namespace laborsim {

namespace fs = std::filesystem;

std::string partial_path(const std::string& path) { return path + ".partial-" + std::to_string(getpid()); }

namespace {

// Refuses, before anything runs, an output path that cannot become a regular file: a
// folder, a device, a pipe or socket, a symbolic link (dangling ones included, whose
// target would be created), or a folder that cannot be written.
void check_output_path(const fs::path& out) {
    struct stat st {};
    if (lstat(out.c_str(), &st) == 0) {
        if (S_ISLNK(st.st_mode))
            throw environment_error(out.string(), "cannot write the output file",
                                    "it is a symbolic link (name the file it points to)");
        if (S_ISDIR(st.st_mode))
            throw environment_error(out.string(), "cannot write the output file", "Is a directory");
        if (!S_ISREG(st.st_mode))
            throw environment_error(out.string(), "cannot write the output file", "not a regular file");
    } else if (errno != ENOENT) {
        throw os_error(out.string(), "cannot write the output file", errno);
    }
    const fs::path folder = out.has_parent_path() ? out.parent_path() : fs::path(".");
    if (access(folder.c_str(), W_OK | X_OK) != 0) throw os_error(folder.string(), "cannot write in the folder", errno);
}

// The checkpoint to continue from, when asked and there is one of this scenario.
std::optional<run_checkpoint> checkpoint_to_resume(const scenario& sc, const run_to_file_options& opts) {
    const std::string path = checkpoint_path(opts.path);
    if (!opts.resume || !fs::exists(path)) return std::nullopt;
    run_checkpoint c = read_checkpoint(path);
    if (c.scenario_digest != scenario_digest(sc))
        throw input_error(path +
                          ": the checkpoint is of another scenario or seed; run without --resume (and with "
                          "--force) to start again");
    if (!fs::exists(c.output_file))
        throw input_error(path + ": the output it continues, " + c.output_file + ", is gone; run without --resume");
    return c;
}

// Held while a run replaces an existing file: a second run given the same output then
// fails at once instead of racing to the rename (a new file is locked by HDF5 itself).
class replace_lock {
public:
    explicit replace_lock(const std::string& path) {
        fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd_ < 0) throw os_error(path, "cannot open the file it replaces", errno);
        if (flock(fd_, LOCK_EX | LOCK_NB) != 0) {
            const int err = errno;
            ::close(fd_);
            throw environment_error(path, "another run is writing this output", std::strerror(err));
        }
    }
    ~replace_lock() { ::close(fd_); }
    replace_lock(const replace_lock&) = delete;
    replace_lock& operator=(const replace_lock&) = delete;

private:
    int fd_ = -1;
};

}  // namespace

run_summary run_to_file(const scenario& sc, const run_to_file_options& opts,
                        const std::vector<run_observer*>& observers) {
    if (opts.path.empty()) throw option_error("path", "run_to_file: no output path given");
    if (opts.checkpoint_every < 0) throw option_error("checkpoint_every", "run_to_file: checkpoint_every below 0");
    const fs::path out(opts.path);
    std::error_code ec;
    if (out.has_parent_path()) {
        fs::create_directories(out.parent_path(), ec);
        if (ec) throw environment_error(out.parent_path().string(), "cannot create the folder", ec.message());
    }
    const std::optional<run_checkpoint> resume = checkpoint_to_resume(sc, opts);
    std::string target;
    bool beside = false;
    if (resume) {  // the file the checkpoint was taken of, OUT or a partial one beside it
        target = resume->output_file;
        beside = target != opts.path;
    } else {
        check_output_path(out);
        const bool exists = fs::exists(fs::symlink_status(out, ec));
        if (exists && !opts.force)
            throw option_error("force", opts.path + ": the output file exists; nothing was written");
        beside = exists || opts.partial == partial_file::always;
        target = beside ? partial_path(opts.path) : opts.path;
    }

    std::optional<replace_lock> lock;  // (a file written in place is locked by HDF5 itself)
    if (beside && fs::exists(out, ec)) lock.emplace(opts.path);

    run_options run = opts.run;
    if (run.threads <= 0) run.threads = tbb::info::default_concurrency();
    run.resume_state = resume ? &resume->world_state : nullptr;
    const recorder_plan plan{opts.checkpoint_every, checkpoint_path(opts.path), resume ? &*resume : nullptr, run.stop};
    auto recorder = make_hdf5_recorder(target, run_provenance{opts.command_line, run.threads}, plan);
    std::vector<run_observer*> all{recorder.get()};
    all.insert(all.end(), observers.begin(), observers.end());
    run_summary summary;
    try {
        summary = run_scenario(sc, run, all);
    } catch (...) {
        recorder.reset();
        // A partial file goes, unless a checkpoint can continue it (--resume).
        if (beside && !fs::exists(checkpoint_path(opts.path))) fs::remove(target, ec);
        throw;
    }
    recorder.reset();
    if (summary.stopped_by != 0) return summary;  // stopped: the file stays where it is, for --resume
    if (beside) {
        fs::rename(target, out, ec);
        if (ec) {
            const std::string reason = ec.message();
            fs::remove(target, ec);
            throw environment_error(opts.path, "cannot move the finished run into place", reason);
        }
    }
    fs::remove(checkpoint_path(opts.path), ec);  // the run is whole: nothing to resume
    fs::remove(checkpoint_path(opts.path) + ".tmp", ec);
    return summary;
}

}  // namespace laborsim
