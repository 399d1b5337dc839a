// Run folders: the manifest of a set of replicates, and the checks that let a re-run keep
// finished replicates of the same scenario (docs/compare.md).
#include "laborsim/run_folder.hpp"

#include <cstdio>
#include <filesystem>

#include "laborsim/errors.hpp"
#include "laborsim/replicates.hpp"
#include "output/h5_read.hpp"
#include "util/atomic_file.hpp"
#include "util/json_writer.hpp"

namespace laborsim {

namespace fs = std::filesystem;

namespace {
// How replicate seeds derive from the scenario seed (replicates.hpp), in the manifest and
// in every replicate file.
constexpr const char* seed_rule = "replicate_seed(seed, k) = splitmix64(seed + k) >> 11";
}  // namespace

std::string replicate_file_name(int index) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "replicate-%03d.h5", index);
    return buf;
}

std::string manifest_json(const run_manifest& m) {
    json_writer j;
    j.begin_object()
        .field("format", "laborsim-run-folder")
        .field("format_version", 1)
        .key("scenario")
        .begin_object()
        .field("name", m.scenario_name)
        .field("path", m.scenario_path)
        .field("yaml_sha256", m.yaml_sha256)
        .field("seed", m.scenario_seed)
        .end_object()
        .field("seed_rule", seed_rule)
        .key("replicates")
        .begin_array();
    for (const auto& r : m.replicates) {
        j.begin_object()
            .field("index", r.index)
            .field("seed", r.seed)
            .field("file", r.file)
            .field("completed", r.completed)
            .field("wall_time_s", r.wall_time_s)
            .end_object();
    }
    j.end_array().end_object();
    return j.str();
}

void write_manifest(const std::string& folder, const run_manifest& m) {
    write_file_atomically((fs::path(folder) / "manifest.json").string(), manifest_json(m));
}

replicate_file_state inspect_replicate_file(const std::string& path) {
    replicate_file_state st;
    h5::quiet_errors quiet;
    const hid_t f = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
    if (f < 0) return st;
    h5::handle file(f, H5Fclose);
    st.readable = true;
    st.completed = h5::read_int_attr(f, "completed").value_or(0) != 0;
    st.seed = static_cast<std::uint64_t>(h5::read_int_attr(f, "seed").value_or(0));
    if (auto yaml = h5::read_string_attr(f, "scenario")) st.yaml_sha256 = sha256_hex(*yaml);
    return st;
}

void mark_replicate_file(const std::string& path, int index, std::uint64_t scenario_seed) {
    h5::quiet_errors quiet;
    const hid_t f = H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
    if (f < 0) throw environment_error(path, "cannot reopen it to record its replicate index", h5::last_error_reason());
    h5::handle file(f, H5Fclose);
    h5::set_attr(f, "replicate_index", static_cast<std::int64_t>(index));
    h5::set_attr(f, "scenario_seed", static_cast<std::int64_t>(scenario_seed));
    h5::set_attr(f, "seed_rule", std::string(seed_rule));
}

}  // namespace laborsim
