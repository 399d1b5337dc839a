// The sweep's closing files, built only from the output folder (run files and run
// records), so it does not matter which process or executor ran what:
//   manifest.json  every run: settings, seed, status, error, wall time, host
//   summary.csv    one row per run: ids, seed, parameters, status, outcomes
//   summary.h5     the same columns, one 1-D dataset each over the `run_id` scale
// Wall times and hosts stay out of the summary so that every executor writes the same one.
#include <charconv>
#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>

#include "laborsim/errors.hpp"
#include "laborsim/indicators.hpp"
#include "laborsim/version.hpp"
#include "output/h5.hpp"
#include "sweep/run_file.hpp"
#include "sweep/sweep_runner.hpp"
#include "util/atomic_file.hpp"

namespace laborsim {

namespace fs = std::filesystem;

namespace {

struct run_row {
    std::string status;  // ok, failed, timeout, missing, pending
    run_record record;
    bool has_record = false;
    std::vector<double> outcomes;
};

std::string format_number(double v) {
    if (!std::isfinite(v)) return "";
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

bool parse_number(const std::string& s, double& out) {
    if (s.empty()) return false;
    char* end = nullptr;
    out = std::strtod(s.c_str(), &end);
    return end == s.c_str() + s.size() && std::isfinite(out);
}

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string json_string(const std::string& s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            case '\r': out += "\\r"; break;
            default:
                if (c < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    return out + "\"";
}

std::string json_number(double v) { return std::isfinite(v) ? format_number(v) : "null"; }

// Whether every value of parameter j reads as a number (a numeric column) or not (text).
std::vector<bool> numeric_parameters(const sweep_plan& plan) {
    std::vector<bool> numeric(plan.spec.parameters.size(), true);
    for (const auto& r : plan.runs)
        for (std::size_t j = 0; j < numeric.size(); ++j) {
            double v = 0;
            numeric[j] = numeric[j] && parse_number(r.values[j], v);
        }
    return numeric;
}

std::vector<run_row> collect(const sweep_plan& plan, const sweep_layout& layout) {
    std::vector<run_row> rows;
    rows.reserve(plan.runs.size());
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (const auto& r : plan.runs) {
        run_row row;
        row.outcomes.assign(plan.spec.outcomes.size(), nan);
        const auto rec = read_run_record(layout.record_file(r).string());
        if (rec) {
            row.record = *rec;
            row.has_record = true;
        }
        if (run_file_complete(layout.run_file(r).string())) {
            row.status = "ok";
            row.outcomes = read_run_outcomes(layout.run_file(r).string(), plan.spec.outcomes);
            row.record.error.clear();
        } else if (rec) {
            row.status = rec->status == "ok" ? "missing" : rec->status;
            if (row.status == "missing") row.record.error = "the run file is missing or incomplete";
        } else {
            row.status = "pending";
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

std::string manifest_json(const sweep_plan& plan, const sweep_layout& layout, const std::vector<run_row>& rows) {
    std::ostringstream out;
    out << "{\n  \"sweep\": " << json_string(plan.spec.name) << ",\n  \"spec\": " << json_string(plan.spec.source_path)
        << ",\n  \"base_scenario\": " << json_string(plan.spec.base_scenario)
        << ",\n  \"laborsim_version\": " << json_string(version) << ",\n  \"set\": [";
    for (std::size_t i = 0; i < plan.spec.settings.size(); ++i)
        out << (i ? ", " : "") << json_string(plan.spec.settings[i]);
    out << "],\n  \"runs\": [\n";
    for (std::size_t i = 0; i < plan.runs.size(); ++i) {
        const auto& r = plan.runs[i];
        const auto& row = rows[i];
        out << "    {\"run_id\": " << json_string(r.id) << ", \"point\": " << r.point
            << ", \"replicate\": " << r.replicate << ", \"seed\": " << r.seed << ", \"settings\": {";
        for (std::size_t j = 0; j < r.values.size(); ++j)
            out << (j ? ", " : "") << json_string(plan.spec.parameters[j].key) << ": " << json_string(r.values[j]);
        out << "}, \"status\": " << json_string(row.status) << ", \"file\": "
            << (row.status == "ok" ? json_string(fs::relative(layout.run_file(r), layout.root).string()) : "null");
        if (row.has_record)
            out << ", \"exit_code\": " << row.record.exit_code << ", \"signal\": " << row.record.signal
                << ", \"wall_time_s\": " << json_number(row.record.wall_time_s)
                << ", \"host\": " << json_string(row.record.host)
                << ", \"finished_at\": " << json_string(row.record.finished_at);
        out << ", \"error\": " << (row.record.error.empty() ? "null" : json_string(row.record.error)) << "}"
            << (i + 1 < plan.runs.size() ? "," : "") << "\n";
    }
    out << "  ]\n}\n";
    return out.str();
}

std::string summary_csv(const sweep_plan& plan, const std::vector<run_row>& rows) {
    std::ostringstream out;
    out << "run_id,point,replicate,seed";
    for (const auto& p : plan.spec.parameters) out << "," << csv_field(p.key);
    out << ",status";
    for (const auto& o : plan.spec.outcomes) out << "," << csv_field(o.column);
    out << "\n";
    for (std::size_t i = 0; i < plan.runs.size(); ++i) {
        const auto& r = plan.runs[i];
        out << r.id << "," << r.point << "," << r.replicate << "," << r.seed;
        for (const auto& v : r.values) out << "," << csv_field(v);
        out << "," << rows[i].status;
        for (double v : rows[i].outcomes) out << "," << format_number(v);
        out << "\n";
    }
    return out.str();
}

// 1-D datasets over the run dimension.
h5::handle column_space(hsize_t n) {
    return h5::handle(h5::check_id(H5Screate_simple(1, &n, nullptr), "space"), H5Sclose);
}

h5::handle write_strings(hid_t file, const std::string& name, const std::vector<std::string>& values) {
    auto type = h5::utf8_string_type();
    auto space = column_space(values.size());
    h5::handle ds(
        h5::check_id(H5Dcreate2(file, name.c_str(), type.id(), space.id(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
                     name.c_str()),
        H5Dclose);
    std::vector<const char*> ptrs;
    for (const auto& v : values) ptrs.push_back(v.c_str());
    if (!values.empty())
        h5::check(H5Dwrite(ds.id(), type.id(), H5S_ALL, H5S_ALL, H5P_DEFAULT, ptrs.data()), name.c_str());
    return ds;
}

template <class T>
h5::handle write_numbers(hid_t file, const std::string& name, const std::vector<T>& values) {
    constexpr bool is_double = std::is_same_v<T, double>;
    auto space = column_space(values.size());
    h5::handle ds(h5::check_id(H5Dcreate2(file, name.c_str(), is_double ? H5T_IEEE_F64LE : H5T_STD_I64LE, space.id(),
                                          H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
                               name.c_str()),
                  H5Dclose);
    if (!values.empty())
        h5::check(H5Dwrite(ds.id(), is_double ? H5T_NATIVE_DOUBLE : H5T_NATIVE_INT64, H5S_ALL, H5S_ALL, H5P_DEFAULT,
                           values.data()),
                  name.c_str());
    return ds;
}

void write_summary_h5(const sweep_plan& plan, const std::vector<run_row>& rows, const fs::path& path) {
    const fs::path tmp = path.string() + ".tmp";
    {
        auto file = h5::create_file(tmp.string());
        const hid_t root = file.id();
        h5::set_attr(root, "sweep_name", plan.spec.name);
        h5::set_attr(root, "sweep_spec_path", plan.spec.source_path);
        h5::set_attr(root, "sweep_spec", plan.spec.text);
        h5::set_attr(root, "base_scenario", plan.spec.base_scenario);
        h5::set_attr(root, "laborsim_version", std::string(version));
        h5::set_attr(root, "runs", static_cast<std::int64_t>(plan.runs.size()));

        std::vector<std::string> ids, statuses;
        std::vector<std::int64_t> points, replicates, seeds;
        for (std::size_t i = 0; i < plan.runs.size(); ++i) {
            ids.push_back(plan.runs[i].id);
            points.push_back(plan.runs[i].point);
            replicates.push_back(plan.runs[i].replicate);
            seeds.push_back(static_cast<std::int64_t>(plan.runs[i].seed));
            statuses.push_back(rows[i].status);
        }
        auto run_scale = h5::write_string_scale(root, "run_id", ids);
        h5::set_attr(run_scale.id(), "long_name", std::string("sweep run id (p<point>-r<replicate>)"));
        std::vector<std::string> columns{"run_id"};
        auto finish = [&](h5::handle ds, const std::string& name, const std::string& role,
                          const std::string& long_name) {
            h5::check(H5DSattach_scale(ds.id(), run_scale.id(), 0), "attach run_id");
            h5::set_attr(ds.id(), "role", role);
            h5::set_attr(ds.id(), "long_name", long_name);
            columns.push_back(name);
            return ds;
        };
        finish(write_numbers(root, "point", points), "point", "run", "point index");
        finish(write_numbers(root, "replicate", replicates), "replicate", "run", "replicate index");
        finish(write_numbers(root, "seed", seeds), "seed", "run", "run seed");
        const auto numeric = numeric_parameters(plan);
        for (std::size_t j = 0; j < plan.spec.parameters.size(); ++j) {
            const auto& key = plan.spec.parameters[j].key;
            std::vector<std::string> text;
            std::vector<double> values;
            for (const auto& r : plan.runs) {
                text.push_back(r.values[j]);
                double v = 0;
                values.push_back(parse_number(r.values[j], v) ? v : std::numeric_limits<double>::quiet_NaN());
            }
            auto ds = numeric[j] ? write_numbers(root, key, values) : write_strings(root, key, text);
            finish(std::move(ds), key, "parameter", "swept scenario key " + key);
        }
        finish(write_strings(root, "status", statuses), "status", "run", "ok, failed, timeout, missing or pending");
        for (std::size_t k = 0; k < plan.spec.outcomes.size(); ++k) {
            const auto& o = plan.spec.outcomes[k];
            std::vector<double> values;
            for (const auto& row : rows) values.push_back(row.outcomes[k]);
            auto ds = write_numbers(root, o.column, values);
            for (const auto& info : indicator_table)
                if (info.name == o.indicator) {
                    h5::set_attr(ds.id(), "units", std::string(info.units));
                    h5::set_attr(ds.id(), "indicator_long_name", std::string(info.long_name));
                }
            h5::set_attr(ds.id(), "indicator", o.indicator);
            h5::set_attr(ds.id(), "region", o.region);
            h5::set_attr(ds.id(), "date", format_year_month(o.date));
            finish(std::move(ds), o.column, "outcome",
                   o.indicator + " in " + o.region + " at " + format_year_month(o.date));
        }
        std::string joined;
        for (const auto& c : columns) joined += (joined.empty() ? "" : "\n") + c;
        h5::set_attr(root, "columns", joined);
    }
    fs::rename(tmp, path);
}

}  // namespace

summary_report summarize_sweep(const sweep_plan& plan, const sweep_options& opts) {
    const sweep_layout layout{sweep_output_dir(plan, opts)};
    prepare_output(plan, layout);
    const auto rows = collect(plan, layout);
    summary_report report;
    for (const auto& row : rows) {
        if (row.status == "ok") ++report.ok;
        else if (row.status == "pending") ++report.pending;
        else ++report.failed;
    }
    write_file_atomically((layout.root / "manifest.json").string(), manifest_json(plan, layout, rows));
    write_file_atomically((layout.root / "summary.csv").string(), summary_csv(plan, rows));
    write_summary_h5(plan, rows, layout.root / "summary.h5");
    return report;
}

}  // namespace laborsim
