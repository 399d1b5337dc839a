// Every scenario shipped under scenarios/ validates, and every policy type has an example
// variant under scenarios/policies/.
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>

#include <yaml-cpp/yaml.h>

#include "laborsim/errors.hpp"
#include "laborsim/scenario_io.hpp"

using namespace laborsim;
namespace fs = std::filesystem;

namespace {

// Scenario files are mappings with `regions` or `extends` at the top; others (included data
// under scenarios/data/, sweep specs) are not scenarios.
bool is_scenario_file(const fs::path& p) {
    try {
        const YAML::Node n = YAML::LoadFile(p.string());
        return n.IsMap() && (n["regions"] || n["extends"]);
    } catch (const YAML::Exception&) {
        return true;  // let the loader report it
    }
}

}  // namespace

TEST_CASE("every scenario under scenarios/ validates", "[io][scenarios]") {
    const fs::path root = fs::path(LABORSIM_SOURCE_DIR) / "scenarios";
    int checked = 0;
    std::set<std::string> types;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (!entry.is_regular_file() || (entry.path().extension() != ".yaml" && entry.path().extension() != ".yml"))
            continue;
        if (!is_scenario_file(entry.path())) continue;
        INFO(entry.path().string());
        try {
            const scenario sc = load_scenario(entry.path().string());
            if (entry.path().parent_path().filename() == "policies")
                for (const auto& p : sc.policies) types.insert(policy_type_name(p.params));
            ++checked;
        } catch (const input_error& e) {
            FAIL(e.what());
        }
    }
    CHECK(checked >= 10);
    for (const char* t : policy_type_names) {
        INFO("no example under scenarios/policies/ uses " << t);
        CHECK(types.count(t) == 1);
    }
}
