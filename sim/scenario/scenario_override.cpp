// `--set key.path=value`: applied to the composed tree, so a setting can reach any key of
// the resolved scenario, and its value keeps "--set[i]" as its source: a bad value is
// reported as `--set[i]: key.path: ...`, not as a place in some re-dumped text.
#include "scenario/scenario_tree.hpp"

namespace laborsim {

namespace {

void mark_as(tree_node& t, const std::string& label) {
    t.at = {label, 0, 0};
    for (auto& k : t.key_at) k = {label, 0, 0};
    for (auto& item : t.items) mark_as(item, label);
}

}  // namespace

// Splits "a.b[2].c" into steps a, b, 2, c (brackets and dots both separate).
std::vector<std::string> split_key_path(std::string path) {
    for (auto& c : path)
        if (c == '[' || c == ']') c = '.';
    std::vector<std::string> steps;
    std::string cur;
    for (char c : path + ".") {
        if (c == '.') {
            if (!cur.empty()) steps.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    return steps;
}

std::string key_path_problem(const std::string& path) {
    if (path.empty()) return "the key path is empty";
    std::size_t steps = 0;
    for (std::size_t i = 0; i < path.size();) {
        // A key: up to '.', '[' or the end, never empty.
        const std::size_t end = path.find_first_of(".[]", i);
        const std::size_t stop = end == std::string::npos ? path.size() : end;
        if (stop == i) return "an empty step at character " + std::to_string(i + 1);
        ++steps;
        i = stop;
        while (i < path.size() && path[i] == '[') {  // key[item][item]...
            const std::size_t close = path.find(']', i);
            const std::size_t bad = path.find_first_of(".[", i + 1);
            if (close == std::string::npos || (bad != std::string::npos && bad < close))
                return "'[' at character " + std::to_string(i + 1) + " has no matching ']'";
            if (close == i + 1) return "an empty [] at character " + std::to_string(i + 1);
            ++steps;
            i = close + 1;
        }
        if (i < path.size() && path[i] == ']') return "']' at character " + std::to_string(i + 1) + " has no '['";
        if (i < path.size()) {  // a '.': another step must follow
            if (i + 1 == path.size()) return "the path ends with '.'";
            ++i;
        }
        if (steps > max_key_path_steps)
            return "more than " + std::to_string(max_key_path_steps) + " steps (a scenario has fewer than ten levels)";
    }
    return "";
}

void apply_setting(tree_node& root, const std::string& setting, std::size_t index, std::vector<diagnostic>& errors) {
    const std::string label = "--set[" + std::to_string(index) + "]";
    const auto eq = setting.find('=');
    if (eq == std::string::npos || eq == 0) {
        errors.push_back({label, 0, 0, "", "expected key.path=value, got \"" + setting + "\""});
        return;
    }
    const std::string path = setting.substr(0, eq);
    if (const auto problem = key_path_problem(path); !problem.empty()) {
        errors.push_back({label, 0, 0, path, "malformed key path: " + problem});
        return;
    }
    if (setting.find_first_not_of(" \t", eq + 1) == std::string::npos) {
        errors.push_back(
            {label, 0, 0, path, "expected a value after '=' (write " + path + "=~ to restore the key's default)"});
        return;
    }
    const std::vector<std::string> steps = split_key_path(path);
    std::vector<diagnostic> value_errors;
    tree_node value = parse_tree(setting.substr(eq + 1), label, value_errors);
    if (!value_errors.empty()) {
        errors.push_back({label, 0, 0, path, "the value is not valid YAML: " + value_errors.front().message});
        return;
    }
    mark_as(value, label);
    tree_node* node = &root;
    std::string walked;
    for (std::size_t k = 0; k < steps.size(); ++k) {
        const std::string& step = steps[k];
        const bool last = k + 1 == steps.size();
        walked += (walked.empty() ? "" : ".") + step;
        if (node->is_seq()) {
            std::size_t pos = node->items.size();
            const bool numeric = step.find_first_not_of("0123456789") == std::string::npos;
            if (numeric) {
                pos = step.size() < 10 ? std::stoul(step) : node->items.size();
            } else {
                for (std::size_t i = 0; i < node->items.size(); ++i) {
                    const tree_node* id = node->items[i].is_map() ? node->items[i].get("id") : nullptr;
                    if (id != nullptr && id->is_scalar() && id->scalar == step) pos = i;
                }
            }
            if (pos >= node->items.size()) {
                std::string known;
                for (std::size_t i = 0; i < node->items.size(); ++i) {
                    const tree_node* id = node->items[i].is_map() ? node->items[i].get("id") : nullptr;
                    known += (known.empty() ? "" : ", ") + (id && id->is_scalar() ? id->scalar : std::to_string(i));
                }
                errors.push_back({label, 0, 0, walked,
                                  "no list item with " + std::string(numeric ? "index " : "id ") + step +
                                      (known.empty() ? " (the list is empty)" : " (items: " + known + ")")});
                return;
            }
            if (last) {
                node->items[pos] = std::move(value);
                return;
            }
            node = &node->items[pos];
        } else if (node->is_map() || node->type == tree_node::kind::null) {
            if (!node->is_map()) {
                const source_location at = node->at;
                *node = tree_node{};
                node->type = tree_node::kind::map;
                node->at = at.file.empty() ? source_location{label, 0, 0} : at;
            }
            int i = node->find(step);
            if (i < 0) {
                tree_node fresh;
                fresh.at = {label, 0, 0};
                node->append(step, {label, 0, 0}, std::move(fresh));
                i = static_cast<int>(node->keys.size()) - 1;
            }
            if (last) {
                node->items[static_cast<std::size_t>(i)] = std::move(value);
                return;
            }
            node = &node->items[static_cast<std::size_t>(i)];
        } else {
            errors.push_back({label, 0, 0, walked, "cannot descend into the value \"" + node->scalar + "\""});
            return;
        }
    }
}

}  // namespace laborsim
