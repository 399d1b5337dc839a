// The laborsim command line: parses arguments and calls the library. Exit codes:
// 0 ok, 1 run failed (a bug or an I/O failure), 2 bad input.
#include <CLI/CLI.hpp>
#include <tbb/info.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "laborsim/errors.hpp"
#include "laborsim/version.hpp"

int main(int argc, char** argv) {
    using namespace laborsim;
    CLI::App app{"laborsim: agent-based simulation of regional labour markets"};
    app.set_version_flag("--version", std::string("laborsim ") + version + " (" + git_revision + ")");
    app.require_subcommand(1);

    run_args run;
    auto* run_cmd = app.add_subcommand("run", "Run a scenario and write its HDF5 trajectories");
    run_cmd->add_option("scenario", run.scenario, "Scenario YAML file")->required();
    run_cmd->add_option("-o,--output", run.output, "Output HDF5 file (default: output.path or results/<name>.h5)");
    run_cmd->add_option("--threads", run.threads, "Worker threads (default: all cores)")->check(CLI::NonNegativeNumber);
    run_cmd->add_option("--seed", run.seed, "Override the scenario seed");
    run_cmd->add_option("--block-size", run.block_size, "Agents per parallel block (results do not depend on it)")
        ->check(CLI::PositiveNumber);
    run_cmd->add_flag("--quiet", run.quiet, "No progress or summary output");
    run_cmd->add_flag("--force", run.force, "Overwrite an existing output file");

    std::string validate_path;
    auto* validate_cmd = app.add_subcommand("validate", "Check a scenario file and list every problem found");
    validate_cmd->add_option("scenario", validate_path, "Scenario YAML file")->required();

    std::string info_path;
    auto* info_cmd = app.add_subcommand("info", "Summarise an output file");
    info_cmd->add_option("file", info_path, "Output HDF5 file")->required();

    auto* schema_cmd = app.add_subcommand("schema", "Print the scenario file reference (Markdown)");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? 0 : 2;
    }

    std::string command_line;
    for (int i = 0; i < argc; ++i) command_line += (i ? " " : "") + std::string(argv[i]);
    try {
        if (*run_cmd) return command_run(run, command_line);
        if (*validate_cmd) return command_validate(validate_path);
        if (*info_cmd) return command_info(info_path);
        if (*schema_cmd) return command_schema();
    } catch (const input_error& e) {
        std::cerr << e.what() << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "laborsim: run failed: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
