// Pieces shared by the writers of the output file's optional groups (/panel, /events,
// /snapshots): where a month sits on the time axes, the time coordinate, code tables.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "laborsim/calendar.hpp"
#include "laborsim/scenario.hpp"
#include "output/h5.hpp"

namespace laborsim {

struct month_stamp {
    int month_index = 0;         // year*12 + month - 1
    std::int64_t time_days = 0;  // days since the first day of the calendar start
    std::int32_t yyyymm = 0;
    std::int64_t next_days = 0;  // the first day of the next month, same origin (time_bnds)
};

month_stamp stamp_month(year_month start, int month_index);

// An unlimited `time` coordinate (days since the start, proleptic Gregorian) in `group`,
// as the DESIGN recipe asks: each group carries its own coordinates for xarray; with its
// CF bounds `time_bnds` [time, nv]: the month's first day and the next month's first day
// (a value describes the month whose end state or total is recorded).
struct time_axis {
    h5::growing_dataset time, bounds;
    h5::handle nv;
    time_axis() = default;
    time_axis(hid_t group, year_month start);
    void append(const month_stamp& m);
};

// A netCDF dimension with no coordinate variable (netCDF-C's own marking, so ncdump, the
// netCDF4 engine and h5netcdf name it instead of inventing phony_dim_N): fixed length, or
// unlimited (`size` 0, grown with extend) when `unlimited`.
h5::handle make_bare_dimension(hid_t group, const std::string& name, hsize_t size, bool unlimited);
void extend_bare_dimension(hid_t dim, hsize_t size);

// The UDUNITS form of laborsim's unit words (indicators.hpp, policy series_spec): counts
// ("persons", "jobs", "schools") are "1", per month "month-1", per year "year-1", money
// "1" or "month-1" with currency VND, "log points" and "utility" "1", per 10,000 "1e-4", "agents" "1", "months"
// "month".
struct cf_unit {
    std::string units;
    bool money = false;
};
cf_unit cf_units_of(std::string_view words);

// How a monthly value relates to its month (CF cell_methods).
enum class cell_method : std::uint8_t { point, sum, mean };

// units (UDUNITS), units_metadata (laborsim's words), currency VND for money.
void write_cf_units(hid_t ds, std::string_view words);
// The same and cell_methods.
void write_cf_quantity(hid_t ds, std::string_view words, cell_method method);

// Attributes that name the integer codes used in a group: region_ids, policy_ids,
// status_names, education_names, field_names.
void write_code_tables(hid_t obj, const scenario& sc);

// Fault injection for the kill test (tests/python/test_output_kill.py): with
// LABORSIM_KILL_AT=POINT:N in the environment, the Nth pass of the recorder through POINT
// (indicators, panel, events, snapshot, flush, checkpoint) kills the process with SIGKILL,
// so a test can stop a run in the middle of each kind of write. Unset: nothing happens.
class kill_point {
public:
    kill_point();
    void pass(std::string_view point);

private:
    std::string point_;
    long after_ = 0;
};

// CF flag attributes (flag_values, flag_meanings) for a coded variable.
void write_flag_attrs(hid_t ds, hid_t file_type, int count, const std::string& meanings);

}  // namespace laborsim
