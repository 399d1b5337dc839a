// `laborsim info`: a readable summary of an output file.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "laborsim/errors.hpp"
#include "laborsim/indicators.hpp"
#include "laborsim/recorder.hpp"
#include "output/h5.hpp"
#include "output/h5_read.hpp"

namespace laborsim {

namespace {

std::string read_string_attr(hid_t obj, const char* name) { return h5::read_string_attr(obj, name).value_or(""); }

double read_number_attr(hid_t obj, const char* name, double fallback = 0) {
    if (H5Aexists(obj, name) <= 0) return fallback;
    h5::handle a(H5Aopen(obj, name, H5P_DEFAULT), H5Aclose);
    double v = fallback;
    H5Aread(a.id(), H5T_NATIVE_DOUBLE, &v);
    return v;
}

// A seed may exceed 2^63 (replicate seeds) and is printed, not converted.
std::string whole_text(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf;
}

// A count (months, threads, the completed flag): a damaged file's NaN or inf is refused, never converted.
long long read_count_attr(hid_t obj, const char* name) {
    const double v = read_number_attr(obj, name);
    if (!(v == std::floor(v) && std::fabs(v) < 9.0e15))
        throw input_error(std::string("attribute '") + name + "' holds " + std::to_string(v) + ", not a whole number");
    return static_cast<long long>(v);
}

// Values of a [time, region] dataset at one row.
std::vector<double> read_row(hid_t group, const char* name, hsize_t row, hsize_t regions) {
    std::vector<double> out(regions, 0.0);
    h5::handle ds(H5Dopen2(group, name, H5P_DEFAULT), H5Dclose);
    h5::handle fs(H5Dget_space(ds.id()), H5Sclose);
    hsize_t start[2] = {row, 0}, count[2] = {1, regions};
    H5Sselect_hyperslab(fs.id(), H5S_SELECT_SET, start, nullptr, count, nullptr);
    h5::handle ms(H5Screate_simple(2, count, nullptr), H5Sclose);
    H5Dread(ds.id(), H5T_NATIVE_DOUBLE, ms.id(), fs.id(), H5P_DEFAULT, out.data());
    return out;
}

std::string fmt(double v) {
    char buf[64];
    if (v != 0 && (std::abs(v) < 0.01 || std::abs(v) >= 1e5)) std::snprintf(buf, sizeof buf, "%.4g", v);
    else std::snprintf(buf, sizeof buf, "%.4f", v);
    return buf;
}

hsize_t extent0(hid_t group, const char* name) {
    h5::handle ds(H5Dopen2(group, name, H5P_DEFAULT), H5Dclose);
    if (!ds.valid()) return 0;
    h5::handle sp(H5Dget_space(ds.id()), H5Sclose);
    hsize_t dims[H5S_MAX_RANK] = {0};
    if (H5Sget_simple_extent_ndims(sp.id()) < 1) return 0;
    H5Sget_simple_extent_dims(sp.id(), dims, nullptr);
    return dims[0];
}

std::vector<std::string> child_names(hid_t group, H5G_obj_t type) {
    std::vector<std::string> names;
    hsize_t n = 0;
    H5Gget_num_objs(group, &n);
    for (hsize_t i = 0; i < n; ++i) {
        char name[256];
        H5Gget_objname_by_idx(group, i, name, sizeof name);
        if (H5Gget_objtype_by_idx(group, i) == type) names.emplace_back(name);
    }
    return names;
}

// /panel, /events and /snapshots, when the run wrote them.
void describe_optional_groups(hid_t root, std::ostringstream& out) {
    if (H5Lexists(root, "panel", H5P_DEFAULT) > 0) {
        h5::handle g(H5Gopen2(root, "panel", H5P_DEFAULT), H5Gclose);
        out << "panel:      " << extent0(g.id(), "worker") << " workers followed for " << extent0(g.id(), "time")
            << " months\n";
    }
    if (H5Lexists(root, "events", H5P_DEFAULT) > 0) {
        h5::handle g(H5Gopen2(root, "events", H5P_DEFAULT), H5Gclose);
        out << "events:    ";
        for (const auto& kind : child_names(g.id(), H5G_DATASET))
            out << " " << kind << " " << extent0(g.id(), kind.c_str()) << ";";
        out << " (records)\n";
    }
    if (H5Lexists(root, "snapshots", H5P_DEFAULT) > 0) {
        h5::handle g(H5Gopen2(root, "snapshots", H5P_DEFAULT), H5Gclose);
        const auto names = child_names(g.id(), H5G_GROUP);
        out << "snapshots:  " << names.size() << " (every " << read_count_attr(g.id(), "every_months") << " months)";
        if (!names.empty()) {
            h5::handle first(H5Gopen2(g.id(), names.front().c_str(), H5P_DEFAULT), H5Gclose);
            out << ": " << names.front();
            if (names.size() > 1) out << (names.size() > 2 ? " ... " : ", ") << names.back();
            out << ", " << extent0(first.id(), "worker") << " workers in the first";
        }
        out << "\n";
    }
}

// Reads one dataset whole, in slices of its first dimension: the checksums (Fletcher-32)
// and the filters are checked on the way. Returns false, with HDF5's reason, when it cannot.
bool reads_back(hid_t ds, std::string& reason) {
    h5::handle ftype(H5Dget_type(ds), H5Tclose);
    h5::handle space(H5Dget_space(ds), H5Sclose);
    if (!ftype.valid() || !space.valid()) return false;
    h5::handle mtype(H5Tget_native_type(ftype.id(), H5T_DIR_DEFAULT), H5Tclose);
    if (!mtype.valid()) return false;
    const int rank = H5Sget_simple_extent_ndims(space.id());
    if (rank < 0) return false;
    std::vector<hsize_t> dims(static_cast<std::size_t>(std::max(rank, 1)), 1);
    if (rank > 0) H5Sget_simple_extent_dims(space.id(), dims.data(), nullptr);
    const std::size_t value_bytes = H5Tget_size(mtype.id());
    hsize_t row_values = 1;
    for (std::size_t d = 1; d < dims.size(); ++d) row_values *= dims[d];
    const hsize_t rows_per_slice =
        std::max<hsize_t>(1, (std::size_t{1} << 24) / std::max<hsize_t>(1, row_values * value_bytes));
    const bool vlen = H5Tdetect_class(mtype.id(), H5T_VLEN) > 0 || H5Tis_variable_str(mtype.id()) > 0;
    std::vector<char> buf;
    for (hsize_t row = 0; row < (rank == 0 ? 1 : dims[0]); row += rows_per_slice) {
        std::vector<hsize_t> start(dims.size(), 0), count = dims;
        start[0] = row;
        count[0] = rank == 0 ? 1 : std::min(rows_per_slice, dims[0] - row);
        h5::handle mspace(rank == 0 ? H5Screate(H5S_SCALAR) : H5Screate_simple(rank, count.data(), nullptr), H5Sclose);
        if (rank > 0 &&
            H5Sselect_hyperslab(space.id(), H5S_SELECT_SET, start.data(), nullptr, count.data(), nullptr) < 0)
            return false;
        buf.assign(static_cast<std::size_t>(count[0] * row_values) * value_bytes, 0);
        if (H5Dread(ds, mtype.id(), mspace.id(), space.id(), H5P_DEFAULT, buf.data()) < 0) {
            reason = h5::last_error_reason();  // before the next call clears HDF5's error stack
            return false;
        }
        if (vlen) H5Dvlen_reclaim(mtype.id(), mspace.id(), H5P_DEFAULT, buf.data());
    }
    return true;
}

struct verify_state {
    std::size_t datasets = 0;
    std::string damaged, reason, last;
};

// Every object of the file opens and every dataset reads back whole.
// @throws input_error naming the file and the damaged dataset (or where listing stopped)
std::size_t verify_output(hid_t root, const std::string& path) {
    verify_state v;
    auto visit = [](hid_t obj, const char* name, const H5O_info_t* info, void* data) -> herr_t {
        auto& st = *static_cast<verify_state*>(data);
        st.last = name;
        if (info->type != H5O_TYPE_DATASET) return 0;
        h5::handle ds(H5Dopen2(obj, name, H5P_DEFAULT), H5Dclose);
        if (!ds.valid() || !reads_back(ds.id(), st.reason)) {
            st.damaged = name;
            return 1;  // stop: one damaged dataset is enough to refuse the file
        }
        ++st.datasets;
        return 0;
    };
    const herr_t status = H5Ovisit2(root, H5_INDEX_NAME, H5_ITER_INC, visit, &v, H5O_INFO_BASIC);
    if (!v.damaged.empty())
        throw input_error(path + ": /" + v.damaged + ": damaged: " + (v.reason.empty() ? "cannot open it" : v.reason) +
                          " (the file does not read back as written)");
    if (status < 0)
        throw input_error(path + ": damaged: its objects cannot be listed" +
                          (v.last.empty() ? std::string() : " past /" + v.last) + ": " + h5::last_error_reason());
    return v.datasets;
}

}  // namespace

std::string describe_output(const std::string& path) {
    const h5::quiet_errors quiet;
    auto file = h5::open_file_readonly(path);
    const hid_t root = file.id();
    const std::size_t checked = verify_output(root, path);
    std::ostringstream out;
    out << "file:       " << path << "\n"
        << "scenario:   " << read_string_attr(root, "scenario_name") << " (" << read_string_attr(root, "scenario_path")
        << ")\n";
    if (auto d = read_string_attr(root, "scenario_description"); !d.empty()) out << "            " << d << "\n";
    const bool completed = read_count_attr(root, "completed") != 0;
    out << "period:     " << read_string_attr(root, "calendar_start") << " to "
        << read_string_attr(root, "calendar_end") << ", " << read_count_attr(root, "months_completed")
        << " months written" << (completed ? " (completed)" : " (NOT completed: the run stopped early)") << "\n"
        << "seed:       " << whole_text(read_number_attr(root, "seed")) << ", scale " << read_number_attr(root, "scale")
        << ", threads " << read_count_attr(root, "threads") << "\n"
        << "laborsim:   " << read_string_attr(root, "laborsim_version") << " ("
        << read_string_attr(root, "git_revision") << ", " << read_string_attr(root, "build_type") << "), format "
        << read_string_attr(root, "format_version") << "\n"
        << "wall time:  " << fmt(read_number_attr(root, "wall_time_s")) << " s on " << read_string_attr(root, "host")
        << "\n";
    if (H5Lexists(root, "regions", H5P_DEFAULT) <= 0) return out.str();
    h5::handle g(H5Gopen2(root, "regions", H5P_DEFAULT), H5Gclose);
    const auto regions = h5::read_strings(g.id(), "region");
    std::string ids;
    for (const auto& r : regions) ids += (ids.empty() ? "" : ", ") + r;
    out << "regions:    " << regions.size() << " (" << ids << ")\n";
    h5::handle tds(H5Dopen2(g.id(), "time", H5P_DEFAULT), H5Dclose);
    h5::handle tsp(H5Dget_space(tds.id()), H5Sclose);
    const auto months = static_cast<hsize_t>(H5Sget_simple_extent_npoints(tsp.id()));
    if (months > 0 && !regions.empty()) {
        out << "indicators (first month -> last month, summed over regions for persons, mean of regions for rates):\n";
        for (const auto& info : indicator_table) {
            const std::string name(info.name);
            if (H5Lexists(g.id(), name.c_str(), H5P_DEFAULT) <= 0) continue;
            auto first = read_row(g.id(), name.c_str(), 0, regions.size());
            auto last = read_row(g.id(), name.c_str(), months - 1, regions.size());
            const bool additive = info.units.find("persons") != std::string_view::npos || info.units == "jobs";
            double a = 0, b = 0;
            for (std::size_t r = 0; r < regions.size(); ++r) {
                a += first[r];
                b += last[r];
            }
            if (!additive) {
                a /= static_cast<double>(regions.size());
                b /= static_cast<double>(regions.size());
            }
            char line[160];
            std::snprintf(line, sizeof line, "  %-22s %14s -> %-14s %s\n", name.c_str(), fmt(a).c_str(), fmt(b).c_str(),
                          std::string(info.units).c_str());
            out << line;
        }
    }
    describe_optional_groups(root, out);
    out << "checked:    " << checked << " datasets read back whole (checksums where the file has them)\n";
    if (H5Lexists(root, "policies", H5P_DEFAULT) > 0) {
        h5::handle pg(H5Gopen2(root, "policies", H5P_DEFAULT), H5Gclose);
        hsize_t n = 0;
        H5Gget_num_objs(pg.id(), &n);
        out << "policies:   " << n << "\n";
        for (hsize_t i = 0; i < n; ++i) {
            char name[256];
            H5Gget_objname_by_idx(pg.id(), i, name, sizeof name);
            h5::handle p(H5Gopen2(pg.id(), name, H5P_DEFAULT), H5Gclose);
            out << "  " << name << " (" << read_string_attr(p.id(), "type") << ", " << read_string_attr(p.id(), "start")
                << " to " << read_string_attr(p.id(), "end") << ")\n";
        }
    }
    return out.str();
}

}  // namespace laborsim
