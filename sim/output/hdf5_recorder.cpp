// Streams a run into HDF5: /regions indicators [time, region] (and by education level and
// field), /policies/<id> series [time], provenance in root attributes; when the scenario's
// output section asks for them, /panel, /events/<kind> and /snapshots/<YYYY-MM> (their own
// writers, sim/output/*_writer.cpp). Every month is appended and flushed, so a killed run
// leaves a readable file with completed = 0.
#include <unistd.h>

#include <csignal>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <map>

#include "laborsim/errors.hpp"
#include "laborsim/recorder.hpp"
#include "laborsim/version.hpp"
#include "laborsim/warnings.hpp"
#include "model/world.hpp"
#include "output/checkpoint.hpp"
#include "output/event_writer.hpp"
#include "output/h5.hpp"
#include "output/output_common.hpp"
#include "output/panel_writer.hpp"
#include "output/snapshot_writer.hpp"
#include "policy/policy_hooks.hpp"

namespace laborsim {

namespace {

std::string iso_now() {
    const std::time_t t = std::time(nullptr);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
    return buf;
}

std::string host_name() {
    char buf[256] = {0};
    if (gethostname(buf, sizeof buf - 1) != 0) return "unknown";
    return buf;
}

// "staff_per_10k" -> "staff per 10k" (a policy's series have no sentence of their own).
std::string policy_series_long_name(std::string_view name) {
    std::string s(name);
    std::replace(s.begin(), s.end(), '_', ' ');
    return s;
}

std::vector<std::string> to_strings(const auto& names) { return std::vector<std::string>(names.begin(), names.end()); }

// A group with its own `time` coordinate and bounds (xarray needs coordinates inside the group).
struct timed_group {
    h5::handle group;
    time_axis axis;
    year_month start;

    timed_group(hid_t parent, const std::string& name, year_month start_month) : start(start_month) {
        group = h5::create_group(parent, name);
        axis = time_axis(group.id(), start);
    }
    [[nodiscard]] hid_t time() const { return axis.time.id(); }
    void append_month(int month_index) { axis.append(stamp_month(start, month_index)); }
};

// Flows are the month's totals, per-month rates its mean, everything else the end state.
cell_method indicator_cell_method(std::string_view units) {
    if (units == "persons/month") return cell_method::sum;
    if (units == "1/month") return cell_method::mean;
    return cell_method::point;
}

std::string signal_name(int sig) {
    if (sig == SIGTERM) return "SIGTERM";
    if (sig == SIGINT) return "SIGINT";
    return "signal " + std::to_string(sig);
}

class hdf5_recorder final : public run_observer {
public:
    hdf5_recorder(std::string path, run_provenance prov, recorder_plan plan)
        : path_(std::move(path)), prov_(std::move(prov)), plan_(std::move(plan)) {}

