// The record type is committed to the file as /events/event_record so netCDF readers see
// a named compound type; the file layout is packed little-endian, the memory layout is
// the event_record struct. Tables are neither compressed nor checksummed: their last chunk
// fills over several months and is rewritten in place, where a kill in the middle of the
// write would leave a checksum that no longer matches rows of finished months (h5.hpp).
#include "output/event_writer.hpp"

#include <array>
#include <cstddef>

#include "laborsim/errors.hpp"

namespace laborsim {

namespace {

constexpr hsize_t chunk_records = 8192;

struct member {
    const char* name;
    std::size_t offset;
    hid_t mem_type;
    hid_t file_type;
};

const std::array<member, 14>& members() {
    static const std::array<member, 14> m{{
        {"time", offsetof(event_record, time), H5T_NATIVE_INT32, H5T_STD_I32LE},
        {"month", offsetof(event_record, month), H5T_NATIVE_INT32, H5T_STD_I32LE},
        {"worker_id", offsetof(event_record, worker_id), H5T_NATIVE_UINT32, H5T_STD_U32LE},
        {"region", offsetof(event_record, region), H5T_NATIVE_INT16, H5T_STD_I16LE},
        {"from_region", offsetof(event_record, from_region), H5T_NATIVE_INT16, H5T_STD_I16LE},
        {"firm", offsetof(event_record, firm), H5T_NATIVE_INT32, H5T_STD_I32LE},
        {"school", offsetof(event_record, school), H5T_NATIVE_INT32, H5T_STD_I32LE},
        {"policy", offsetof(event_record, policy), H5T_NATIVE_INT16, H5T_STD_I16LE},
        {"wage_vnd", offsetof(event_record, wage_vnd), H5T_NATIVE_UINT32, H5T_STD_U32LE},
        {"level", offsetof(event_record, level), H5T_NATIVE_INT8, H5T_STD_I8LE},
        {"field", offsetof(event_record, field), H5T_NATIVE_INT8, H5T_STD_I8LE},
        {"status", offsetof(event_record, status), H5T_NATIVE_INT8, H5T_STD_I8LE},
        {"prev_status", offsetof(event_record, prev_status), H5T_NATIVE_INT8, H5T_STD_I8LE},
        {"age_months", offsetof(event_record, age_months), H5T_NATIVE_INT16, H5T_STD_I16LE},
    }};
    return m;
}

h5::handle memory_type() {
    h5::handle t(h5::check_id(H5Tcreate(H5T_COMPOUND, sizeof(event_record)), "compound"), H5Tclose);
    for (const auto& m : members()) h5::check(H5Tinsert(t.id(), m.name, m.offset, m.mem_type), m.name);
    return t;
}

h5::handle file_type() {
    std::size_t size = 0;
    for (const auto& m : members()) size += H5Tget_size(m.file_type);
    h5::handle t(h5::check_id(H5Tcreate(H5T_COMPOUND, size), "compound"), H5Tclose);
    std::size_t offset = 0;
    for (const auto& m : members()) {
        h5::check(H5Tinsert(t.id(), m.name, offset, m.file_type), m.name);
        offset += H5Tget_size(m.file_type);
    }
    return t;
}

const char* describe(event_kind k) {
    switch (k) {
        case event_kind::hire:
            return "worker starts a job at a new employer (from unemployment, school or another job)";
        case event_kind::separation:
            return "worker's job ends (separation, layoff, quit to move or study, retirement, death)";
        case event_kind::enrol: return "worker enters a school";
        case event_kind::graduate:
            return "worker completes a school programme (school >= 0) or a policy course (policy >= 0)";
        case event_kind::migrate: return "worker moves from from_region to region";
        case event_kind::policy: return "worker starts a course paid by a policy (a policy benefit)";
    }
    return "";
}

}  // namespace

event_writer::event_writer(hid_t file, const scenario& sc, const world& w)
    : tracker_(
          [&] {
              std::array<bool, event_kind_count> on{};
              for (const auto& name : sc.output.events) {
                  const auto k = event_kind_from_name(name);
                  if (!k) throw input_error("output.events: unknown event kind " + name);
                  on[static_cast<int>(*k)] = true;
              }
              return on;
          }(),
          w.block_size) {
    group_ = h5::create_group(file, "events");
    h5::set_attr(
        group_.id(), "description",
        std::string("Agent events derived by comparing each worker's state at the end of a month with the month "
                    "before; a round trip within one month (separation and rehire at the same firm) is not seen."));
    write_code_tables(group_.id(), sc);
    mem_type_ = memory_type();
    file_type_ = file_type();
    if (!h5::exists(group_.id(), "event_record"))
        h5::check(H5Tcommit2(group_.id(), "event_record", file_type_.id(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
                  "commit type");
    h5::set_attr(group_.id(), "time_units", "days since " + format_year_month(sc.calendar.start) + "-01");
    std::vector<std::string> kinds;
    for (int k = 0; k < event_kind_count; ++k) {
        const auto kind = static_cast<event_kind>(k);
        if (!tracker_.enabled(kind)) continue;
        kinds.emplace_back(event_kind_names[k]);
        auto& ds =
            datasets_
                .emplace_back(kind, h5::growing_dataset(group_.id(), std::string(event_kind_names[k]), {},
                                                        file_type_.id(), mem_type_.id(), {chunk_records}, nullptr,
                                                        /*compress=*/false, /*checksum=*/false))
                .second;
        // A named dimension per table (netCDF readers would call it phony_dim_N otherwise).
        auto& dim = record_dims_.emplace_back(
            make_bare_dimension(group_.id(), std::string(event_kind_names[k]) + "_record", 0, true));
        h5::attach_scales(ds.id(), {dim.id()});
        h5::set_attr(ds.id(), "long_name", std::string(event_kind_names[k]) + " events");
        h5::set_attr(ds.id(), "description", std::string(describe(kind)));
    }
    h5::set_attr(group_.id(), "kinds", kinds);
    tracker_.start(w.workers);
}

void event_writer::write_month(const world& w, const month_stamp& m) {
    tracker_.step(w.workers, static_cast<std::int32_t>(m.time_days), m.yyyymm, tables_);
    for (std::size_t i = 0; i < datasets_.size(); ++i) {
        auto& [kind, ds] = datasets_[i];
        const auto& t = tables_[static_cast<int>(kind)];
        extend_bare_dimension(record_dims_[i].id(), ds.rows() + t.size());
        ds.append_rows(t.size(), t.data());
    }
}

}  // namespace laborsim
