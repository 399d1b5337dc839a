// Each month the workers carrying the panel flag are found by one pass over the flags
// column and placed in their `worker` column by binary search of the sorted panel ids.
// Chunks span one month, so a month is written whole, once, and can be compressed.
#include "output/panel_writer.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/parallel.hpp"

namespace laborsim {

namespace {

constexpr hsize_t max_chunk_workers = 16384;

// A [time, worker] variable with its fill value, units and description.
template <class T>
h5::growing_dataset make_variable(hid_t group, const char* name, hid_t file_type, hid_t mem_type, hsize_t workers,
                                  T fill, const char* units, const char* long_name, hid_t time, hid_t worker) {
    const std::vector<hsize_t> chunk{1, std::max<hsize_t>(1, std::min(workers, max_chunk_workers))};
    h5::growing_dataset ds(group, name, {workers}, file_type, mem_type, chunk, &fill, true);
    h5::set_attr_typed(ds.id(), "_FillValue", file_type, mem_type, &fill);
    if (units[0] != '\0') write_cf_quantity(ds.id(), units, cell_method::point);
    h5::set_attr(ds.id(), "long_name", std::string(long_name));
    h5::attach_scales(ds.id(), {time, worker});
    return ds;
}

std::string joined(const auto& names) {
    std::string s;
    for (const auto& n : names) {
        if (!s.empty()) s += ' ';
        s.append(n.data(), n.size());
    }
    return s;
}

}  // namespace

panel_writer::panel_writer(hid_t file, const scenario& sc, const world& w) {
    const auto& ws = w.workers;
    ids_ = gather_blocks<std::uint32_t>(ws.size(), w.block_size, [&](std::size_t b, std::size_t e, auto& out) {
        for (std::size_t i = b; i < e; ++i)
            if (ws.has(i, worker_flag::panel)) out.push_back(ws.id[i]);
    });
    std::sort(ids_.begin(), ids_.end());
    group_ = h5::create_group(file, "panel");
    if (h5::exists(group_.id(), "worker")) {
        // A resumed run follows the sample chosen at the start, some of whom have left.
        h5::handle ds(h5::check_id(H5Dopen2(group_.id(), "worker", H5P_DEFAULT), "panel worker"), H5Dclose);
        h5::handle space(h5::check_id(H5Dget_space(ds.id()), "panel worker space"), H5Sclose);
        ids_.resize(static_cast<std::size_t>(H5Sget_simple_extent_npoints(space.id())));
        if (!ids_.empty())
            h5::check(H5Dread(ds.id(), H5T_NATIVE_UINT32, H5S_ALL, H5S_ALL, H5P_DEFAULT, ids_.data()), "panel ids");
    }
    const hsize_t P = ids_.size();

    h5::set_attr(
        group_.id(), "description",
        std::string("A random sample of the workers present at the start, followed monthly (state at the end of "
                    "each month). Workers who have left read as the fill value."));
    h5::set_attr(group_.id(), "sample_requested", sc.output.panel);
    write_code_tables(group_.id(), sc);
    time_ = time_axis(group_.id(), sc.calendar.start);
    worker_scale_ = h5::write_column(group_.id(), "worker", H5T_STD_U32LE, H5T_NATIVE_UINT32, P, ids_.data());
    h5::set_scale(worker_scale_.id(), "worker");
    h5::set_attr(worker_scale_.id(), "long_name", std::string("worker id (stable for the run)"));
    // The same ids under an explicit name, for readers that do not resolve dimension scales.
    auto ids = h5::write_column(group_.id(), "worker_id", H5T_STD_U32LE, H5T_NATIVE_UINT32, P, ids_.data());
    h5::attach_scales(ids.id(), {worker_scale_.id()});
    h5::set_attr(ids.id(), "long_name", std::string("worker id (same values as the worker coordinate)"));

    if (P == 0) return;  // nobody to follow: the group holds only its coordinates
    const hid_t t = time_.time.id(), k = worker_scale_.id();
    const hid_t g = group_.id();
    ds_region_ = make_variable<std::int16_t>(g, "region", H5T_STD_I16LE, H5T_NATIVE_INT16, P, -1, "",
                                             "region index into /regions/region (attribute region_ids)", t, k);
    write_flag_attrs(ds_region_.id(), H5T_STD_I16LE, static_cast<int>(sc.regions.size()), [&] {
        std::vector<std::string> r;
        for (const auto& x : sc.regions) r.push_back(x.id);
        return joined(r);
    }());
    ds_status_ =
        make_variable<std::int8_t>(g, "status", H5T_STD_I8LE, H5T_NATIVE_INT8, P, -1, "", "worker status", t, k);
    write_flag_attrs(ds_status_.id(), H5T_STD_I8LE, static_cast<int>(worker_status_names.size()),
                     joined(worker_status_names));
    ds_level_ = make_variable<std::int8_t>(g, "level", H5T_STD_I8LE, H5T_NATIVE_INT8, P, -1, "",
                                           "highest education level", t, k);
    write_flag_attrs(ds_level_.id(), H5T_STD_I8LE, education_count, joined(education_names));
    ds_field_ = make_variable<std::int8_t>(g, "field", H5T_STD_I8LE, H5T_NATIVE_INT8, P, -1, "",
                                           "field of training or work", t, k);
    write_flag_attrs(ds_field_.id(), H5T_STD_I8LE, field_count, joined(field_names));
    ds_wage_ = make_variable<double>(g, "wage_vnd", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, P,
                                     std::numeric_limits<double>::quiet_NaN(), "VND/month",
                                     "monthly wage (the last wage when not employed)", t, k);
    ds_skill_ = make_variable<float>(g, "skill", H5T_IEEE_F32LE, H5T_NATIVE_FLOAT, P,
                                     std::numeric_limits<float>::quiet_NaN(), "log points", "log human capital", t, k);
    ds_age_ =
        make_variable<std::int16_t>(g, "age_months", H5T_STD_I16LE, H5T_NATIVE_INT16, P, -1, "months", "age", t, k);
    ds_employer_ = make_variable<std::int32_t>(g, "employer", H5T_STD_I32LE, H5T_NATIVE_INT32, P, -1, "",
                                               "firm index when employed, school index when a student, else -1", t, k);
}

void panel_writer::write_month(const world& w, const month_stamp& m) {
    const auto& ws = w.workers;
    const std::size_t P = ids_.size();
    region_.assign(P, -1);
    age_months_.assign(P, -1);
    status_.assign(P, -1);
    level_.assign(P, -1);
    field_.assign(P, -1);
    employer_.assign(P, -1);
    wage_vnd_.assign(P, std::numeric_limits<double>::quiet_NaN());
    skill_.assign(P, std::numeric_limits<float>::quiet_NaN());
    if (P > 0) {
        // Each worker fills its own column, so blocks write disjoint slots.
        for_blocks(ws.size(), w.block_size, [&](std::size_t b, std::size_t e) {
            for (std::size_t i = b; i < e; ++i) {
                if (!ws.has(i, worker_flag::panel)) continue;
                const auto it = std::lower_bound(ids_.begin(), ids_.end(), ws.id[i]);
                if (it == ids_.end() || *it != ws.id[i]) continue;
                const auto c = static_cast<std::size_t>(it - ids_.begin());
                region_[c] = static_cast<std::int16_t>(ws.region[i]);
                age_months_[c] = static_cast<std::int16_t>(std::min<int>(ws.age_months[i], 32767));
                status_[c] = static_cast<std::int8_t>(ws.status[i]);
                level_[c] = static_cast<std::int8_t>(ws.level[i]);
                field_[c] = static_cast<std::int8_t>(ws.field[i]);
                employer_[c] = ws.employer_or_school(i);
                wage_vnd_[c] = static_cast<double>(ws.wage_vnd[i]);
                skill_[c] = ws.skill[i];
            }
        });
    }
    time_.append(m);
    if (P == 0) return;
    ds_region_.append(region_.data());
    ds_status_.append(status_.data());
    ds_level_.append(level_.data());
    ds_field_.append(field_.data());
    ds_wage_.append(wage_vnd_.data());
    ds_skill_.append(skill_.data());
    ds_age_.append(age_months_.data());
    ds_employer_.append(employer_.data());
}

}  // namespace laborsim
