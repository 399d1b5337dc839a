#include "serve/run_manager.hpp"

#include <atomic>
#include <chrono>
#include <cmath>
#include <ctime>
#include <fstream>
#include <regex>
#include <thread>

#include "laborsim/engine.hpp"
#include "laborsim/errors.hpp"
#include "laborsim/replicates.hpp"
#include "laborsim/scenario_io.hpp"
#include "laborsim/warnings.hpp"
#include "serve/http_types.hpp"
#include "serve/request_json.hpp"
#include "serve/safe_path.hpp"
#include "util/json_writer.hpp"

namespace laborsim {

namespace fs = std::filesystem;
using clock_type = std::chrono::steady_clock;

struct run_manager::run_state {
    std::string id, baseline_name, variant_name;
    int replicates = 0;
    double scale = 0;
    std::vector<std::string> warnings;
    std::atomic<long> months_done{0};
    long months_total = 0;
    std::atomic<bool> cancel{false};
    clock_type::time_point started = clock_type::now();
    mutable std::mutex mutex;       // guards the fields below
    std::string state = "running";  // running, done, failed, cancelled
    std::string error;
    double seconds = 0;
    std::thread worker;
};

namespace {

struct run_cancelled : std::runtime_error {
    run_cancelled() : std::runtime_error("cancelled") {}
};

// Counts months for the progress bar; throws out of the run when the set is cancelled (the
// run's files are then left as a killed run leaves them).
class progress_counter final : public run_observer {
public:
    explicit progress_counter(run_manager::run_state& s) : s_(s) {}
    void on_month(const month_stats&, const std::vector<policy_month_report>&, const world&) override {
        ++s_.months_done;
        if (s_.cancel) throw run_cancelled();
    }

private:
    run_manager::run_state& s_;
};

const std::regex id_pattern("[0-9]{8}-[0-9]{6}-[0-9]+");

std::string new_id(int serial) {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%d-%H%M%S", &tm);
    return std::string(buf) + "-" + std::to_string(serial);
}

void write_text(const fs::path& p, const std::string& text) {
    std::ofstream out(p);
    out << text;
    if (!out) throw os_error(p.string(), "cannot write the file", errno);
}

void run_set_thread(run_manager::run_state& s, scenario base, scenario variant, fs::path folder, int threads) {
    try {
        for (auto* sc : {&base, &variant}) {
            replicate_set_options o;
            o.replicates = s.replicates;
            o.folder = (folder / (sc == &base ? "baseline" : "variant")).string();
            o.run = run_options{threads, 16384};
            o.command_line = "laborsim serve";
            replicate_set_hooks hooks;
            hooks.make_observer = [&s](const scenario&) { return std::make_unique<progress_counter>(s); };
            run_replicate_set(*sc, o, hooks);
        }
        std::lock_guard lock(s.mutex);
        s.state = "done";
    } catch (const run_cancelled&) {
        std::lock_guard lock(s.mutex);
        s.state = "cancelled";
    } catch (const std::exception& e) {
        std::lock_guard lock(s.mutex);
        s.state = "failed";
        s.error = e.what();
    }
    std::lock_guard lock(s.mutex);
    s.seconds = std::chrono::duration<double>(clock_type::now() - s.started).count();
}

void write_status(json_writer& j, const run_manager::run_state& s) {
    std::lock_guard lock(s.mutex);
    const double elapsed =
        s.state == "running" ? std::chrono::duration<double>(clock_type::now() - s.started).count() : s.seconds;
    const double done = s.months_total > 0 ? static_cast<double>(s.months_done) / s.months_total : 0;
    j.begin_object()
        .field("id", s.id)
        .field("state", s.state)
        .field("baseline", s.baseline_name)
        .field("variant", s.variant_name)
        .field("replicates", s.replicates)
        .field("scale", s.scale)
        .field("months_done", static_cast<std::int64_t>(s.months_done))
        .field("months_total", static_cast<std::int64_t>(s.months_total))
        .field("progress", std::min(1.0, done))
        .field("elapsed_s", elapsed);
    j.key("eta_s");
    if (s.state == "running" && done > 0.02) j.value(elapsed * (1 - done) / done);
    else j.null();
    j.field("error", s.error).array_field("warnings", s.warnings).end_object();
}

std::vector<std::string> overrides_for(const run_set_request& r) {
    std::vector<std::string> o{"scale=" + json_writer::number(r.scale)};
    if (r.seed) o.push_back("seed=" + std::to_string(*r.seed));
    return o;
}

}  // namespace

run_manager::run_manager(const serve_options& opts) : opts_(opts) {}

run_manager::~run_manager() {
    cancel_all();
    for (auto& [id, s] : runs_)
        if (s->worker.joinable()) s->worker.join();
}

std::string run_manager::start(const run_set_request& r) {
    if (r.replicates < 2 || r.replicates > opts_.max_replicates)
        throw http_error(400, "replicates: expected 2 to " + std::to_string(opts_.max_replicates) +
                                  " (a confidence interval needs at least 2 pairs)");
    if (!(r.scale > 0 && r.scale <= 1)) throw http_error(400, "scale: expected a number in (0, 1]");
    const fs::path root(opts_.scenarios);
    const fs::path base_path = path_inside(root, r.baseline);
    if (!fs::is_regular_file(base_path)) throw http_error(404, "no scenario " + r.baseline);
    check_scenario_references(r.variant_yaml, root, root);
    const auto overrides = overrides_for(r);
    const scenario_load_options load{overrides, root.string()};  // nothing outside the scenario folder
    scenario base = load_scenario(base_path.string(), load);
    scenario variant = load_scenario_text(r.variant_yaml, (root / "variant.yaml").string(), load);

    std::lock_guard lock(mutex_);
    int running = 0;
    for (const auto& [id, s] : runs_) {
        std::lock_guard l(s->mutex);
        running += s->state == "running";
    }
    if (running >= opts_.max_runs)
        throw http_error(429, std::to_string(running) + " run sets are running and the server runs at most " +
                                  std::to_string(opts_.max_runs) + " at once (--max-runs); wait or cancel one");
    auto s = std::make_shared<run_state>();
    s->id = new_id(next_serial_++);
    s->baseline_name = base.name;
    s->variant_name = variant.name;
    s->replicates = r.replicates;
    s->scale = r.scale;
    for (const auto* sc : {&base, &variant})
        for (const auto& w : scenario_warnings(*sc)) s->warnings.push_back(sc->name + ": " + w.to_string());
    s->months_total = static_cast<long>(r.replicates) * (base.calendar.months() + variant.calendar.months());
    const fs::path folder = fs::path(opts_.results) / s->id;
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) throw environment_error(folder.string(), "cannot create the folder", ec.message());
    write_text(folder / "variant.yaml", r.variant_yaml);
    write_text(folder / "baseline.txt", r.baseline + "\n");
    s->worker = std::thread(run_set_thread, std::ref(*s), std::move(base), std::move(variant), folder, opts_.threads);
    runs_[s->id] = s;
    json_writer j;
    write_status(j, *s);
    return j.str();
}

std::string run_manager::status_json(const std::string& id) const {
    std::lock_guard lock(mutex_);
    const auto it = runs_.find(id);
    if (it == runs_.end()) throw http_error(404, "no run set " + id + " in this server's session");
    json_writer j;
    write_status(j, *it->second);
    return j.str();
}

std::string run_manager::list_json() const {
    std::lock_guard lock(mutex_);
    json_writer j;
    j.begin_array();
    for (const auto& [id, s] : runs_) write_status(j, *s);
    j.end_array();
    return j.str();
}

void run_manager::cancel(const std::string& id) {
    std::lock_guard lock(mutex_);
    const auto it = runs_.find(id);
    if (it == runs_.end()) throw http_error(404, "no run set " + id + " in this server's session");
    it->second->cancel = true;
}

void run_manager::cancel_all() {
    std::lock_guard lock(mutex_);
    for (auto& [id, s] : runs_) s->cancel = true;
}

fs::path run_manager::folder(const std::string& id) const {
    if (!std::regex_match(id, id_pattern)) throw http_error(400, "not a run set id: " + id);
    const fs::path f = path_inside(opts_.results, id);
    if (!fs::is_directory(f)) throw http_error(404, "no run set " + id);
    return f;
}

}  // namespace laborsim
