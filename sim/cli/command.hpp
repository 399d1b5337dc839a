// Each subcommand lives in its own file and registers itself here: it adds its CLI11
// subcommand and the action to run when that subcommand was given. Actions return the
// exit code (0 ok, 1 run failed, 2 bad input) or throw: input_error (-> 2),
// environment_error (-> 3), anything else (-> 1, a bug).
#pragma once
#include <CLI/CLI.hpp>

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "laborsim/errors.hpp"
#include "laborsim/scenario.hpp"

namespace laborsim {

struct command {
    CLI::App* subcommand = nullptr;
    std::function<int()> action;
};
using command_list = std::vector<command>;

// The full command line, for provenance.
const std::string& invocation();

// Prints scenario_warnings(sc) (laborsim/warnings.hpp) on stderr, one "warning: " line each;
// returns how many.
std::size_t print_warnings(const scenario& sc);

// Library calls name the option field a bad value came from (option_error::option); the
// command line says which flag sets it. `hints` maps a field to that advice.
template <class Action>
int with_flag_hints(const std::map<std::string, std::string>& hints, Action&& action) {
    try {
        return action();
    } catch (const option_error& e) {
        const auto it = hints.find(e.option());
        if (it == hints.end()) throw;
        throw input_error(std::string(e.what()) + "; " + it->second);
    }
}

void add_run_command(CLI::App& app, command_list& commands);
void add_validate_command(CLI::App& app, command_list& commands);
void add_info_command(CLI::App& app, command_list& commands);
void add_schema_command(CLI::App& app, command_list& commands);
void add_bench_command(CLI::App& app, command_list& commands);
void add_compare_command(CLI::App& app, command_list& commands);
void add_report_command(CLI::App& app, command_list& commands);
void add_sweep_command(CLI::App& app, command_list& commands);
void add_serve_command(CLI::App& app, command_list& commands);

}  // namespace laborsim
