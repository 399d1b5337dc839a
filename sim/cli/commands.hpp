// The subcommands behind the CLI; each returns the process exit code.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace laborsim {

struct run_args {
    std::string scenario;
    std::string output;
    int threads = 0;
    std::optional<std::uint64_t> seed;
    std::size_t block_size = 16384;
    bool quiet = false;
    bool force = false;
};

int command_run(const run_args& args, const std::string& command_line);
int command_validate(const std::string& path);
int command_info(const std::string& path);
int command_schema();

}  // namespace laborsim
