// laborsim schema: the scenario file reference in Markdown (docs/scenarios.md).
#include <iostream>
#include <memory>

#include "cli/command.hpp"
#include "scenario/schema.hpp"

namespace laborsim {

void add_schema_command(CLI::App& app, command_list& commands) {
    auto* cmd = app.add_subcommand("schema", "Print the scenario file reference (Markdown, or JSON with --json)");
    auto json = std::make_shared<bool>(false);
    cmd->add_flag("--json", *json, "Machine-readable: every section and key with type, default, unit, choices");
    commands.push_back({cmd, [json] {
                            std::cout << (*json ? schema_json() : schema_markdown());
                            return 0;
                        }});
}

}  // namespace laborsim
