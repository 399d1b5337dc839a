// The located tree: YAML text -> tree_node (every node with file:line:column) and back to
// a YAML document whose nodes map to those locations.
#include "scenario/scenario_tree.hpp"

#include <algorithm>

namespace laborsim {

int tree_node::find(const std::string& key) const {
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (keys[i] == key) return static_cast<int>(i);
    return -1;
}

const tree_node* tree_node::get(const std::string& key) const {
    const int i = find(key);
    return i < 0 ? nullptr : &items[static_cast<std::size_t>(i)];
}

void tree_node::erase(std::size_t index) {
    if (is_map()) {
        keys.erase(keys.begin() + static_cast<std::ptrdiff_t>(index));
        key_at.erase(key_at.begin() + static_cast<std::ptrdiff_t>(index));
    }
    items.erase(items.begin() + static_cast<std::ptrdiff_t>(index));
}

void tree_node::append(std::string key, source_location key_where, tree_node value) {
    keys.push_back(std::move(key));
    key_at.push_back(std::move(key_where));
    items.push_back(std::move(value));
}

namespace {

source_location location_of(const YAML::Mark& m, const std::string& file) {
    source_location at{file, 0, 0};
    if (m.line >= 0) {
        at.line = m.line + 1;
        at.column = m.column + 1;
    }
    return at;
}

// A key written twice in one mapping: yaml-cpp keeps both and readers disagree on which
// wins, so it is an error (at the second one).
struct duplicate_key {
    diagnostic where;
};

// A document past the depth or node bounds (scenario_tree.hpp): aliases can make a few bytes
// expand into billions of nodes, or into a cycle (`&r [*r]`).
struct too_large {
    diagnostic where;
};

struct tree_reader {
    const std::string& file;
    std::size_t* nodes_left;

    tree_node read(const YAML::Node& n, std::size_t depth) {
        tree_node t;
        t.at = location_of(n.Mark(), file);
        if (depth > max_tree_depth || *nodes_left == 0) {
            const std::string what = depth > max_tree_depth
                                         ? "nested over " + std::to_string(max_tree_depth) + " levels deep"
                                         : "over " + std::to_string(max_tree_nodes) + " nodes";
            throw too_large{{file, std::max(t.at.line, 1), std::max(t.at.column, 1), "",
                             "the scenario is " + what + " (YAML aliases expanded); no scenario needs so many"}};
        }
        --*nodes_left;
        switch (n.Type()) {
            case YAML::NodeType::Scalar:
                t.type = tree_node::kind::scalar;
                t.scalar = n.Scalar();
                break;
            case YAML::NodeType::Map:
                t.type = tree_node::kind::map;
                t.flow = n.Style() == YAML::EmitterStyle::Flow;
                for (auto it = n.begin(); it != n.end(); ++it) {
                    const std::string key = it->first.IsScalar() ? it->first.Scalar() : "?";
                    if (t.get(key) != nullptr)
                        throw duplicate_key{{file, it->first.Mark().line + 1, it->first.Mark().column + 1, key,
                                             "the key '" + key + "' is written twice in this mapping"}};
                    t.append(key, location_of(it->first.Mark(), file), read(it->second, depth + 1));
                }
                break;
            case YAML::NodeType::Sequence:
                t.type = tree_node::kind::seq;
                t.flow = n.Style() == YAML::EmitterStyle::Flow;
                for (std::size_t i = 0; i < n.size(); ++i) t.items.push_back(read(n[i], depth + 1));
                break;
            default: t.type = tree_node::kind::null; break;
        }
        return t;
    }
};

YAML::Node build(const tree_node& t, origin_table& origins) {
    YAML::Node n;
    switch (t.type) {
        case tree_node::kind::scalar: n = YAML::Node(t.scalar); break;
        case tree_node::kind::null: n = YAML::Node(YAML::NodeType::Null); break;
        case tree_node::kind::map:
            n = YAML::Node(YAML::NodeType::Map);
            for (std::size_t i = 0; i < t.keys.size(); ++i) {
                YAML::Node key(t.keys[i]);
                origins.add(key, t.key_at[i]);
                n.force_insert(key, build(t.items[i], origins));
            }
            break;
        case tree_node::kind::seq:
            n = YAML::Node(YAML::NodeType::Sequence);
            for (const auto& item : t.items) n.push_back(build(item, origins));
            break;
    }
    if (t.flow && (t.is_map() || t.is_seq())) n.SetStyle(YAML::EmitterStyle::Flow);
    origins.add(n, t.at);
    return n;
}

}  // namespace

tree_node parse_tree(const std::string& text, const std::string& file, std::vector<diagnostic>& errors,
                     std::size_t* nodes_left) {
    std::size_t own_budget = max_tree_nodes;
    try {
        return tree_reader{file, nodes_left ? nodes_left : &own_budget}.read(YAML::Load(text), 0);
    } catch (const YAML::ParserException& e) {
        errors.push_back(
            {file, std::max(e.mark.line + 1, 1), std::max(e.mark.column + 1, 1), "", "YAML syntax error: " + e.msg});
        return {};
    } catch (const duplicate_key& d) {
        errors.push_back(d.where);
        return {};
    } catch (const too_large& d) {
        errors.push_back(d.where);
        return {};
    }
}

const source_location* origin_table::find(const YAML::Node& node) const {
    if (!node.IsDefined()) return nullptr;
    for (const auto& [n, where] : entries_)
        if (n.is(node)) return &where;
    return nullptr;
}

yaml_document to_yaml(const tree_node& root) {
    yaml_document doc;
    doc.root = build(root, doc.origins);
    return doc;
}

}  // namespace laborsim
