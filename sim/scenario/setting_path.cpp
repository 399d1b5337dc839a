#include "scenario/setting_path.hpp"

#include <utility>
#include <vector>

#include "scenario/scenario_tree.hpp"
#include "scenario/schema.hpp"

namespace laborsim {

namespace {

bool is_index(const std::string& s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos; }

// The keys a mapping at this point may hold: its section, plus the type's own section
// for a policy.
std::vector<const section_spec*> sections_for(std::string_view name, const YAML::Node& node) {
    std::vector<const section_spec*> out{&schema_section(name)};
    if (name == "policy" && node.IsMap() && node["type"] && node["type"].IsScalar()) {
        const std::string typed = "policy." + node["type"].Scalar();
        for (const auto& s : scenario_schema())
            if (s.name == typed) out.push_back(&s);
    } else if (name == "policy") {
        for (const auto& s : scenario_schema())
            if (s.name.starts_with("policy.")) out.push_back(&s);
    }
    return out;
}

}  // namespace

std::string check_setting_path(const YAML::Node& base_root, const std::string& key_path) {
    if (const auto problem = key_path_problem(key_path); !problem.empty()) return "malformed key path: " + problem;
    const auto steps = split_key_path(key_path);
    if (steps.empty()) return "expected a key path such as model.separation_rate";
    std::vector<const section_spec*> sections{&schema_section("scenario")};
    YAML::Node node = base_root;
    std::string walked;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const std::string& step = steps[i];
        const key_spec* key = nullptr;
        std::vector<std::string_view> known;
        for (const auto* s : sections) {
            if (const auto* k = s->find(step)) key = k;
            for (const auto& k : s->keys) known.push_back(k.key);
        }
        const std::string where = walked.empty() ? "the scenario" : "'" + walked + "'";
        if (key == nullptr) {
            std::string msg = "unknown key '" + step + "' in " + where;
            if (auto s = closest_match(step, known); !s.empty()) msg += ", did you mean '" + s + "'?";
            return msg;
        }
        walked += (walked.empty() ? "" : ".") + step;
        const bool last = i + 1 == steps.size();
        if (last) return "";
        // Const lookups and reset(): assigning yaml-cpp handles would rewrite the tree.
        const YAML::Node& here = node;
        YAML::Node child;
        if (here.IsMap() && here[step].IsDefined()) child.reset(here[step]);
        switch (key->type) {
            case value_type::mapping:
                sections = sections_for(key->section, child);
                node.reset(child);
                break;
            case value_type::mapping_list: {
                const std::string& item = steps[++i];
                YAML::Node found;
                bool has_item = false;
                if (child.IsSequence()) {
                    if (is_index(item)) {
                        if (std::stoul(item) < child.size()) {
                            found.reset(std::as_const(child)[std::stoul(item)]);
                            has_item = true;
                        }
                    } else {
                        for (std::size_t k = 0; k < child.size() && !has_item; ++k)
                            if (const YAML::Node n = std::as_const(child)[k];
                                n.IsMap() && n["id"] && n["id"].Scalar() == item) {
                                found.reset(n);
                                has_item = true;
                            }
                    }
                }
                if (!has_item) return "the base scenario has no item " + item + " in '" + walked + "'";
                walked += "." + item;
                if (i + 1 == steps.size()) return "";
                sections = sections_for(key->section, found);
                node.reset(found);
                break;
            }
            case value_type::level_shares:
            case value_type::field_shares:
            case value_type::level_numbers: {
                const std::string& name = steps[++i];
                bool ok = false;
                for (auto c : key->choices) ok = ok || c == name;
                if (!ok) {
                    std::string msg = "unknown key '" + name + "' in '" + walked + "'";
                    if (auto s = closest_match(name, key->choices); !s.empty()) msg += ", did you mean '" + s + "'?";
                    return msg;
                }
                if (i + 1 != steps.size()) return "'" + walked + "." + name + "' is a number and has no keys";
                return "";
            }
            case value_type::number_list:
                if (!is_index(steps[++i])) return "expected a list index after '" + walked + "'";
                if (i + 1 != steps.size()) return "'" + walked + "' holds numbers, which have no keys";
                return "";
            default: return "'" + walked + "' is a single value and has no keys";
        }
    }
    return "";
}

}  // namespace laborsim
