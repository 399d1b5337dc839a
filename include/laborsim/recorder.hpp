// The HDF5 recorder: one file per run, streamed and flushed month by month
// (schema: docs/output.md).
#pragma once
#include <memory>
#include <string>

#include "laborsim/engine.hpp"

namespace laborsim {

struct run_provenance {
    std::string command_line;
    int threads = 0;
};

// Output format version written to every file's `format_version` attribute.
inline constexpr const char* output_format_version = "1.0";

std::unique_ptr<run_observer> make_hdf5_recorder(const std::string& path, const run_provenance& prov);

// A readable summary of an output file (`laborsim info`).
std::string describe_output(const std::string& path);

}  // namespace laborsim