    void on_start(const scenario& sc, const world& w) override {
        const h5::quiet_errors quiet;  // failures are thrown as one-line errors instead
        t0_ = std::chrono::steady_clock::now();
        digest_ = scenario_digest(sc);
        if (plan_.resume != nullptr) {
            // Back to the checkpoint's month; every writer below then opens what exists.
            file_ = h5::open_file_for_append(path_);
            restore_output_position(file_.id(), plan_.resume->position, path_);
            months_ = plan_.resume->months;
            last_checkpoint_ = months_;
        } else {
            file_ = h5::create_file(path_);
        }
        const hid_t root = file_.id();
        h5::set_attr(root, "format_version", std::string(output_format_version));
        h5::set_attr(root, "laborsim_version", std::string(version));
        h5::set_attr(root, "git_revision", std::string(git_revision));
        h5::set_attr(root, "build_type", std::string(build_type));
        h5::set_attr(root, "scenario_name", sc.name);
        h5::set_attr(root, "scenario_description", sc.description);
        h5::set_attr(root, "scenario_path", sc.source_path);
        h5::set_attr(root, "scenario", sc.resolved_yaml);
        // What the scenario cannot mean at its scale (laborsim/warnings.hpp), one per line.
        std::string warnings;
        for (const auto& wn : scenario_warnings(sc)) warnings += wn.to_string() + "\n";
        h5::set_attr(root, "warnings", warnings);
        h5::set_attr(root, "seed", static_cast<std::int64_t>(sc.seed));
        h5::set_attr(root, "scale", sc.scale);
        h5::set_attr(root, "threads", static_cast<std::int64_t>(prov_.threads));
        h5::set_attr(root, "host", host_name());
        h5::set_attr(root, "command_line", prov_.command_line);
        h5::set_attr(root, "start_time", iso_now());
        h5::set_attr(root, "calendar_start", format_year_month(sc.calendar.start));
        h5::set_attr(root, "calendar_end", format_year_month(sc.calendar.end));
        h5::set_attr(root, "months_completed", static_cast<std::int64_t>(months_));
        h5::set_attr(root, "wall_time_s", 0.0);
        h5::set_attr(root, "completed", std::int64_t{0});
        // 1 once a graceful stop (SIGTERM, SIGINT) ended the run early; stop_signal names it.
        h5::set_attr(root, "interrupted", std::int64_t{0});
        h5::set_attr(root, "stop_signal", std::string());
        h5::set_attr(root, "Conventions", std::string("CF-1.8"));
        // CF's global description attributes; the institution from LABORSIM_INSTITUTION.
        h5::set_attr(root, "title", "laborsim run: " + sc.name);
        const char* institution = std::getenv("LABORSIM_INSTITUTION");
        h5::set_attr(root, "institution",
                     std::string(institution && *institution ? institution : "unspecified (set LABORSIM_INSTITUTION)"));
        h5::set_attr(root, "source",
                     "laborsim " + std::string(version) + " (" + std::string(git_revision) +
                         "), agent-based labour-market simulation; scenario " + sc.source_path);
        // The same for any thread count or output path: start_time and command_line say when and how.
        h5::set_attr(root, "history",
                     "laborsim " + std::string(version) + " run of scenario " + sc.name +
                         " (see the start_time and command_line attributes)");
        h5::set_attr(root, "references",
                     "laborsim " + std::string(version) + ": docs/output.md (this file), docs/model.md (the model)");
        if (!sc.description.empty()) h5::set_attr(root, "comment", sc.description);

        start_ = sc.calendar.start;
        regions_ = std::make_unique<timed_group>(root, "regions", start_);
        std::vector<std::string> ids;
        for (const auto& r : sc.regions) ids.push_back(r.id);
        region_scale_ = h5::write_string_scale(regions_->group.id(), "region", ids);
        h5::set_attr(region_scale_.id(), "long_name", std::string("region id"));
        education_scale_ = h5::write_string_scale(regions_->group.id(), "education", to_strings(education_names));
        h5::set_attr(education_scale_.id(), "long_name", std::string("highest education level"));
        field_scale_ = h5::write_string_scale(regions_->group.id(), "field", to_strings(field_names));
        h5::set_attr(field_scale_.id(), "long_name", std::string("field of education or work"));
        const hsize_t R = ids.size();
        for (int k = 0; k < indicator_count; ++k) {
            const auto& info = indicator_table[k];
            auto& ds = indicators_.emplace_back(regions_->group.id(), std::string(info.name), std::vector<hsize_t>{R},
                                                H5T_NATIVE_DOUBLE);
            attach(ds.id(), {regions_->time(), region_scale_.id()});
            write_cf_quantity(ds.id(), info.units, indicator_cell_method(info.units));
            h5::set_attr(ds.id(), "long_name", std::string(info.long_name));
            h5::set_attr(ds.id(), "description", std::string(info.description));
        }
        by_education_ = h5::growing_dataset(regions_->group.id(), "labor_force_by_education", {R, education_count},
                                            H5T_NATIVE_DOUBLE);
        attach(by_education_.id(), {regions_->time(), region_scale_.id(), education_scale_.id()});
        write_cf_quantity(by_education_.id(), "persons", cell_method::point);
        h5::set_attr(by_education_.id(), "long_name", std::string("labour force by education"));
        h5::set_attr(by_education_.id(), "description", std::string("labour force by highest education level"));
        by_field_ = h5::growing_dataset(regions_->group.id(), "employed_by_field", {R, field_count}, H5T_NATIVE_DOUBLE);
        attach(by_field_.id(), {regions_->time(), region_scale_.id(), field_scale_.id()});
        write_cf_quantity(by_field_.id(), "persons", cell_method::point);
        h5::set_attr(by_field_.id(), "long_name", std::string("employed by field"));
        h5::set_attr(by_field_.id(), "description", std::string("employed persons by field of the worker"));
        add_by_education(enrol_by_education_, "enrolments_by_education", "enrolments by level",
                         "admissions to schools by the level of the program", R);
        add_by_education(grad_by_education_, "graduates_by_education", "graduates by level",
                         "school graduates by the level reached", R);

        if (!sc.policies.empty()) {
            policies_group_ = h5::create_group(root, "policies");
            for (const auto& p : sc.policies) {
                auto& pg = policy_groups_.emplace_back();
                pg.group = std::make_unique<timed_group>(policies_group_.id(), p.id, start_);
                reopen_series(pg);
                h5::set_attr(pg.group->group.id(), "type", std::string(policy_type_name(p.params)));
                h5::set_attr(pg.group->group.id(), "start", format_year_month(p.start));
                h5::set_attr(pg.group->group.id(), "end", format_year_month(p.end));
                h5::set_attr(pg.group->group.id(), "annual_budget_vnd", p.annual_budget_vnd);
                pg.declared.push_back(spending_series);
                std::visit(
                    [&](const auto& spec) {
                        for (const auto& s : policy_hooks<std::decay_t<decltype(spec)>>::series())
                            pg.declared.push_back(s);
                    },
                    p.params);
            }
        }
        if (sc.output.panel > 0) panel_ = std::make_unique<panel_writer>(root, sc, w);
        if (!sc.output.events.empty()) events_ = std::make_unique<event_writer>(root, sc, w);
        if (sc.output.snapshots_every_months > 0) snapshots_ = std::make_unique<snapshot_writer>(root, sc);
        h5::flush_file(root, "the file header");
    }

