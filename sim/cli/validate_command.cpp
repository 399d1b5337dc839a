// laborsim validate SCENARIO [--print]: lists every problem, located; exit 2 when there are
// any; warnings (what the scenario cannot mean at its scale) go to stderr. --print writes the resolved scenario
// (extends, include and --set applied) to stdout.
#include <cstdio>
#include <memory>

#include "cli/command.hpp"
#include "laborsim/scenario_io.hpp"
#include "laborsim/warnings.hpp"

namespace laborsim {

void add_validate_command(CLI::App& app, command_list& commands) {
    auto path = std::make_shared<std::string>();
    auto settings = std::make_shared<std::vector<std::string>>();
    auto print = std::make_shared<bool>(false);
    auto root = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("validate", "Check a scenario file and list every problem found");
    cmd->add_option("scenario", *path, "Scenario YAML file")->required();
    cmd->add_option("--set", *settings, "Override a scenario key: key.path=value (repeatable)");
    cmd->add_flag("--print", *print, "Print the resolved scenario YAML instead of a summary");
    cmd->add_option("--scenario-root", *root,
                    "Refuse a scenario, extends or include outside this directory (symbolic links resolved)");
    commands.push_back({cmd, [path, settings, print, root] {
                            const scenario sc = load_scenario(*path, scenario_load_options{*settings, *root});
                            if (*print) {
                                std::fputs(sc.resolved_yaml.c_str(), stdout);
                                return 0;
                            }
                            const std::size_t warnings = print_warnings(sc);
                            std::printf(
                                "%s: ok (scenario %s, %zu regions, %zu schools, %zu policies, %s to %s, "
                                "minimum supported scale %.3g)%s\n",
                                path->c_str(), sc.name.c_str(), sc.regions.size(), sc.schools.size(),
                                sc.policies.size(), format_year_month(sc.calendar.start).c_str(),
                                format_year_month(sc.calendar.end).c_str(), minimum_supported_scale_of(sc),
                                warnings ? ", with warnings (stderr)" : "");
                            return 0;
                        }});
}

}  // namespace laborsim
