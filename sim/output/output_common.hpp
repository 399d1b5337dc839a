// Pieces shared by the writers of the output file's optional groups (/panel, /events,
// /snapshots): where a month sits on the time axes, the time coordinate, code tables.
#pragma once
#include <cstdint>
#include <string>

#include "laborsim/calendar.hpp"
#include "laborsim/scenario.hpp"
#include "output/h5.hpp"

namespace laborsim {

struct month_stamp {
    int month_index = 0;         // year*12 + month - 1
    std::int64_t time_days = 0;  // days since the first day of the calendar start
    std::int32_t yyyymm = 0;
};

month_stamp stamp_month(year_month start, int month_index);

// An unlimited `time` coordinate (days since the start, proleptic Gregorian) in `group`,
// as the DESIGN recipe asks: each group carries its own coordinates for xarray.
h5::growing_dataset make_time_coordinate(hid_t group, year_month start);

// Attributes that name the integer codes used in a group: region_ids, policy_ids,
// status_names, education_names, field_names.
void write_code_tables(hid_t obj, const scenario& sc);

// CF flag attributes (flag_values, flag_meanings) for a coded variable.
void write_flag_attrs(hid_t ds, hid_t file_type, int count, const std::string& meanings);

}  // namespace laborsim
