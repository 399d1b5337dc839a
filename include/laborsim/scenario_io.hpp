// Loading scenarios from YAML (the I/O library; the engine never sees YAML).
#pragma once
#include <string>
#include <vector>

#include "laborsim/scenario.hpp"

namespace laborsim {

// Loads and validates a scenario file: resolves its `extends` chain and `include`s, applies
// `overrides` ("key.path=value" settings, as --set) and checks the result against the
// schema. Throws input_error listing every problem found, each located as
// file:line:column (the file the value was written in, or --set[i]) with its key path.
// The resolved YAML is kept in scenario::resolved_yaml.
scenario load_scenario(const std::string& path, const std::vector<std::string>& overrides = {});

struct scenario_load_options {
    std::vector<std::string> overrides;  // "key.path=value" settings, as --set
    // When not empty, every file the scenario reads (itself, `extends`, `include`) must lie
    // under this directory once symbolic links are resolved (`--scenario-root`; a server that
    // takes scenarios from the web sets it): any other is a located error.
    std::string scenario_root;
};
scenario load_scenario(const std::string& path, const scenario_load_options& options);

// The same from text (tests, the workbench); `file_label` names it in errors, and relative
// `extends` and `include` paths resolve against its directory.
scenario load_scenario_text(const std::string& text, const std::string& file_label,
                            const std::vector<std::string>& overrides = {});
scenario load_scenario_text(const std::string& text, const std::string& file_label,
                            const scenario_load_options& options);

}  // namespace laborsim
