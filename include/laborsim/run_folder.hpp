// A run folder holds the replicates of one scenario: replicate-000.h5, replicate-001.h5, ...
// and manifest.json describing them (docs/compare.md). `laborsim run --replicates N` writes
// it; `laborsim compare` and `laborsim report` read it.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace laborsim {

struct replicate_record {
    int index = 0;
    std::uint64_t seed = 0;
    std::string file;  // relative to the folder
    bool completed = false;
    double wall_time_s = 0;
};

struct run_manifest {
    std::string scenario_name;
    std::string scenario_path;
    std::string yaml_sha256;  // of the resolved scenario YAML (the files' `scenario` attribute)
    std::uint64_t scenario_seed = 0;
    std::vector<replicate_record> replicates;  // by index
};

// "replicate-007.h5" for index 7.
std::string replicate_file_name(int index);

// The manifest as JSON text.
std::string manifest_json(const run_manifest& m);

// Writes folder/manifest.json atomically (a temporary file renamed over the old one), so a
// killed run leaves the previous manifest or the new one, never half of one.
void write_manifest(const std::string& folder, const run_manifest& m);

// What an existing replicate file holds, to decide whether a re-run may keep it.
struct replicate_file_state {
    bool readable = false;
    bool completed = false;
    std::uint64_t seed = 0;
    std::string yaml_sha256;
};
replicate_file_state inspect_replicate_file(const std::string& path);

// Adds `replicate_index` and `scenario_seed` root attributes to a finished replicate file.
void mark_replicate_file(const std::string& path, int index, std::uint64_t scenario_seed);

// Hex SHA-256 of a byte string (FIPS 180-4).
std::string sha256_hex(std::string_view data);

}  // namespace laborsim