    void on_month(const month_stats& stats, const std::vector<policy_month_report>& reports, const world& w) override {
        const h5::quiet_errors quiet;
        regions_->append_month(stats.month_index);
        const std::size_t R = stats.by_region.size();
        std::vector<double> row(R);
        for (int k = 0; k < indicator_count; ++k) {
            for (std::size_t r = 0; r < R; ++r) row[r] = stats.by_region[r][k];
            indicators_[k].append(row.data());
        }
        by_education_.append(stats.labor_force_by_education.data());
        by_field_.append(stats.employed_by_field.data());
        enrol_by_education_.append(stats.enrolments_by_education.data());
        grad_by_education_.append(stats.graduates_by_education.data());
        for (std::size_t p = 0; p < reports.size(); ++p) write_policy(policy_groups_[p], reports[p], stats.month_index);
        kill_.pass("indicators");
        const auto stamp = stamp_month(start_, stats.month_index);
        if (panel_) panel_->write_month(w, stamp);
        kill_.pass("panel");
        if (events_) events_->write_month(w, stamp);
        kill_.pass("events");
        if (snapshots_) snapshots_->maybe_write(w, stamp, months_ + 1, kill_);
        ++months_;
        // Two flushes: the month's data is on disk before months_completed says so.
        h5::flush_file(file_.id(), "the month");
        kill_.pass("flush");
        h5::set_attr(file_.id(), "months_completed", static_cast<std::int64_t>(months_));
        h5::set_attr(file_.id(), "wall_time_s", elapsed());
        h5::flush_file(file_.id(), "the month count");
        if (plan_.checkpoint_every > 0 && months_ % plan_.checkpoint_every == 0) checkpoint(w);
    }

    void on_finish(const world& w, bool completed) override {
        const h5::quiet_errors quiet;
        h5::set_attr(file_.id(), "wall_time_s", elapsed());
        h5::set_attr(file_.id(), "completed", static_cast<std::int64_t>(completed ? 1 : 0));
        if (!completed) {
            h5::set_attr(file_.id(), "interrupted", std::int64_t{1});
            const int sig = plan_.stop != nullptr ? plan_.stop->load() : 0;
            h5::set_attr(file_.id(), "stop_signal", sig != 0 ? signal_name(sig) : std::string("stop requested"));
        }
        h5::flush_file(file_.id(), "the end of the run");
        // A stopped run leaves a checkpoint of its last month when it was asked for them.
        if (!completed && plan_.checkpoint_every > 0 && last_checkpoint_ != months_) checkpoint(w);
        close_objects();
        // Closing writes what the caches still hold: a full disk may show only here.
        if (H5Fclose(file_.release()) < 0)
            throw environment_error(path_, "cannot finish the output file", h5::last_error_reason());
    }

    // Also the error path (an exception from a write): every handle is closed, children
    // before the file, quietly. A file HDF5 cannot flush (full disk) stays open in HDF5
    // 1.10 whatever we do, and its exit handler then crashes on it (H5F__close_cb): the
    // CLI ends such a run without exit handlers (sim/cli/main.cpp).
    ~hdf5_recorder() override {
        const h5::quiet_errors quiet;
        close_objects();
        file_.reset();
    }

private:
    void close_objects() {
        panel_.reset();
        events_.reset();
        snapshots_.reset();
        policy_groups_.clear();
        indicators_.clear();
        by_education_ = {};
        by_field_ = {};
        enrol_by_education_ = {};
        grad_by_education_ = {};
        regions_.reset();
        region_scale_.reset();
        education_scale_.reset();
        field_scale_.reset();
        policies_group_.reset();
    }

    struct policy_group {
        std::unique_ptr<timed_group> group;
        std::map<std::string, h5::growing_dataset> series;
        std::vector<series_spec> declared;  // what the policy type says of its series
    };

