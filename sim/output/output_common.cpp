#include "output/output_common.hpp"

#include <numeric>
#include <vector>

#include "laborsim/types.hpp"

namespace laborsim {

month_stamp stamp_month(year_month start, int month_index) {
    const auto ym = year_month::from_index(month_index);
    month_stamp m;
    m.month_index = month_index;
    m.time_days = days_from_civil(ym.year, ym.month, 1) - days_from_civil(start.year, start.month, 1);
    m.yyyymm = ym.year * 100 + ym.month;
    return m;
}

h5::growing_dataset make_time_coordinate(hid_t group, year_month start) {
    h5::growing_dataset time(group, "time", {}, H5T_NATIVE_INT64, 256);
    h5::check(H5DSset_scale(time.id(), "time"), "time scale");
    h5::set_attr(time.id(), "units", "days since " + format_year_month(start) + "-01");
    h5::set_attr(time.id(), "calendar", std::string("proleptic_gregorian"));
    h5::set_attr(time.id(), "long_name", std::string("first day of the simulated month"));
    h5::set_attr(time.id(), "axis", std::string("T"));
    return time;
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
