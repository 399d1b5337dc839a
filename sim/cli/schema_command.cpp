// laborsim schema: the scenario file reference in Markdown (docs/scenarios.md).
#include <iostream>

#include "cli/command.hpp"
#include "scenario/schema.hpp"

namespace laborsim {

void add_schema_command(CLI::App& app, command_list& commands) {
    auto* cmd = app.add_subcommand("schema", "Print the scenario file reference (Markdown)");
    commands.push_back({cmd, [] {
        std::cout << schema_markdown();
        return 0;
    }});
}

}  // namespace laborsim
