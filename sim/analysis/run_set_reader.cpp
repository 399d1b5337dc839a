// Reads the indicators and policy series of finished runs (docs/output.md) for compare.
#include <algorithm>
#include <filesystem>

#include "laborsim/compare.hpp"
#include "laborsim/errors.hpp"
#include "laborsim/indicators.hpp"
#include "output/h5_read.hpp"

namespace laborsim {

namespace fs = std::filesystem;

namespace {

// Head counts derived from a rate of the labour force: additive over regions, and the
// natural unit for "cost per additional certified worker".
struct derived_count {
    const char* name;
    const char* rate;
};
constexpr derived_count derived_counts[] = {
    {"trained_workers", "trained_rate"},
    {"certified_workers", "certified_rate"},
    {"high_quality_workers", "high_quality_rate"},
};

replicate_data read_replicate(const std::string& path, std::string& why_not) {
    replicate_data rep;
    rep.file = path;
    h5::quiet_errors quiet;
    const hid_t f = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
    if (f < 0) throw input_error(path + ": cannot open as an HDF5 file");
    h5::handle file(f, H5Fclose);
    if (h5::read_int_attr(f, "completed").value_or(0) == 0) {
        why_not = "not completed (the run stopped early or is still running)";
        return rep;
    }
    rep.seed = static_cast<std::uint64_t>(h5::read_int_attr(f, "seed").value_or(0));
    rep.scenario_name = h5::read_string_attr(f, "scenario_name").value_or("");
    rep.scenario_description = h5::read_string_attr(f, "scenario_description").value_or("");
    rep.scenario_path = h5::read_string_attr(f, "scenario_path").value_or("");
    rep.scenario_yaml = h5::read_string_attr(f, "scenario").value_or("");
    const auto start = parse_year_month(h5::read_string_attr(f, "calendar_start").value_or(""));
    if (!start) throw input_error(path + ": no calendar_start attribute; is it a laborsim output file?");
    rep.start = *start;
    if (!h5::has_link(f, "regions")) throw input_error(path + ": no /regions group; is it a laborsim output file?");
    auto g = h5::open_group(f, "regions");
    rep.regions = h5::read_strings(g.id(), "region");
    const std::size_t R = rep.regions.size();
    rep.months = -1;
    for (const auto& info : indicator_table) {
        const std::string name(info.name);
        if (!h5::has_link(g.id(), name)) continue;
        auto a = h5::read_doubles(g.id(), name);
        if (a.dims.size() != 2 || a.dims[1] != R)
            throw input_error(path + ": /regions/" + name + " is not [time, region]");
        const int rows = static_cast<int>(a.dims[0]);
        rep.months = rep.months < 0 ? rows : std::min(rep.months, rows);
        rep.indicators[name] = std::move(a.values);
    }
    if (rep.months <= 0) throw input_error(path + ": holds no months of indicators");
    for (auto& [name, v] : rep.indicators) v.resize(static_cast<std::size_t>(rep.months) * R);
    const auto lf = rep.indicators.find("labor_force");
    for (const auto& d : derived_counts) {
        const auto rate = rep.indicators.find(d.rate);
        if (lf == rep.indicators.end() || rate == rep.indicators.end()) continue;
        std::vector<double> v(rate->second.size());
        for (std::size_t i = 0; i < v.size(); ++i) v[i] = rate->second[i] * lf->second[i];
        rep.indicators[d.name] = std::move(v);
    }
    if (h5::has_link(f, "policies")) {
        auto pg = h5::open_group(f, "policies");
        for (const auto& id : h5::child_names(pg.id())) {
            auto p = h5::open_group(pg.id(), id);
            replicate_data::policy pol;
            pol.id = id;
            pol.type = h5::read_string_attr(p.id(), "type").value_or("");
            for (const auto& s : h5::child_names(p.id())) {
                if (s == "time") continue;
                auto a = h5::read_doubles(p.id(), s);
                if (a.dims.size() != 1) continue;
                a.values.resize(static_cast<std::size_t>(rep.months), 0.0);
                pol.series[s] = std::move(a.values);
                const h5::handle ds(H5Dopen2(p.id(), s.c_str(), H5P_DEFAULT), H5Dclose);
                // laborsim's own unit word (persons, VND, ...); `units` holds the UDUNITS form.
                pol.units[s] = h5::read_string_attr(ds.id(), "units_metadata")
                                   .value_or(h5::read_string_attr(ds.id(), "units").value_or(""));
                // Files written before the attribute: only spending is known to be a flow.
                pol.flow[s] =
                    h5::read_string_attr(ds.id(), "measure").value_or(s == "spending_vnd" ? "flow" : "stock") == "flow";
            }
            rep.policies.push_back(std::move(pol));
        }
    }
    return rep;
}

}  // namespace

run_set load_run_set(const std::string& path) {
    run_set set;
    set.path = path;
    std::vector<std::string> files;
    if (fs::is_directory(path)) {
        for (const auto& e : fs::directory_iterator(path))
            if (e.is_regular_file() && e.path().extension() == ".h5") files.push_back(e.path().string());
        std::sort(files.begin(), files.end());
        if (files.empty())
            throw input_error(path + ": no .h5 files in this folder (a run folder holds replicate-NNN.h5 files)");
    } else if (fs::is_regular_file(path)) {
        files.push_back(path);
    } else {
        throw input_error(path + ": no such run folder or file");
    }
    for (const auto& file : files) {
        std::string why_not;
        auto rep = read_replicate(file, why_not);
        if (!why_not.empty()) {
            set.skipped.push_back(file + ": " + why_not);
            continue;
        }
        set.replicates.push_back(std::move(rep));
    }
    if (set.replicates.empty())
        throw input_error(path + ": no finished run in it (" + std::to_string(set.skipped.size()) + " unfinished)");
    const auto& first = set.replicates.front();
    for (const auto& r : set.replicates) {
        if (r.regions != first.regions)
            throw input_error(path + ": " + r.file + " has other regions than " + first.file);
        if (r.start != first.start)
            throw input_error(path + ": " + r.file + " starts in another month than " + first.file);
    }
    set.label = first.scenario_name.empty() ? fs::path(path).filename().string() : first.scenario_name;
    return set;
}

}  // namespace laborsim
