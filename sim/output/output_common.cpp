#include "output/output_common.hpp"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <numeric>
#include <vector>

#include "laborsim/errors.hpp"
#include "laborsim/types.hpp"

namespace laborsim {

month_stamp stamp_month(year_month start, int month_index) {
    const auto ym = year_month::from_index(month_index);
    month_stamp m;
    m.month_index = month_index;
    m.time_days = days_from_civil(ym.year, ym.month, 1) - days_from_civil(start.year, start.month, 1);
    m.yyyymm = ym.year * 100 + ym.month;
    const auto next = year_month::from_index(month_index + 1);
    m.next_days = days_from_civil(next.year, next.month, 1) - days_from_civil(start.year, start.month, 1);
    return m;
}

time_axis::time_axis(hid_t group, year_month start) {
    time = h5::growing_dataset(group, "time", {}, H5T_NATIVE_INT64);
    h5::set_scale(time.id(), "time");
    const std::string units = "days since " + format_year_month(start) + "-01";
    h5::set_attr(time.id(), "units", units);
    h5::set_attr(time.id(), "calendar", std::string("proleptic_gregorian"));
    h5::set_attr(time.id(), "long_name", std::string("simulated month"));
    h5::set_attr(time.id(), "description",
                 std::string("first day of the simulated month; values are its end state (stocks) or its total "
                             "(flows), see cell_methods and time_bnds"));
    h5::set_attr(time.id(), "standard_name", std::string("time"));
    h5::set_attr(time.id(), "axis", std::string("T"));
    h5::set_attr(time.id(), "bounds", std::string("time_bnds"));
    nv = make_bare_dimension(group, "nv", 2, false);
    bounds = h5::growing_dataset(group, "time_bnds", {2}, H5T_NATIVE_INT64);
    h5::attach_scales(bounds.id(), {time.id(), nv.id()});
    h5::set_attr(bounds.id(), "long_name", std::string("bounds of the simulated month"));
}

void time_axis::append(const month_stamp& m) {
    time.append(&m.time_days);
    const std::int64_t b[2] = {m.time_days, m.next_days};
    bounds.append(b);
}

h5::handle make_bare_dimension(hid_t group, const std::string& name, hsize_t size, bool unlimited) {
    if (h5::exists(group, name))
        return h5::handle(h5::check_id(H5Dopen2(group, name.c_str(), H5P_DEFAULT), name.c_str()), H5Dclose);
    const hsize_t dims[1] = {size};
    const hsize_t maxdims[1] = {unlimited ? H5S_UNLIMITED : size};
    h5::handle space(h5::check_id(H5Screate_simple(1, dims, maxdims), "dimension space"), H5Sclose);
    h5::handle dcpl(h5::check_id(H5Pcreate(H5P_DATASET_CREATE), "dimension dcpl"), H5Pclose);
    if (unlimited) {
        const hsize_t chunk[1] = {1024};
        h5::check(H5Pset_chunk(dcpl.id(), 1, chunk), "dimension chunk");
    }
    // Never written: no storage is allocated, readers see the netCDF fill value.
    h5::check(H5Pset_fill_time(dcpl.id(), H5D_FILL_TIME_NEVER), "dimension fill");
    h5::handle ds(
        h5::check_id(H5Dcreate2(group, name.c_str(), H5T_IEEE_F32LE, space.id(), H5P_DEFAULT, dcpl.id(), H5P_DEFAULT),
                     "dimension"),
        H5Dclose);
    // netCDF-C's marker for a dimension without a variable, with the length in 10 columns.
    char marker[80];
    std::snprintf(marker, sizeof marker, "This is a netCDF dimension but not a netCDF variable.%10d",
                  static_cast<int>(size));
    h5::check(H5DSset_scale(ds.id(), marker), "dimension scale");
    return ds;
}

void extend_bare_dimension(hid_t dim, hsize_t size) {
    const hsize_t dims[1] = {size};
    h5::check_write(dim, H5Dset_extent(dim, dims), "a dimension");
}

kill_point::kill_point() {
    const char* spec = std::getenv("LABORSIM_KILL_AT");
    if (spec == nullptr) return;
    const std::string s(spec);
    const auto colon = s.find(':');
    point_ = s.substr(0, colon);
    after_ = colon == std::string::npos ? 1 : std::atol(s.c_str() + colon + 1);
}

void kill_point::pass(std::string_view point) {
    if (point_.empty() || point != point_) return;
    if (--after_ <= 0) std::raise(SIGKILL);
}

cf_unit cf_units_of(std::string_view words) {
    if (words == "1" || words == "persons" || words == "jobs" || words == "schools" || words == "log points" ||
        words == "utility" || words == "agents")
        return {"1"};
    if (words == "persons/month" || words == "1/month" || words == "agents/month") return {"month-1"};
    if (words == "months") return {"month"};
    if (words == "persons/year") return {"year-1"};
    if (words == "1/10000 persons") return {"1e-4"};
    if (words == "VND") return {"1", true};
    if (words == "VND/month") return {"month-1", true};
    throw internal_error("no UDUNITS form for the unit \"" + std::string(words) + "\" (output_common.cpp)");
}

void write_cf_units(hid_t ds, std::string_view words) {
    const auto cf = cf_units_of(words);
    h5::set_attr(ds, "units", cf.units);
    h5::set_attr(ds, "units_metadata", std::string(words));
    if (cf.money) h5::set_attr(ds, "currency", std::string("VND"));
}

void write_cf_quantity(hid_t ds, std::string_view words, cell_method method) {
    write_cf_units(ds, words);
    const char* m = method == cell_method::sum    ? "time: sum"
                    : method == cell_method::mean ? "time: mean"
                                                  : "time: point";
    h5::set_attr(ds, "cell_methods", std::string(m));
}

void write_code_tables(hid_t obj, const scenario& sc) {
    std::vector<std::string> regions, policies;
    for (const auto& r : sc.regions) regions.push_back(r.id);
    for (const auto& p : sc.policies) policies.push_back(p.id);
    h5::set_attr(obj, "region_ids", regions);
    // An empty list would be a zero-length attribute, which some netCDF readers reject.
    if (!policies.empty()) h5::set_attr(obj, "policy_ids", policies);
    h5::set_attr(obj, "status_names", std::vector<std::string>(worker_status_names.begin(), worker_status_names.end()));
    h5::set_attr(obj, "education_names", std::vector<std::string>(education_names.begin(), education_names.end()));
    h5::set_attr(obj, "field_names", std::vector<std::string>(field_names.begin(), field_names.end()));
}

void write_flag_attrs(hid_t ds, hid_t file_type, int count, const std::string& meanings) {
    std::vector<int> values(static_cast<std::size_t>(count));
    std::iota(values.begin(), values.end(), 0);
    h5::set_attr_array(ds, "flag_values", file_type, H5T_NATIVE_INT, values.size(), values.data());
    h5::set_attr(ds, "flag_meanings", meanings);
}

}  // namespace laborsim
