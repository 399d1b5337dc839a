// Checks a `--set` key path against the scenario schema before any run starts, so a
// misspelt sweep parameter is one located error instead of a thousand failed runs.
#pragma once
#include <yaml-cpp/yaml.h>

#include <string>

namespace laborsim {

// Empty when `key_path` names a scenario key (list items by index or id, as `--set`
// addresses them, looked up in `base_root`); otherwise what is wrong, with a suggestion.
std::string check_setting_path(const YAML::Node& base_root, const std::string& key_path);

}  // namespace laborsim
