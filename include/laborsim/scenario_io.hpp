// Loading scenarios from YAML (the I/O library; the engine never sees YAML).
#pragma once
#include <string>
#include <vector>

#include "laborsim/scenario.hpp"

namespace laborsim {

// Loads and validates a scenario file. `overrides` are "key.path=value" settings applied
// on top of the file. Throws input_error listing every problem found, each located as
// file:line:column with its key path.
scenario load_scenario(const std::string& path, const std::vector<std::string>& overrides = {});

// The same from text (for tests); `file_label` names it in errors.
scenario load_scenario_text(const std::string& text, const std::string& file_label);

}  // namespace laborsim
