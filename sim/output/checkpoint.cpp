#include "output/checkpoint.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/state_archive.hpp"
#include "laborsim/errors.hpp"
#include "laborsim/run_folder.hpp"

namespace laborsim {

namespace {

constexpr char magic[8] = {'L', 'S', 'C', 'K', 'P', 'T', '\r', '\n'};
constexpr std::uint32_t format_version = 1;
constexpr std::size_t header_bytes = sizeof magic + 4 + 8 + 64;

struct visit_state {
    output_position* pos;
};

herr_t visit_object(hid_t root, const char* name, const H5O_info_t* info, void* data) {
    auto& pos = *static_cast<visit_state*>(data)->pos;
    if (std::strcmp(name, ".") == 0) return 0;
    pos.objects.emplace_back(name);
    if (info->type != H5O_TYPE_DATASET) return 0;
    h5::handle ds(H5Dopen2(root, name, H5P_DEFAULT), H5Dclose);
    if (!ds.valid()) return -1;
    h5::handle space(H5Dget_space(ds.id()), H5Sclose);
    const int rank = H5Sget_simple_extent_ndims(space.id());
    if (rank <= 0) return 0;
    std::vector<hsize_t> dims(static_cast<std::size_t>(rank)), maxdims(dims.size());
    H5Sget_simple_extent_dims(space.id(), dims.data(), maxdims.data());
    if (maxdims[0] == H5S_UNLIMITED) pos.extents.emplace_back(name, dims);
    return 0;
}

void write_all(int fd, const std::string& bytes, const std::string& path) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw os_error(path, "cannot write the checkpoint", errno);
        done += static_cast<std::size_t>(n);
    }
}

}  // namespace

output_position read_output_position(hid_t file) {
    output_position pos;
    visit_state v{&pos};
    h5::check(H5Ovisit2(file, H5_INDEX_NAME, H5_ITER_INC, visit_object, &v, H5O_INFO_BASIC), "list the output");
    return pos;
}

void restore_output_position(hid_t file, const output_position& pos, const std::string& path) {
    output_position now = read_output_position(file);
    std::vector<std::string> known = pos.objects;
    std::sort(known.begin(), known.end());
    for (const auto& name : pos.objects)
        if (H5Lexists(file, name.c_str(), H5P_DEFAULT) <= 0)
            throw input_error(path + ": " + name + " is missing: not the file the checkpoint was taken of");
    // Objects made after the checkpoint, outermost first (names sort a group before its members).
    std::string removed;
    for (const auto& name : now.objects) {
        if (std::binary_search(known.begin(), known.end(), name)) continue;
        if (!removed.empty() && name.starts_with(removed + "/")) continue;
        h5::check(H5Ldelete(file, name.c_str(), H5P_DEFAULT), "remove an object written after the checkpoint");
        removed = name;
    }
    for (const auto& [name, dims] : pos.extents) {
        h5::handle ds(h5::check_id(H5Dopen2(file, name.c_str(), H5P_DEFAULT), name.c_str()), H5Dclose);
        h5::check_write(ds.id(), H5Dset_extent(ds.id(), dims.data()), name.c_str());
    }
}

std::string checkpoint_path(const std::string& output) { return output + ".checkpoint"; }

std::string scenario_digest(const scenario& sc) {
    return sha256_hex(sc.resolved_yaml + "\nseed: " + std::to_string(sc.seed) + "\n");
}

void write_checkpoint(const std::string& path, const run_checkpoint& c) {
    state_writer out;
    out(c.scenario_digest, c.months, c.output_file, c.position.objects, c.position.extents, c.world_state);
    const std::string& payload = out.bytes();
    std::string header(magic, sizeof magic);
    const std::uint32_t version = format_version;
    const std::uint64_t length = payload.size();
    header.append(reinterpret_cast<const char*>(&version), sizeof version);
    header.append(reinterpret_cast<const char*>(&length), sizeof length);
    header += sha256_hex(payload);

    // One name, so that a run killed while writing it leaves one stray file, which the next
    // checkpoint or the end of the run replaces or removes.
    const std::string tmp = path + ".tmp";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) throw os_error(tmp, "cannot create the checkpoint", errno);
    try {
        write_all(fd, header, tmp);
        write_all(fd, payload, tmp);
        // On the disk before it replaces the previous checkpoint: a node lost after the
        // rename still finds a whole file.
        if (::fsync(fd) != 0) throw os_error(tmp, "cannot write the checkpoint", errno);
    } catch (...) {
        ::close(fd);
        std::remove(tmp.c_str());
        throw;
    }
    ::close(fd);
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        std::remove(tmp.c_str());
        throw os_error(path, "cannot replace the checkpoint", err);
    }
}

run_checkpoint read_checkpoint(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw os_error(path, "cannot read the checkpoint", errno);
    std::ostringstream all;
    all << in.rdbuf();
    const std::string bytes = all.str();
    auto bad = [&](const std::string& why) { return input_error(path + ": not a usable laborsim checkpoint: " + why); };
    if (bytes.size() < header_bytes || std::memcmp(bytes.data(), magic, sizeof magic) != 0)
        throw bad("no checkpoint header");
    std::uint32_t version = 0;
    std::uint64_t length = 0;
    std::memcpy(&version, bytes.data() + sizeof magic, sizeof version);
    std::memcpy(&length, bytes.data() + sizeof magic + 4, sizeof length);
    if (version != format_version)
        throw bad("format version " + std::to_string(version) + ", this laborsim reads " +
                  std::to_string(format_version));
    if (length != bytes.size() - header_bytes) throw bad("truncated (the file is shorter than its header says)");
    const std::string_view payload(bytes.data() + header_bytes, length);
    if (sha256_hex(payload) != std::string_view(bytes.data() + sizeof magic + 12, 64))
        throw bad("damaged (its checksum does not match)");
    run_checkpoint c;
    try {
        state_reader r(payload);
        r(c.scenario_digest, c.months, c.output_file, c.position.objects, c.position.extents, c.world_state);
        if (!r.at_end()) throw state_format_error("bytes left over");
    } catch (const state_format_error& e) {
        throw bad(e.what());
    }
    return c;
}

}  // namespace laborsim
