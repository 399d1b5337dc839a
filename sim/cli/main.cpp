// The laborsim command line: parses arguments and calls the library. Exit codes:
// 0 ok, 1 internal error (a bug), 2 bad input, 3 I/O or system failure; a run stopped by
// SIGTERM or SIGINT after a whole month: 143 or 130 (128 + the signal).
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "cli/command.hpp"
#include "laborsim/errors.hpp"
#include "laborsim/version.hpp"
#include "laborsim/warnings.hpp"

namespace laborsim {
namespace {
std::string g_invocation;
}
const std::string& invocation() { return g_invocation; }

std::size_t print_warnings(const scenario& sc) {
    const auto warnings = scenario_warnings(sc);
    for (const auto& w : warnings) std::cerr << "warning: " << w.to_string() << "\n";
    return warnings.size();
}
}  // namespace laborsim

int main(int argc, char** argv) {
    using namespace laborsim;
    // A file-size limit (ulimit -f, a batch system's) then fails the write with EFBIG, which
    // the run reports as an I/O error, instead of killing the process with SIGXFSZ.
    std::signal(SIGXFSZ, SIG_IGN);
    for (int i = 0; i < argc; ++i) g_invocation += (i ? " " : "") + std::string(argv[i]);
    CLI::App app{"laborsim: agent-based simulation of regional labour markets"};
    app.set_version_flag("--version", std::string("laborsim ") + version + " (" + git_revision + ")");
    app.footer(
        "Exit codes: 0 ok; 1 internal error (a bug: please report it); 2 bad input (scenario, options, files named);\n"
        "3 I/O or system failure (a file or folder that cannot be created, written or read, a process that cannot "
        "start);\n130/143: a run stopped by SIGINT/SIGTERM after finishing its month (resumable with "
        "--checkpoint-every "
        "and --resume).");
    app.require_subcommand(1);
    command_list commands;
    add_run_command(app, commands);
    add_validate_command(app, commands);
    add_info_command(app, commands);
    add_schema_command(app, commands);
    add_bench_command(app, commands);
    add_compare_command(app, commands);
    add_report_command(app, commands);
    add_sweep_command(app, commands);
    add_serve_command(app, commands);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? 0 : 2;
    }
    try {
        for (const auto& c : commands)
            if (c.subcommand->parsed()) return c.action();
    } catch (const input_error& e) {
        std::cerr << e.what() << "\n";
        return 2;
    } catch (const environment_error& e) {
        std::cerr << "laborsim: " << e.what() << "\n";
        // An output file HDF5 could not flush (a full disk) cannot be closed, and HDF5
        // 1.10's exit handler crashes on it (H5F__close_cb): end without exit handlers,
        // every handle of ours closed and stdout flushed.
        std::fflush(nullptr);
        std::_Exit(3);
    } catch (const std::filesystem::filesystem_error& e) {
        // A std::filesystem call the library did not translate: still the machine's refusal.
        std::cerr << "laborsim: " << e.what() << "\n";
        return 3;
    } catch (const std::exception& e) {
        std::cerr << "laborsim: run failed: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
