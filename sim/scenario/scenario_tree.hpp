// Scenario composition: files are parsed into a plain tree whose every node remembers the
// file, line and column it came from; `extends` parents and `include`d files are merged
// into one tree; `--set` settings are applied to it; the result becomes one YAML document
// plus a table that maps each of its nodes back to its source, so a problem found by the
// loader is reported in the file (or --set) where the value was written.
// Rules (docs/scenarios.md, "Composing scenarios"):
//   extends: parent.yaml     the file's keys are merged over the resolved parent
//   merge                    mappings merge key by key; lists whose items all have an `id`
//                            merge by id (same id: keys override; new id: appended;
//                            `remove: true` drops the inherited item); other values replace
//   {include: file.yaml}     a mapping with an `include` key is replaced by the file's
//                            content (other keys in it are merged over that content); in a
//                            list, an included list is spliced in place
#pragma once
#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <string>
#include <vector>

#include "laborsim/errors.hpp"

namespace laborsim {

struct source_location {
    std::string file;  // a path, or "--set[i]" for a command-line setting
    int line = 0;      // 1-based; 0 when there is no position (command-line values)
    int column = 0;
};

struct tree_node {
    enum class kind : unsigned char { null, scalar, map, seq };
    kind type = kind::null;
    std::string scalar;
    // Mappings keep their keys in order, each with where it was written.
    std::vector<std::string> keys;
    std::vector<source_location> key_at;
    std::vector<tree_node> items;  // mapping values (parallel to keys) or list items
    source_location at;
    bool flow = false;  // written in flow style ({...} or [...]); kept when printing

    [[nodiscard]] bool is_map() const { return type == kind::map; }
    [[nodiscard]] bool is_seq() const { return type == kind::seq; }
    [[nodiscard]] bool is_scalar() const { return type == kind::scalar; }
    // Index of `key` in a mapping, or -1.
    [[nodiscard]] int find(const std::string& key) const;
    [[nodiscard]] const tree_node* get(const std::string& key) const;
    void erase(std::size_t index);
    void append(std::string key, source_location key_where, tree_node value);
};

// Bounds on what one scenario can make the loader do (issue 18: alias and include bombs,
// /dev/zero, 5,000-deep include chains); each is a located error, and docs/scenarios.md
// ("Limits") lists them. Real scenarios stay far below: the largest shipped one
// (scenarios/bench/national.yaml) is 19 KB and 2,100 nodes once composed.
inline constexpr std::uint64_t max_scenario_file_bytes = std::uint64_t{16} << 20;
inline constexpr std::size_t max_file_nesting = 32;    // extends and include, one inside another
inline constexpr std::size_t max_files_loaded = 256;   // files read for one scenario, repeats included
inline constexpr std::size_t max_tree_depth = 64;      // mappings and lists one inside another
inline constexpr std::size_t max_tree_nodes = 100000;  // nodes of all files, YAML aliases expanded

// Parses YAML text; a syntax error becomes a located diagnostic (and an empty tree).
// `nodes_left` (when given) is the node budget shared by every file of one scenario, spent
// here; past it (or past max_tree_depth) the parse is an error.
tree_node parse_tree(const std::string& text, const std::string& file, std::vector<diagnostic>& errors,
                     std::size_t* nodes_left = nullptr);

// Reads a whole scenario file: only a regular file of at most max_scenario_file_bytes (never
// a pipe, device or directory: opened without blocking and checked before reading).
// Returns "" and fills `text`, or why it cannot be read ("is a named pipe, not a regular file").
std::string read_scenario_file(const std::string& path, std::string& text);

// Where a scenario may read files from: include and extends outside `root` (after symbolic
// links are resolved) are errors. Empty: anywhere.
struct compose_options {
    std::string root;
};

// Loads a scenario file and resolves its `extends` chain and `include`s. `text` (when not
// null) is used instead of reading `path` for the top file (tests); relative paths resolve
// against the directory of the file that names them.
tree_node load_composed(const std::string& path, std::vector<diagnostic>& errors, const std::string* text = nullptr,
                        const compose_options& options = {});

// Merges `child` over `parent` (the rules above).
tree_node merge_trees(tree_node parent, tree_node child, std::vector<diagnostic>& errors);

// Applies one "key.path=value" setting (the index-th --set). Path steps are mapping keys;
// in a list a step is an index or an item's id ("regions.0", "regions[0]", "regions.cao-bang").
// The value is parsed as YAML, so it is typed like a value written in the file.
// Splits a --set key path "a.b[2].c" into its steps (a, b, 2, c).
std::vector<std::string> split_key_path(std::string path);
// Longest key path accepted (steps); real scenarios need fewer than ten.
inline constexpr std::size_t max_key_path_steps = 64;
// Why a key path is malformed, or "" when it is well formed: every step non-empty, brackets
// only as `key[item]` (an index or an id, no dots or brackets inside), at most
// max_key_path_steps steps.
std::string key_path_problem(const std::string& path);
void apply_setting(tree_node& root, const std::string& setting, std::size_t index, std::vector<diagnostic>& errors);

// Each node of a built YAML document with the place it came from.
class origin_table {
public:
    void add(const YAML::Node& node, const source_location& where) { entries_.emplace_back(node, where); }
    // The source of `node` (compared by identity), or null when unknown.
    [[nodiscard]] const source_location* find(const YAML::Node& node) const;

private:
    std::vector<std::pair<YAML::Node, source_location>> entries_;
};

struct yaml_document {
    YAML::Node root;
    origin_table origins;
};

// Builds the YAML document the loader reads, remembering each node's source.
yaml_document to_yaml(const tree_node& root);

}  // namespace laborsim
