#include "output/h5.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <numeric>

#include "laborsim/errors.hpp"

namespace laborsim::h5 {

namespace {
constexpr unsigned reopen_every_writes = 24;
// The most links HDF5 keeps in a group's object header (compact storage).
constexpr unsigned max_compact_links = 65535;
}  // namespace

handle::handle(hid_t id, closer c) : id_(id), close_(c) {}

handle& handle::operator=(handle&& o) noexcept {
    if (this != &o) {
        reset();
        id_ = o.id_;
        close_ = o.close_;
        o.id_ = -1;
    }
    return *this;
}

void handle::reset() {
    if (id_ >= 0 && close_ != nullptr) close_(id_);
    id_ = -1;
}

quiet_errors::quiet_errors() {
    H5Eget_auto2(H5E_DEFAULT, &func_, &data_);
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
}

quiet_errors::~quiet_errors() { H5Eset_auto2(H5E_DEFAULT, func_, data_); }

std::string last_error_reason() {
    // The file drivers describe a failed system call as "..., errno = 2, error message =
    // '...', ...": the innermost entry with an errno is the OS's reason.
    struct found {
        std::string innermost;
        int errnum = 0;
    } f;
    auto visit = [](unsigned, const H5E_error2_t* e, void* data) -> herr_t {
        auto& out = *static_cast<found*>(data);
        if (e->desc == nullptr) return 0;
        out.innermost = e->desc;
        if (const char* at = std::strstr(e->desc, "errno = ")) out.errnum = std::atoi(at + 8);
        return 0;
    };
    H5Ewalk2(H5E_DEFAULT, H5E_WALK_DOWNWARD, visit, &f);
    if (f.errnum > 0) return std::strerror(f.errnum);
    return f.innermost.empty() ? std::string("HDF5 gave no reason") : f.innermost;
}

void check(herr_t status, const char* what) {
    if (status < 0) throw internal_error(std::string("HDF5 failed: ") + what + ": " + last_error_reason());
}

hid_t check_id(hid_t id, const char* what) {
    if (id < 0) throw internal_error(std::string("HDF5 failed: ") + what + ": " + last_error_reason());
    return id;
}

void check_write(hid_t obj, herr_t status, const char* what) {
    if (status >= 0) return;
    const std::string reason = last_error_reason();
    std::string file = "(unnamed HDF5 file)";
    if (const ssize_t n = H5Fget_name(obj, nullptr, 0); n > 0) {
        file.assign(static_cast<std::size_t>(n) + 1, '\0');
        H5Fget_name(obj, file.data(), file.size());
        file.resize(static_cast<std::size_t>(n));
    }
    throw environment_error(file, std::string("cannot write ") + what, reason);
}

namespace {
handle output_access() {
    handle fapl(check_id(H5Pcreate(H5P_FILE_ACCESS), "fapl"), H5Pclose);
    // Keep the 1.8-compatible format so netCDF-C and older readers open the file.
    check(H5Pset_libver_bounds(fapl.id(), H5F_LIBVER_EARLIEST, H5F_LIBVER_V18), "libver bounds");
    // Drop an object's metadata from the cache when it is closed: snapshots create dozens
    // of datasets a time, and keeping their headers cached grew memory with run length.
    check(H5Pset_evict_on_close(fapl.id(), 1), "evict on close");
    return fapl;
}
}  // namespace

namespace {
std::string file_name(hid_t obj) {
    std::string file;
    if (const ssize_t n = H5Fget_name(obj, nullptr, 0); n > 0) {
        file.assign(static_cast<std::size_t>(n) + 1, '\0');
        H5Fget_name(obj, file.data(), file.size());
        file.resize(static_cast<std::size_t>(n));
    }
    return file;
}
}  // namespace

void flush_file(hid_t obj, const char* what) {
    // The superblock a flush writes records the end of the allocated space (EOA). Written
    // before the last blocks of the file (metadata at the end), a kill in between leaves a
    // file shorter than its superblock says, which HDF5 then refuses to open ("truncated
    // file"). Making the file that long first (a sparse extension) closes that window.
    haddr_t eoa = 0;
    if (H5Fget_eoa(obj, &eoa) >= 0) {
        const std::string path = file_name(obj);
        struct stat st {};
        if (!path.empty() && ::stat(path.c_str(), &st) == 0 && static_cast<haddr_t>(st.st_size) < eoa)
            if (::truncate(path.c_str(), static_cast<off_t>(eoa)) != 0)
                throw os_error(path, std::string("cannot write ") + what, errno);
    }
    check_write(obj, H5Fflush(obj, H5F_SCOPE_GLOBAL), what);
}

handle create_file(const std::string& path) {
    handle fapl = output_access();
    handle fcpl(check_id(H5Pcreate(H5P_FILE_CREATE), "fcpl"), H5Pclose);
    // Track creation order: netCDF-4 readers expect it.
    check(H5Pset_link_creation_order(fcpl.id(), H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED), "creation order");
    check(H5Pset_attr_creation_order(fcpl.id(), H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED), "attr creation order");
    quiet_errors quiet;
    const hid_t f = H5Fcreate(path.c_str(), H5F_ACC_TRUNC, fcpl.id(), fapl.id());
    if (f < 0) throw environment_error(path, "cannot create the output file", last_error_reason());
    return handle(f, H5Fclose);
}

handle open_file_for_append(const std::string& path) {
    handle fapl = output_access();
    quiet_errors quiet;
    const hid_t f = H5Fopen(path.c_str(), H5F_ACC_RDWR, fapl.id());
    if (f < 0) throw environment_error(path, "cannot reopen the output file", last_error_reason());
    return handle(f, H5Fclose);
}

handle open_file_readonly(const std::string& path) {
    quiet_errors quiet;
    const hid_t f = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
    if (f >= 0) return handle(f, H5Fclose);
    // A file the user named that is missing or not HDF5 is their input; one the OS will
    // not let us read is the environment's.
    if (access(path.c_str(), F_OK) == 0 && access(path.c_str(), R_OK) != 0)
        throw os_error(path, "cannot read the file", errno);
    throw input_error("cannot open " + path + " as an HDF5 file");
}

bool exists(hid_t parent, const std::string& name) { return H5Lexists(parent, name.c_str(), H5P_DEFAULT) > 0; }

handle create_group(hid_t parent, const std::string& name) {
    if (exists(parent, name))
        return handle(check_id(H5Gopen2(parent, name.c_str(), H5P_DEFAULT), name.c_str()), H5Gclose);
    handle gcpl(check_id(H5Pcreate(H5P_GROUP_CREATE), "gcpl"), H5Pclose);
    check(H5Pset_link_creation_order(gcpl.id(), H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED), "creation order");
    return handle(check_id(H5Gcreate2(parent, name.c_str(), H5P_DEFAULT, gcpl.id(), H5P_DEFAULT), name.c_str()),
                  H5Gclose);
}

handle create_append_only_group(hid_t parent, const std::string& name) {
    if (exists(parent, name))
        return handle(check_id(H5Gopen2(parent, name.c_str(), H5P_DEFAULT), name.c_str()), H5Gclose);
    handle gcpl(check_id(H5Pcreate(H5P_GROUP_CREATE), "gcpl"), H5Pclose);
    check(H5Pset_link_creation_order(gcpl.id(), H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED), "creation order");
    check(H5Pset_link_phase_change(gcpl.id(), max_compact_links, max_compact_links), "compact links");
    return handle(check_id(H5Gcreate2(parent, name.c_str(), H5P_DEFAULT, gcpl.id(), H5P_DEFAULT), name.c_str()),
                  H5Gclose);
}

handle create_unlinked_group(hid_t file) {
    handle gcpl(check_id(H5Pcreate(H5P_GROUP_CREATE), "gcpl"), H5Pclose);
    check(H5Pset_link_creation_order(gcpl.id(), H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED), "creation order");
    return handle(check_id(H5Gcreate_anon(file, gcpl.id(), H5P_DEFAULT), "unlinked group"), H5Gclose);
}

void link_object(hid_t obj, hid_t parent, const std::string& name) {
    check_write(obj, H5Olink(obj, parent, name.c_str(), H5P_DEFAULT, H5P_DEFAULT), name.c_str());
}

handle utf8_string_type() {
    handle t(check_id(H5Tcopy(H5T_C_S1), "string type"), H5Tclose);
    check(H5Tset_size(t.id(), H5T_VARIABLE), "string size");
    check(H5Tset_cset(t.id(), H5T_CSET_UTF8), "string cset");
    return t;
}

namespace {
handle scalar_space() { return handle(check_id(H5Screate(H5S_SCALAR), "scalar space"), H5Sclose); }

handle fresh_attr(hid_t obj, const std::string& name, hid_t type) {
    if (H5Aexists(obj, name.c_str()) > 0) check(H5Adelete(obj, name.c_str()), "delete attribute");
    auto space = scalar_space();
    return handle(check_id(H5Acreate2(obj, name.c_str(), type, space.id(), H5P_DEFAULT, H5P_DEFAULT), name.c_str()),
                  H5Aclose);
}
// Overwrites an existing scalar numeric attribute of the same class in place: the monthly
// months_completed and wall_time_s updates then touch no file space.
bool update_scalar_attr(hid_t obj, const std::string& name, hid_t mem_type, const void* value) {
    if (H5Aexists(obj, name.c_str()) <= 0) return false;
    handle a(check_id(H5Aopen(obj, name.c_str(), H5P_DEFAULT), name.c_str()), H5Aclose);
    handle t(check_id(H5Aget_type(a.id()), "attribute type"), H5Tclose);
    handle sp(check_id(H5Aget_space(a.id()), "attribute space"), H5Sclose);
    if (H5Tget_class(t.id()) != H5Tget_class(mem_type) || H5Sget_simple_extent_type(sp.id()) != H5S_SCALAR)
        return false;
    check(H5Awrite(a.id(), mem_type, value), name.c_str());
    return true;
}
}  // namespace

void set_attr(hid_t obj, const std::string& name, const std::string& value) {
    auto type = utf8_string_type();
    auto a = fresh_attr(obj, name, type.id());
    const char* p = value.c_str();
    check(H5Awrite(a.id(), type.id(), &p), name.c_str());
}

void set_attr(hid_t obj, const std::string& name, std::int64_t value) {
    if (update_scalar_attr(obj, name, H5T_NATIVE_INT64, &value)) return;
    auto a = fresh_attr(obj, name, H5T_STD_I64LE);
    check(H5Awrite(a.id(), H5T_NATIVE_INT64, &value), name.c_str());
}

void set_attr(hid_t obj, const std::string& name, double value) {
    if (update_scalar_attr(obj, name, H5T_NATIVE_DOUBLE, &value)) return;
    auto a = fresh_attr(obj, name, H5T_IEEE_F64LE);
    check(H5Awrite(a.id(), H5T_NATIVE_DOUBLE, &value), name.c_str());
}

void set_attr(hid_t obj, const std::string& name, const std::vector<std::string>& values) {
    if (H5Aexists(obj, name.c_str()) > 0) check(H5Adelete(obj, name.c_str()), "delete attribute");
    auto type = utf8_string_type();
    const hsize_t n = values.size();
    handle space(check_id(H5Screate_simple(1, &n, nullptr), "space"), H5Sclose);
    handle a(check_id(H5Acreate2(obj, name.c_str(), type.id(), space.id(), H5P_DEFAULT, H5P_DEFAULT), name.c_str()),
             H5Aclose);
    std::vector<const char*> ptrs;
    for (const auto& v : values) ptrs.push_back(v.c_str());
    if (n > 0) check(H5Awrite(a.id(), type.id(), ptrs.data()), name.c_str());
}

void set_attr_typed(hid_t obj, const std::string& name, hid_t file_type, hid_t mem_type, const void* value) {
    auto a = fresh_attr(obj, name, file_type);
    check(H5Awrite(a.id(), mem_type, value), name.c_str());
}

void set_attr_array(hid_t obj, const std::string& name, hid_t file_type, hid_t mem_type, hsize_t n,
                    const void* values) {
    if (H5Aexists(obj, name.c_str()) > 0) check(H5Adelete(obj, name.c_str()), "delete attribute");
    handle space(check_id(H5Screate_simple(1, &n, nullptr), "space"), H5Sclose);
    handle a(check_id(H5Acreate2(obj, name.c_str(), file_type, space.id(), H5P_DEFAULT, H5P_DEFAULT), name.c_str()),
             H5Aclose);
    check(H5Awrite(a.id(), mem_type, values), name.c_str());
}

handle write_string_scale(hid_t group, const std::string& name, const std::vector<std::string>& values) {
    if (exists(group, name))
        return handle(check_id(H5Dopen2(group, name.c_str(), H5P_DEFAULT), name.c_str()), H5Dclose);
    auto type = utf8_string_type();
    const hsize_t n = values.size();
    handle space(check_id(H5Screate_simple(1, &n, nullptr), "space"), H5Sclose);
    handle ds(check_id(H5Dcreate2(group, name.c_str(), type.id(), space.id(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
                       name.c_str()),
              H5Dclose);
    std::vector<const char*> ptrs;
    for (const auto& v : values) ptrs.push_back(v.c_str());
    if (n > 0) check(H5Dwrite(ds.id(), type.id(), H5S_ALL, H5S_ALL, H5P_DEFAULT, ptrs.data()), name.c_str());
    set_scale(ds.id(), name.c_str());
    return ds;
}

growing_dataset::growing_dataset(hid_t group, const std::string& name, std::vector<hsize_t> inner_dims, hid_t mem_type)
    : inner_(std::move(inner_dims)), mem_type_(mem_type) {
    std::vector<hsize_t> chunk{1};  // a month a chunk, written once
    for (auto d : inner_) chunk.push_back(std::max<hsize_t>(1, d));
    const double zero = 0;
    const bool is_double = mem_type == H5T_NATIVE_DOUBLE;
    // Small series appended a row a month: uncompressed (see create).
    create(group, name, is_double ? H5T_IEEE_F64LE : H5T_STD_I64LE, chunk, is_double ? &zero : nullptr, false, true);
}

growing_dataset::growing_dataset(hid_t group, const std::string& name, std::vector<hsize_t> inner_dims, hid_t file_type,
                                 hid_t mem_type, std::vector<hsize_t> chunk, const void* fill, bool compress,
                                 bool checksum)
    : inner_(std::move(inner_dims)), mem_type_(mem_type) {
    create(group, name, file_type, chunk, fill, compress, checksum);
}

// A compressed chunk that is rewritten (because it was only partly filled) moves to a new
// place in the file, and HDF5 may hand its old space to the next allocation before the
// next flush: a run killed in between would lose data of months already flushed. An
// uncompressed chunk is rewritten in place. So tables whose chunks fill over several
// months (events) stay uncompressed (and without checksum, h5.hpp); monthly series have a
// chunk a month, and chunks written whole, once (panel rows, snapshot columns), are compressed.
void growing_dataset::create(hid_t group, const std::string& name, hid_t file_type, const std::vector<hsize_t>& chunk,
                             const void* fill, bool compress, bool checksum) {
    const int rank = static_cast<int>(inner_.size()) + 1;
    if (static_cast<int>(chunk.size()) != rank) throw internal_error("chunk rank mismatch for " + name);
    std::vector<hsize_t> dims{0}, maxdims{H5S_UNLIMITED};
    for (auto d : inner_) {
        dims.push_back(d);
        maxdims.push_back(d);
    }
    handle space(check_id(H5Screate_simple(rank, dims.data(), maxdims.data()), "space"), H5Sclose);
    handle dcpl(check_id(H5Pcreate(H5P_DATASET_CREATE), "dcpl"), H5Pclose);
    check(H5Pset_chunk(dcpl.id(), rank, chunk.data()), "chunk");
    if (compress) {
        // Level 1: these chunks are written every month (panel rows), where deflate took
        // a fifth of the run time at level 4.
        check(H5Pset_shuffle(dcpl.id()), "shuffle");
        check(H5Pset_deflate(dcpl.id(), 1), "deflate");
    }
    // A checksum per chunk: a damaged file reads as an error naming the dataset, not as
    // wrong numbers (for chunks written once: see the class comment).
    if (checksum) check(H5Pset_fletcher32(dcpl.id()), "fletcher32");
    if (fill != nullptr) check(H5Pset_fill_value(dcpl.id(), mem_type_, fill), "fill");
    // Appends touch only the last chunk: a cache of one chunk, evicting written chunks
    // first, keeps memory flat (the default 1 MiB per dataset fills up as chunks accumulate).
    hsize_t chunk_bytes = H5Tget_size(file_type);
    for (auto c : chunk) chunk_bytes *= c;
    dapl_ = handle(check_id(H5Pcreate(H5P_DATASET_ACCESS), "dapl"), H5Pclose);
    check(H5Pset_chunk_cache(dapl_.id(), 11, static_cast<std::size_t>(chunk_bytes), 1.0), "chunk cache");
    group_ = group;
    name_ = name;
    if (exists(group, name)) {  // a resumed run: carry on after the rows already there
        dataset_ = handle(check_id(H5Dopen2(group, name.c_str(), dapl_.id()), name.c_str()), H5Dclose);
        handle fspace(check_id(H5Dget_space(dataset_.id()), "space"), H5Sclose);
        std::vector<hsize_t> now(static_cast<std::size_t>(rank));
        check(H5Sget_simple_extent_dims(fspace.id(), now.data(), nullptr), "extent");
        rows_ = now[0];
        return;
    }
    dataset_ =
        handle(check_id(H5Dcreate2(group, name.c_str(), file_type, space.id(), H5P_DEFAULT, dcpl.id(), dapl_.id()),
                        name.c_str()),
               H5Dclose);
}

void growing_dataset::append(const void* row) { write_row(rows_, row); }

void growing_dataset::append_rows(hsize_t count, const void* rows) {
    if (count > 0) write_rows(rows_, count, rows);
}

void growing_dataset::write_row(hsize_t index, const void* row) { write_rows(index, 1, row); }

void growing_dataset::write_rows(hsize_t index, hsize_t count, const void* rows) {
    // The chunk index grows by a node every few dozen chunks and HDF5 keeps the nodes of
    // an open dataset cached, so memory would grow with run length. Now and then, before
    // a write (the recorder writes each dataset once between flushes, so its metadata is
    // clean here and nothing is written early), drop the dataset's cached metadata.
    // Closing evicts it (the file is opened with evict-on-close); reopening is cheap.
    if (++writes_ % reopen_every_writes == 0) {
        dataset_.reset();
        dataset_ = handle(check_id(H5Dopen2(group_, name_.c_str(), dapl_.id()), name_.c_str()), H5Dclose);
    }
    if (index + count > rows_) {
        std::vector<hsize_t> dims{index + count};
        dims.insert(dims.end(), inner_.begin(), inner_.end());
        check(H5Dset_extent(dataset_.id(), dims.data()), "extend");
        rows_ = index + count;
    }
    handle fspace(check_id(H5Dget_space(dataset_.id()), "space"), H5Sclose);
    std::vector<hsize_t> start{index}, counts{count};
    for (auto d : inner_) {
        start.push_back(0);
        counts.push_back(d);
    }
    check(H5Sselect_hyperslab(fspace.id(), H5S_SELECT_SET, start.data(), nullptr, counts.data(), nullptr), "select");
    handle mspace(check_id(H5Screate_simple(static_cast<int>(counts.size()), counts.data(), nullptr), "mspace"),
                  H5Sclose);
    check_write(dataset_.id(), H5Dwrite(dataset_.id(), mem_type_, mspace.id(), fspace.id(), H5P_DEFAULT, rows),
                name_.c_str());
}

void attach_scales(hid_t ds, std::initializer_list<hid_t> scales) {
    unsigned dim = 0;
    for (hid_t s : scales) {
        if (H5DSis_attached(ds, s, dim) <= 0) check(H5DSattach_scale(ds, s, dim), "attach scale");
        ++dim;
    }
}

void set_scale(hid_t ds, const char* name) {
    if (H5DSis_scale(ds) <= 0) check(H5DSset_scale(ds, name), "set scale");
}

handle write_column(hid_t group, const std::string& name, hid_t file_type, hid_t mem_type, hsize_t n,
                    const void* data) {
    if (exists(group, name))
        return handle(check_id(H5Dopen2(group, name.c_str(), H5P_DEFAULT), name.c_str()), H5Dclose);
    handle space(check_id(H5Screate_simple(1, &n, nullptr), "space"), H5Sclose);
    handle dcpl(check_id(H5Pcreate(H5P_DATASET_CREATE), "dcpl"), H5Pclose);
    if (n > 0) {
        // Chunks of at most 64 Ki values keep partial reads cheap.
        const hsize_t chunk = std::min<hsize_t>(n, 65536);
        check(H5Pset_chunk(dcpl.id(), 1, &chunk), "chunk");
        check(H5Pset_shuffle(dcpl.id()), "shuffle");
        check(H5Pset_deflate(dcpl.id(), 4), "deflate");
        check(H5Pset_fletcher32(dcpl.id()), "fletcher32");
    }
    handle ds(check_id(H5Dcreate2(group, name.c_str(), file_type, space.id(), H5P_DEFAULT, dcpl.id(), H5P_DEFAULT),
                       name.c_str()),
              H5Dclose);
    if (n > 0) check_write(ds.id(), H5Dwrite(ds.id(), mem_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, data), name.c_str());
    return ds;
}

}  // namespace laborsim::h5
