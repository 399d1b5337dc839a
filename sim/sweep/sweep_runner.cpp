#include "sweep/sweep_runner.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include "laborsim/errors.hpp"
#include "sweep/run_file.hpp"
#include "util/atomic_file.hpp"

namespace laborsim {

namespace fs = std::filesystem;

namespace {

std::string read_text(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream buf;
    buf << in.rdbuf();
    return buf.str();
}

// The last lines of a run's log, which hold its error message; control bytes removed.
std::string log_tail(const fs::path& log, std::size_t max_chars = 1500) {
    std::string text = read_text(log);
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    if (text.size() > max_chars) text = "..." + text.substr(text.size() - max_chars);
    for (auto& c : text)
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') c = ' ';
    return text;
}

}  // namespace

void prepare_output(const sweep_plan& plan, const sweep_layout& layout) {
    std::error_code ec;
    for (const char* sub : {"runs", "logs", "status"}) {
        fs::create_directories(layout.root / sub, ec);
        if (ec)
            throw input_error("cannot create the sweep folder " + (layout.root / sub).string() + ": " + ec.message());
    }
    const std::string listing = plan.listing();
    const fs::path plan_file = layout.root / "plan.tsv";
    if (fs::exists(plan_file)) {
        if (read_text(plan_file) != listing)
            throw input_error(layout.root.string() + " holds a different sweep (its plan.tsv differs from " +
                              plan.spec.source_path + "); use another output folder, or remove that one to start over");
        return;
    }
    // Several array tasks may get here at once; each writes the same text atomically.
    write_file_atomically(plan_file.string(), listing);
    write_file_atomically((layout.root / "sweep.yaml").string(), plan.spec.text);
}

std::vector<int> runs_to_do(const sweep_plan& plan, const sweep_layout& layout, int task_index, int task_count,
                            int& skipped, int& selected) {
    std::vector<int> todo;
    skipped = selected = 0;
    for (const auto& r : plan.runs) {
        if (task_index >= 0 && r.index % task_count != task_index) continue;
        ++selected;
        if (run_file_complete(layout.run_file(r).string())) {
            ++skipped;
            continue;
        }
        todo.push_back(r.index);
    }
    return todo;
}

attempt_settings make_attempt_settings(const sweep_plan& plan, const sweep_options& opts, int automatic_threads) {
    attempt_settings s;
    s.exe = opts.laborsim_exe;
    if (s.exe.empty()) s.exe = fs::read_symlink("/proc/self/exe").string();
    s.threads = opts.threads >= 0 ? opts.threads : plan.spec.threads > 0 ? plan.spec.threads : automatic_threads;
    s.timeout_s = opts.run_timeout_s >= 0 ? opts.run_timeout_s : plan.spec.run_timeout_s;
    s.checkpoint_every = opts.checkpoint_every;
    return s;
}

run_attempt::run_attempt(const sweep_plan& plan, const sweep_run& run, const sweep_layout& layout,
                         const attempt_settings& settings)
    : plan_(plan), run_(run), layout_(layout), settings_(settings) {}

void run_attempt::start() {
    const fs::path partial = layout_.partial_file(run_);
    const bool resumable = settings_.checkpoint_every > 0 && fs::exists(partial.string() + ".checkpoint");
    std::error_code ec;
    if (!resumable) fs::remove(partial, ec);  // left by an attempt that was killed, with nothing to continue it
    std::vector<std::string> args{"run", plan_.spec.base_scenario};
    for (const auto& s : plan_.overrides(run_)) {
        args.push_back("--set");
        args.push_back(s);
    }
    args.insert(args.end(), {"--seed", std::to_string(run_.seed), "-o", partial.string(), "--quiet"});
    if (settings_.threads > 0) args.insert(args.end(), {"--threads", std::to_string(settings_.threads)});
    if (settings_.checkpoint_every > 0)
        args.insert(args.end(), {"--checkpoint-every", std::to_string(settings_.checkpoint_every), "--resume"});
    child_.start(settings_.exe, args, layout_.log_file(run_).string(), settings_.timeout_s);
}

bool run_attempt::poll() {
    if (!child_.poll()) return false;
    finish();
    return true;
}

void run_attempt::finish() {
    const auto& ex = child_.result();
    record_ = {};
    record_.run_id = run_.id;
    record_.exit_code = ex.exit_code;
    record_.signal = ex.signal;
    record_.wall_time_s = ex.wall_seconds;
    record_.host = this_host();
    record_.finished_at = utc_now_iso();
    const fs::path partial = layout_.partial_file(run_);
    std::error_code ec;
    if (ex.timed_out) {
        record_.status = "timeout";
        char buf[128];
        std::snprintf(buf, sizeof buf, "killed after exceeding the run timeout of %g s", settings_.timeout_s);
        record_.error = buf;
    } else if (ex.exit_code == 0 && run_file_complete(partial.string())) {
        // The rename is the commit: a run file under its final name is always complete.
        fs::rename(partial, layout_.run_file(run_));
        record_.status = "ok";
    } else {
        record_.status = "failed";
        std::string why = ex.signal
                              ? "killed by signal " + std::to_string(ex.signal) + " (" + strsignal(ex.signal) + ")"
                          : ex.exit_code == 0 ? "exited without completing its output file"
                                              : "exit code " + std::to_string(ex.exit_code);
        const std::string tail = log_tail(layout_.log_file(run_));
        record_.error = tail.empty() ? why : why + ": " + tail;
    }
    // A failed run's partial file goes, unless its checkpoint can continue it next time.
    if (record_.status != "ok" && !fs::exists(partial.string() + ".checkpoint")) fs::remove(partial, ec);
    write_run_record(layout_.record_file(run_).string(), record_);
}

void report_progress(const run_record& rec, int done, int total) {
    std::string first_line = rec.error.substr(0, rec.error.find('\n'));
    if (first_line.size() > 160) first_line = first_line.substr(0, 157) + "...";
    std::fprintf(stderr, "laborsim sweep: [%d/%d] %s %s %.2f s%s%s\n", done, total, rec.run_id.c_str(),
                 rec.status.c_str(), rec.wall_time_s, first_line.empty() ? "" : ": ", first_line.c_str());
}

}  // namespace laborsim
