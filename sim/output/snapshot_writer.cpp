// Snapshots cost one sort of the worker indices by id and one temporary column at a time,
// so their memory is that of the agents, whatever the run length.
#include "output/snapshot_writer.hpp"

#include <numeric>

#include "core/parallel.hpp"

namespace laborsim {

namespace {

template <class T>
void write_gathered(hid_t group, const char* name, hid_t file_type, hid_t mem_type, const std::vector<T>& column,
                    const std::vector<std::uint32_t>& order, hid_t scale, std::size_t block, const char* long_name,
                    const char* units = "") {
    std::vector<T> out(order.size());
    for_blocks(order.size(), block, [&](std::size_t b, std::size_t e) {
        for (std::size_t k = b; k < e; ++k) out[k] = column[order[k]];
    });
    auto ds = h5::write_column(group, name, file_type, mem_type, out.size(), out.data());
    if (scale >= 0) h5::attach_scales(ds.id(), {scale});
    h5::set_attr(ds.id(), "long_name", std::string(long_name));
    if (units[0] != '\0') write_cf_units(ds.id(), units);
}

template <class T>
void write_plain(hid_t group, const char* name, hid_t file_type, hid_t mem_type, const std::vector<T>& column,
                 hid_t scale, const char* long_name, const char* units = "") {
    auto ds = h5::write_column(group, name, file_type, mem_type, column.size(), column.data());
    h5::attach_scales(ds.id(), {scale});
    h5::set_attr(ds.id(), "long_name", std::string(long_name));
    if (units[0] != '\0') write_cf_units(ds.id(), units);
}

h5::handle index_scale(hid_t group, const char* name, std::size_t n, const char* long_name) {
    std::vector<std::uint32_t> idx(n);
    std::iota(idx.begin(), idx.end(), 0u);
    auto s = h5::write_column(group, name, H5T_STD_U32LE, H5T_NATIVE_UINT32, n, idx.data());
    h5::set_scale(s.id(), name);
    h5::set_attr(s.id(), "long_name", std::string(long_name));
    return s;
}

void write_workers(hid_t g, const world& w) {
    const auto& ws = w.workers;
    std::vector<std::uint32_t> order(ws.size());
    std::iota(order.begin(), order.end(), 0u);
    const std::size_t B = w.block_size;
    stable_sort_blocks(order, B, [&](std::uint32_t a, std::uint32_t b) { return ws.id[a] < ws.id[b]; });
    {
        std::vector<std::uint32_t> ids(order.size());
        for (std::size_t k = 0; k < order.size(); ++k) ids[k] = ws.id[order[k]];
        auto s = h5::write_column(g, "worker", H5T_STD_U32LE, H5T_NATIVE_UINT32, ids.size(), ids.data());
        h5::set_scale(s.id(), "worker");
        h5::set_attr(s.id(), "long_name", std::string("worker id (stable for the run)"));
        const hid_t k = s.id();
        write_gathered(g, "region", H5T_STD_U16LE, H5T_NATIVE_UINT16, ws.region, order, k, B,
                       "region index (attribute region_ids)");
        write_gathered(g, "age_months", H5T_STD_U16LE, H5T_NATIVE_UINT16, ws.age_months, order, k, B, "age", "months");
        write_gathered(g, "months_in_status", H5T_STD_U16LE, H5T_NATIVE_UINT16, ws.months_in_status, order, k, B,
                       "months in the current status", "months");
        write_gathered(g, "flags", H5T_STD_U8LE, H5T_NATIVE_UINT8, ws.flags, order, k, B,
                       "bits: 1 female, 2 rural, 4 mismatched, 8 panel, 16 trained_by_policy, 32 moved, 64 placement");
        write_gathered(g, "level", H5T_STD_U8LE, H5T_NATIVE_UINT8, ws.level, order, k, B,
                       "education level (education_names)");
        write_gathered(g, "field", H5T_STD_U8LE, H5T_NATIVE_UINT8, ws.field, order, k, B, "field (field_names)");
        write_gathered(g, "status", H5T_STD_U8LE, H5T_NATIVE_UINT8, ws.status, order, k, B, "status (status_names)");
        write_gathered(g, "course", H5T_STD_U8LE, H5T_NATIVE_UINT8, ws.course, order, k, B,
                       "policy index of a running course (policy_ids), 255 none");
        write_gathered(g, "course_months_left", H5T_STD_U8LE, H5T_NATIVE_UINT8, ws.course_months_left, order, k, B,
                       "months left in the policy course", "months");
        write_gathered(g, "skill", H5T_IEEE_F32LE, H5T_NATIVE_FLOAT, ws.skill, order, k, B, "log human capital",
                       "log points");
        std::vector<std::int32_t> employer(ws.size());
        for (std::size_t i = 0; i < ws.size(); ++i) employer[i] = ws.employer_or_school(i);
        write_gathered(g, "employer", H5T_STD_I32LE, H5T_NATIVE_INT32, employer, order, k, B,
                       "firm index (employed) or school index (student), -1 otherwise (also abroad)");
        write_gathered(g, "wage_vnd", H5T_STD_U32LE, H5T_NATIVE_UINT32, ws.wage_vnd, order, k, B,
                       "monthly wage (the last wage when not employed)", "VND/month");
    }
}

void write_firms(hid_t parent, const world& w) {
    auto g = h5::create_group(parent, "firms");
    const auto& fs = w.firms;
    auto s = index_scale(g.id(), "firm", fs.size(), "firm index (the employer column of workers)");
    const hid_t k = s.id();
    write_plain(g.id(), "region", H5T_STD_U16LE, H5T_NATIVE_UINT16, fs.region, k, "region index");
    write_plain(g.id(), "field", H5T_STD_U8LE, H5T_NATIVE_UINT8, fs.field, k, "field of the jobs offered");
    write_plain(g.id(), "min_level", H5T_STD_U8LE, H5T_NATIVE_UINT8, fs.min_level, k, "education level required");
    write_plain(g.id(), "is_public", H5T_STD_U8LE, H5T_NATIVE_UINT8, fs.is_public, k, "1: public employer");
    write_plain(g.id(), "log_productivity", H5T_IEEE_F32LE, H5T_NATIVE_FLOAT, fs.log_productivity, k,
                "permanent log productivity", "log points");
    write_plain(g.id(), "shock", H5T_IEEE_F32LE, H5T_NATIVE_FLOAT, fs.shock, k, "transitory log productivity",
                "log points");
    write_plain(g.id(), "headcount", H5T_STD_I32LE, H5T_NATIVE_INT32, fs.headcount, k, "workers employed", "agents");
    write_plain(g.id(), "desired", H5T_STD_I32LE, H5T_NATIVE_INT32, fs.desired, k, "desired headcount", "agents");
    write_plain(g.id(), "vacancies", H5T_STD_I32LE, H5T_NATIVE_INT32, fs.vacancies, k, "open vacancies", "agents");
}

void write_schools(hid_t parent, const world& w, const scenario& sc) {
    auto g = h5::create_group(parent, "schools");
    const auto& ss = w.schools;
    std::vector<std::string> ids;
    for (std::size_t s = 0; s < ss.size(); ++s)
        ids.push_back(s < sc.schools.size() ? sc.schools[s].id : std::to_string(s));
    auto scale = h5::write_string_scale(g.id(), "school", ids);
    h5::set_attr(scale.id(), "long_name", std::string("school id (row i is school index i)"));
    const hid_t k = scale.id();
    write_plain(g.id(), "region", H5T_STD_U16LE, H5T_NATIVE_UINT16, ss.region, k, "region index");
    write_plain(g.id(), "kind", H5T_STD_U8LE, H5T_NATIVE_UINT8, ss.kind, k, "school kind");
    write_plain(g.id(), "field", H5T_STD_U8LE, H5T_NATIVE_UINT8, ss.field, k, "field taught");
    write_plain(g.id(), "open", H5T_STD_U8LE, H5T_NATIVE_UINT8, ss.open, k, "1: open, 0: closed");
    write_plain(g.id(), "enrolled", H5T_STD_I32LE, H5T_NATIVE_INT32, ss.enrolled, k, "students enrolled", "agents");
    write_plain(g.id(), "seats_per_month", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, ss.seats_per_month, k, "seats per month",
                "agents/month");
}

}  // namespace

snapshot_writer::snapshot_writer(hid_t file, const scenario& sc) : sc_(&sc), every_(sc.output.snapshots_every_months) {
    group_ = h5::create_append_only_group(file, "snapshots");
    h5::set_attr(group_.id(), "every_months", static_cast<std::int64_t>(every_));
    h5::set_attr(group_.id(), "description",
                 std::string("Agent tables at the end of the month named by each subgroup (YYYY-MM)."));
    write_code_tables(group_.id(), sc);
}

void snapshot_writer::maybe_write(const world& w, const month_stamp& m, int months_done, kill_point& kill) {
    if (every_ <= 0 || months_done % every_ != 0) return;
    const std::string name = format_year_month(year_month::from_index(m.month_index));
    // Written unlinked and flushed, then linked: a kill before the link loses only this
    // month's snapshot, never /snapshots (see h5::create_unlinked_group).
    auto g = h5::create_unlinked_group(group_.id());
    h5::set_attr(g.id(), "month", name);
    h5::set_attr(g.id(), "time_days", m.time_days);
    h5::set_attr(g.id(), "time_units", "days since " + format_year_month(sc_->calendar.start) + "-01");
    write_workers(g.id(), w);
    kill.pass("snapshot");
    write_firms(g.id(), w);
    write_schools(g.id(), w, *sc_);
    h5::flush_file(g.id(), "a snapshot");
    h5::link_object(g.id(), group_.id(), name);
    ++written_;
}

}  // namespace laborsim
