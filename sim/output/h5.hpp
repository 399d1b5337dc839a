// A thin RAII layer over the HDF5 C API: owned handles, attributes, and 1-3 dimensional
// datasets that grow along an unlimited first (time) dimension.
#pragma once
#include <hdf5.h>
#include <hdf5_hl.h>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

namespace laborsim::h5 {

class handle {
public:
    using closer = herr_t (*)(hid_t);
    handle() = default;
    handle(hid_t id, closer c);
    handle(handle&& o) noexcept : id_(o.id_), close_(o.close_) { o.id_ = -1; }
    handle& operator=(handle&& o) noexcept;
    handle(const handle&) = delete;
    handle& operator=(const handle&) = delete;
    ~handle() { reset(); }
    void reset();
    // Gives up ownership (to close it with a checked call) and returns the id.
    [[nodiscard]] hid_t release() {
        const hid_t id = id_;
        id_ = -1;
        return id;
    }
    [[nodiscard]] hid_t id() const { return id_; }
    [[nodiscard]] bool valid() const { return id_ >= 0; }

private:
    hid_t id_ = -1;
    closer close_ = nullptr;
};

// Silences HDF5's automatic error printing (a diagnostic stack on stderr) for the life of
// the object and restores what was set before, so a library user's own setting survives.
// Every entry point that calls HDF5 holds one; failures become exceptions with one line.
class quiet_errors {
public:
    quiet_errors();
    ~quiet_errors();
    quiet_errors(const quiet_errors&) = delete;
    quiet_errors& operator=(const quiet_errors&) = delete;

private:
    H5E_auto2_t func_ = nullptr;
    void* data_ = nullptr;
};

// The reason HDF5 gives for its last failure on this thread: the OS's words where a system
// call failed ("No such file or directory"), else the innermost HDF5 message.
std::string last_error_reason();

// Throws environment_error naming `path` when the file cannot be created.
handle create_file(const std::string& path);
// Opens an output file to continue it (a resumed run), with the access settings of create_file.
handle open_file_for_append(const std::string& path);
// Throws input_error when `path` is missing or not an HDF5 file, environment_error when
// the OS refuses to read it.
handle open_file_readonly(const std::string& path);
// Creating an object whose name exists opens it instead (keeping its content): that is how a
// resumed run picks up its file (sim/output/checkpoint.cpp), after removing what came after
// the checkpoint. A fresh file never holds the name, so a new run always creates.
bool exists(hid_t parent, const std::string& name);
handle create_group(hid_t parent, const std::string& name);
// A group that only ever gains links, one now and then, each added in a single object-header
// message: it never converts to dense link storage (a heap and two B-trees rewritten at
// once), whose conversion, caught half-written by a kill, lost every link (/snapshots).
handle create_append_only_group(hid_t parent, const std::string& name);
// A group in the file that no path reaches yet: filled, flushed, then linked (link_object),
// so that a kill while it is written leaves its parent as it was.
handle create_unlinked_group(hid_t file);
void link_object(hid_t obj, hid_t parent, const std::string& name);
handle utf8_string_type();

void set_attr(hid_t obj, const std::string& name, const std::string& value);
void set_attr(hid_t obj, const std::string& name, std::int64_t value);
void set_attr(hid_t obj, const std::string& name, double value);
// A 1-D attribute of UTF-8 strings (code tables such as the region ids).
void set_attr(hid_t obj, const std::string& name, const std::vector<std::string>& values);
// A scalar attribute of any numeric type (`_FillValue` must match its variable's type).
void set_attr_typed(hid_t obj, const std::string& name, hid_t file_type, hid_t mem_type, const void* value);
// A 1-D numeric attribute (CF flag_values).
void set_attr_array(hid_t obj, const std::string& name, hid_t file_type, hid_t mem_type, hsize_t n, const void* values);

// Attaches scales to the dimensions of `ds`, in order (once: an attached scale is left).
void attach_scales(hid_t ds, std::initializer_list<hid_t> scales);
// Marks `ds` a dimension scale named `name` (once).
void set_scale(hid_t ds, const char* name);

// A fixed, chunked and compressed 1-D dataset written in one call (snapshot columns).
handle write_column(hid_t group, const std::string& name, hid_t file_type, hid_t mem_type, hsize_t n, const void* data);

// A fixed 1-D dataset of strings (a coordinate such as `region`), marked a dimension scale.
handle write_string_scale(hid_t group, const std::string& name, const std::vector<std::string>& values);

// A dataset with an unlimited first dimension, chunked, each chunk with a Fletcher-32
// checksum. The short constructor (doubles or int64, one row a month) makes a chunk of each
// row, so that a chunk is written once, whole: a chunk rewritten as it fills could be torn
// by a kill in the middle of the write and then fail its checksum, finished rows with it.
// The long one takes any chunk shape; tables whose last chunk fills over several months
// (events) are written without a checksum for that reason (`checksum` false).
class growing_dataset {
public:
    growing_dataset() = default;
    growing_dataset(hid_t group, const std::string& name, std::vector<hsize_t> inner_dims, hid_t mem_type);
    // Any file and memory type (compound records included), an explicit chunk shape (full
    // rank), an optional fill value in the memory type. `compress` (shuffle + deflate) suits
    // datasets whose chunks are written whole, once (see growing_dataset::create).
    growing_dataset(hid_t group, const std::string& name, std::vector<hsize_t> inner_dims, hid_t file_type,
                    hid_t mem_type, std::vector<hsize_t> chunk, const void* fill, bool compress, bool checksum = true);
    // Appends one row (product of inner_dims values).
    void append(const void* row);
    // Appends `count` rows at once (event tables).
    void append_rows(hsize_t count, const void* rows);
    // Writes one row at `index` (growing the dataset if needed).
    void write_row(hsize_t index, const void* row);
    [[nodiscard]] hid_t id() const { return dataset_.id(); }
    [[nodiscard]] hsize_t rows() const { return rows_; }

private:
    void create(hid_t group, const std::string& name, hid_t file_type, const std::vector<hsize_t>& chunk,
                const void* fill, bool compress, bool checksum);
    void write_rows(hsize_t index, hsize_t count, const void* rows);

    handle dataset_, dapl_;
    hid_t group_ = -1;  // the parent group, kept open by the owner of this dataset
    std::string name_;
    std::vector<hsize_t> inner_;
    hid_t mem_type_ = -1;
    hsize_t rows_ = 0;
    unsigned writes_ = 0;
};

// Throws internal_error with HDF5's message when status < 0.
void check(herr_t status, const char* what);
hid_t check_id(hid_t id, const char* what);
// Flushes the whole file that holds `obj` so that a kill at any moment of the flush leaves
// a file HDF5 opens (see h5.cpp); throws like check_write.
void flush_file(hid_t obj, const char* what);
// For writes and flushes, which fail when the disk is full or the file went away: throws
// environment_error naming the file that holds `obj` and the reason.
void check_write(hid_t obj, herr_t status, const char* what);

}  // namespace laborsim::h5
