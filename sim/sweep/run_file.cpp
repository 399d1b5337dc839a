#include "sweep/run_file.hpp"

#include <filesystem>
#include <limits>
#include <map>

#include "analysis/regional_aggregate.hpp"
#include "laborsim/errors.hpp"
#include "output/h5.hpp"
#include "output/h5_read.hpp"

namespace laborsim {

namespace {

h5::handle open_quietly(const std::string& path) {
    if (!std::filesystem::is_regular_file(path)) return {};
    const hid_t f = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
    return f < 0 ? h5::handle() : h5::handle(f, H5Fclose);
}

std::string string_attr(hid_t obj, const char* name) { return h5::read_string_attr(obj, name).value_or(""); }

// Element [row, column] of a 2-D dataset of doubles, NaN outside its extent.
double element(hid_t ds, hsize_t row, hsize_t column) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    h5::handle fs(H5Dget_space(ds), H5Sclose);
    if (H5Sget_simple_extent_ndims(fs.id()) != 2) return nan;
    hsize_t dims[2] = {0, 0};
    H5Sget_simple_extent_dims(fs.id(), dims, nullptr);
    if (row >= dims[0] || column >= dims[1]) return nan;
    hsize_t start[2] = {row, column}, count[2] = {1, 1};
    H5Sselect_hyperslab(fs.id(), H5S_SELECT_SET, start, nullptr, count, nullptr);
    hsize_t one = 1;
    h5::handle ms(H5Screate_simple(1, &one, nullptr), H5Sclose);
    double v = nan;
    if (H5Dread(ds, H5T_NATIVE_DOUBLE, ms.id(), fs.id(), H5P_DEFAULT, &v) < 0) return nan;
    return v;
}

}  // namespace

bool run_file_complete(const std::string& path) {
    h5::quiet_errors quiet;
    const auto f = open_quietly(path);
    if (!f.valid() || H5Aexists(f.id(), "completed") <= 0) return false;
    h5::handle a(H5Aopen(f.id(), "completed", H5P_DEFAULT), H5Aclose);
    std::int64_t completed = 0;
    if (!a.valid() || H5Aread(a.id(), H5T_NATIVE_INT64, &completed) < 0) return false;
    return completed == 1;
}

std::vector<double> read_run_outcomes(const std::string& path, const std::vector<sweep_outcome>& outcomes) {
    std::vector<double> values(outcomes.size(), std::numeric_limits<double>::quiet_NaN());
    h5::quiet_errors quiet;
    const auto f = open_quietly(path);
    if (!f.valid()) throw input_error("cannot open " + path + " as an HDF5 file");
    const auto start = parse_year_month(string_attr(f.id(), "calendar_start"));
    if (!start || H5Lexists(f.id(), "regions", H5P_DEFAULT) <= 0) return values;
    h5::handle regions(H5Gopen2(f.id(), "regions", H5P_DEFAULT), H5Gclose);
    const auto region_ids = h5::read_strings(regions.id(), "region");
    std::map<std::string, h5::handle> datasets;
    const auto dataset = [&](const std::string& indicator) -> hid_t {
        auto it = datasets.find(indicator);
        if (it == datasets.end()) {
            h5::handle ds;
            if (H5Lexists(regions.id(), indicator.c_str(), H5P_DEFAULT) > 0)
                ds = h5::handle(H5Dopen2(regions.id(), indicator.c_str(), H5P_DEFAULT), H5Dclose);
            it = datasets.emplace(indicator, std::move(ds)).first;
        }
        return it->second.valid() ? it->second.id() : H5I_INVALID_HID;
    };
    // One month's values in every region.
    const auto month_row = [&](hid_t ds, hsize_t row) {
        std::vector<double> v(region_ids.size());
        for (std::size_t r = 0; r < region_ids.size(); ++r) v[r] = element(ds, row, r);
        return v;
    };
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
        const auto& o = outcomes[i];
        const hid_t ds = dataset(o.indicator);
        const int row = o.date.index() - start->index();
        if (ds == H5I_INVALID_HID || row < 0) continue;
        if (o.region == all_regions_outcome) {  // as `laborsim compare` aggregates
            const auto t = traits_of(o.indicator);
            if (!t || t->agg == regional_aggregate::none) continue;
            const auto v = month_row(ds, static_cast<hsize_t>(row));
            std::vector<double> w;
            if (t->agg == regional_aggregate::weighted) {
                const hid_t wds = dataset(t->weight);
                if (wds == H5I_INVALID_HID) continue;
                w = month_row(wds, static_cast<hsize_t>(row));
            }
            values[i] = aggregate_regions(*t, v.data(), w.empty() ? nullptr : w.data(), v.size());
            continue;
        }
        std::size_t column = region_ids.size();
        for (std::size_t r = 0; r < region_ids.size(); ++r)
            if (region_ids[r] == o.region) column = r;
        if (column == region_ids.size()) continue;
        values[i] = element(ds, static_cast<hsize_t>(row), column);
    }
    return values;
}

}  // namespace laborsim