    // A monthly flow by education level.
    void add_by_education(h5::growing_dataset& ds, const char* name, const char* long_name, const char* description,
                          hsize_t R) {
        ds = h5::growing_dataset(regions_->group.id(), name, {R, education_count}, H5T_NATIVE_DOUBLE);
        attach(ds.id(), {regions_->time(), region_scale_.id(), education_scale_.id()});
        write_cf_quantity(ds.id(), "persons/month", cell_method::sum);
        h5::set_attr(ds.id(), "long_name", std::string(long_name));
        h5::set_attr(ds.id(), "description", std::string(description));
    }

    static void attach(hid_t ds, std::initializer_list<hid_t> scales) { h5::attach_scales(ds, scales); }

    void write_policy(policy_group& pg, const policy_month_report& rep, int month_index) {
        const hsize_t row = pg.group->axis.time.rows();
        pg.group->append_month(month_index);
        for (const auto& [name, value] : rep.series) {
            auto it = pg.series.find(name);
            if (it == pg.series.end()) {
                // A series seen for the first time: earlier months read as the fill value 0.
                it = pg.series.emplace(name, h5::growing_dataset(pg.group->group.id(), name, {}, H5T_NATIVE_DOUBLE))
                         .first;
                attach(it->second.id(), {pg.group->time()});
                const auto d = std::find_if(pg.declared.begin(), pg.declared.end(),
                                            [&](const series_spec& s) { return s.name == name; });
                // flow: counted within the month (sums over months mean something); stock: a level.
                // Undeclared series count as flows, as readers of `measure` assume.
                const bool flow = d == pg.declared.end() || d->kind == series_kind::flow;
                write_cf_quantity(it->second.id(), d != pg.declared.end() ? d->units : policy_series_units(name),
                                  flow ? cell_method::sum : cell_method::point);
                h5::set_attr(it->second.id(), "long_name", policy_series_long_name(name));
                if (d != pg.declared.end())
                    h5::set_attr(it->second.id(), "measure", std::string(flow ? "flow" : "stock"));
            }
            it->second.write_row(row, &value);
        }
        const double zero = 0;
        for (auto& [name, ds] : pg.series)
            if (ds.rows() <= row) ds.write_row(row, &zero);
    }

    // A policy's series already in a resumed file, so that each keeps being written monthly.
    static void reopen_series(policy_group& pg) {
        const hid_t g = pg.group->group.id();
        std::vector<std::string> names;
        auto collect = [](hid_t, const char* name, const H5L_info_t*, void* data) -> herr_t {
            static_cast<std::vector<std::string>*>(data)->emplace_back(name);
            return 0;
        };
        h5::check(H5Literate(g, H5_INDEX_NAME, H5_ITER_INC, nullptr, collect, &names), "list series");
        for (const auto& name : names)
            if (name != "time" && name != "time_bnds" && name != "nv")
                pg.series.emplace(name, h5::growing_dataset(g, name, {}, H5T_NATIVE_DOUBLE));
    }

    // The state after months_ months (the output flushed), beside the output.
    void checkpoint(const world& w) {
        run_checkpoint c{digest_, months_, path_, read_output_position(file_.id()), save_world_state(w)};
        kill_.pass("checkpoint");
        write_checkpoint(plan_.checkpoint_path, c);
        last_checkpoint_ = months_;
    }

    double elapsed() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0_).count(); }

    std::string path_;
    run_provenance prov_;
    recorder_plan plan_;
    kill_point kill_;
    std::string digest_;
    int last_checkpoint_ = -1;
    std::chrono::steady_clock::time_point t0_;
    year_month start_;
    int months_ = 0;
    h5::handle file_;
    std::unique_ptr<timed_group> regions_;
    h5::handle region_scale_, education_scale_, field_scale_;
    std::vector<h5::growing_dataset> indicators_;
    h5::growing_dataset by_education_, by_field_, enrol_by_education_, grad_by_education_;
    h5::handle policies_group_;
    std::vector<policy_group> policy_groups_;
    std::unique_ptr<panel_writer> panel_;
    std::unique_ptr<event_writer> events_;
    std::unique_ptr<snapshot_writer> snapshots_;
};

}  // namespace

std::unique_ptr<run_observer> make_hdf5_recorder(const std::string& path, const run_provenance& prov) {
    return std::make_unique<hdf5_recorder>(path, prov, recorder_plan{});
}

std::unique_ptr<run_observer> make_hdf5_recorder(const std::string& path, const run_provenance& prov,
                                                 const recorder_plan& plan) {
    return std::make_unique<hdf5_recorder>(path, prov, plan);
}

}  // namespace laborsim
