// Composition: `extends` chains, `include`d data files and the merge rules that combine
// them (see scenario_tree.hpp and docs/scenarios.md). Every problem is a located diagnostic
// in the file that holds the offending key.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/vfs.h>
#endif

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "scenario/scenario_tree.hpp"

namespace laborsim {

namespace fs = std::filesystem;

namespace {

// The files being loaded, outermost first, to report cycles with their chain, and what the
// whole scenario has used of its bounds (scenario_tree.hpp).
struct load_chain {
    std::vector<std::string> shown;      // as written (for messages)
    std::vector<std::string> canonical;  // for comparison
    std::size_t files_loaded = 0;
    std::size_t nodes_left = max_tree_nodes;
    std::string root;  // canonical; empty: no confinement
};

std::string canonical_of(const std::string& path) {
    std::error_code ec;
    auto p = fs::weakly_canonical(fs::path(path), ec);
    return ec ? fs::path(path).lexically_normal().string() : p.string();
}

// A path written in `from_file`, resolved against that file's directory.
std::string resolve_relative(const std::string& from_file, const std::string& written) {
    const fs::path p(written);
    if (p.is_absolute()) return p.lexically_normal().string();
    return (fs::path(from_file).parent_path() / p).lexically_normal().string();
}

std::string file_kind(mode_t mode) {
    if (S_ISDIR(mode)) return "a directory";
    if (S_ISFIFO(mode)) return "a named pipe";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISSOCK(mode)) return "a socket";
    return "not a regular file";
}

// Files of /proc and /sys say they are regular and empty, yet read endlessly or fail.
bool on_kernel_filesystem(int fd) {
#ifdef __linux__
    struct statfs fs {};
    constexpr long proc_magic = 0x9fa0, sysfs_magic = 0x62656572;
    return fstatfs(fd, &fs) == 0 && (fs.f_type == proc_magic || fs.f_type == sysfs_magic);
#else
    (void)fd;
    return false;
#endif
}

std::string read_open_file(int fd, std::string& text) {
    struct stat st {};
    if (fstat(fd, &st) != 0) return std::strerror(errno);
    if (!S_ISREG(st.st_mode)) return "is " + file_kind(st.st_mode) + ", not a regular file";
    if (on_kernel_filesystem(fd)) return "is a kernel file (/proc, /sys), not a scenario file";
    const auto too_big =
        "is over " + std::to_string(max_scenario_file_bytes >> 20) + " MiB, the most a scenario file may have";
    if (static_cast<std::uint64_t>(st.st_size) > max_scenario_file_bytes) return too_big;
    std::string out;
    char buf[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return std::strerror(errno);
        if (n == 0) break;
        out.append(buf, static_cast<std::size_t>(n));
        if (out.size() > max_scenario_file_bytes) return too_big;  // it grew while read
    }
    text = std::move(out);
    return "";
}

void error_at(std::vector<diagnostic>& errors, const source_location& at, const std::string& key_path,
              const std::string& message) {
    errors.push_back({at.file, at.line, at.column, key_path, message});
}

// Why `canon` may not be read under the chain's root, or "".
std::string outside_root(const load_chain& chain, const std::string& canon) {
    if (chain.root.empty()) return "";
    const fs::path rel = fs::path(canon).lexically_relative(chain.root);
    if (!rel.empty() && *rel.begin() != ".." && rel.is_relative()) return "";
    return "is outside the scenario root " + chain.root + " (--scenario-root)";
}

// Why the next file may not be loaded (nesting, count, root), or "".
std::string load_refused(load_chain& chain, const std::string& canon) {
    if (chain.shown.size() >= max_file_nesting)
        return "extends and include nest over " + std::to_string(max_file_nesting) + " files deep (from " +
               chain.shown.front() + ")";
    if (++chain.files_loaded > max_files_loaded)
        return "the scenario reads over " + std::to_string(max_files_loaded) +
               " files (extends and include, repeats counted)";
    return outside_root(chain, canon);
}

// The start of a value, for a message about a file that may not be a scenario.
std::string excerpt_of(const tree_node& t) {
    if (t.is_map()) return "a mapping";
    if (t.is_seq()) return "a list";
    if (t.type == tree_node::kind::null) return "nothing";
    constexpr std::size_t shown = 24;
    if (t.scalar.size() <= shown) return "\"" + t.scalar + "\"";
    return "text starting \"" + t.scalar.substr(0, shown) + "...\"";
}

std::string join_path(const std::string& path, const std::string& key) { return path.empty() ? key : path + "." + key; }

std::string chain_text(const load_chain& chain, const std::string& closing) {
    std::string out;
    for (const auto& f : chain.shown) out += f + " -> ";
    return out + closing;
}

tree_node load_file(const std::string& path, const source_location& named_at, const std::string& key_path,
                    load_chain& chain, std::vector<diagnostic>& errors, const std::string* text, bool scenario_file);

// Replaces every mapping with an `include` key by the included content.
void expand_includes(tree_node& t, const std::string& path, load_chain& chain, std::vector<diagnostic>& errors);

// Loads the file an include names and merges the mapping's other keys over it.
// Returns false when the node should be dropped (an error was reported).
bool expand_one(tree_node& t, const std::string& path, load_chain& chain, std::vector<diagnostic>& errors) {
    const int k = t.find("include");
    const tree_node& value = t.items[static_cast<std::size_t>(k)];
    const std::string kp = join_path(path, "include");
    if (!value.is_scalar() || value.scalar.empty()) {
        error_at(errors, value.at, kp, "expected the path of a YAML file to include");
        return false;
    }
    const std::string file = resolve_relative(value.at.file, value.scalar);
    tree_node content = load_file(file, value.at, kp, chain, errors, nullptr, false);
    tree_node rest = t;
    rest.erase(static_cast<std::size_t>(k));
    if (rest.keys.empty()) {
        t = std::move(content);
        return true;
    }
    if (!content.is_map()) {
        error_at(errors, value.at, kp,
                 "keys beside `include` override the included file's keys, so it must hold a mapping; " + file +
                     " does not");
        return false;
    }
    t = merge_trees(std::move(content), std::move(rest), errors);
    return true;
}

void expand_includes(tree_node& t, const std::string& path, load_chain& chain, std::vector<diagnostic>& errors) {
    if (t.is_map()) {
        if (t.find("include") >= 0) {
            if (!expand_one(t, path, chain, errors)) t = tree_node{};
            return;  // the included file was expanded when it was loaded
        }
        for (std::size_t i = 0; i < t.keys.size(); ++i)
            expand_includes(t.items[i], join_path(path, t.keys[i]), chain, errors);
    } else if (t.is_seq()) {
        std::vector<tree_node> out;
        for (std::size_t i = 0; i < t.items.size(); ++i) {
            tree_node& item = t.items[i];
            const std::string ip = path + "[" + std::to_string(i) + "]";
            const bool splice = item.is_map() && item.find("include") >= 0 && item.keys.size() == 1;
            expand_includes(item, ip, chain, errors);
            if (splice && item.is_seq()) {
                for (auto& x : item.items) out.push_back(std::move(x));
            } else if (item.type != tree_node::kind::null || !splice) {
                out.push_back(std::move(item));
            }
        }
        t.items = std::move(out);
    }
}

tree_node load_file(const std::string& path, const source_location& named_at, const std::string& key_path,
                    load_chain& chain, std::vector<diagnostic>& errors, const std::string* text, bool scenario_file) {
    const std::string canon = canonical_of(path);
    for (const auto& c : chain.canonical) {
        if (c != canon) continue;
        error_at(errors, named_at, key_path,
                 std::string(scenario_file ? "extends" : "include") + " cycle: " + chain_text(chain, path));
        return {};
    }
    const auto refuse = [&](const std::string& why) {
        if (named_at.file.empty()) error_at(errors, {path, 0, 0}, "", "cannot open the scenario file: " + why);
        else error_at(errors, named_at, key_path, "cannot open " + path + ": " + why);
        return tree_node{};
    };
    if (const std::string why = load_refused(chain, canon); !why.empty()) return refuse(why);
    std::string content;
    if (text != nullptr) {
        content = *text;
    } else if (const std::string why = read_scenario_file(path, content); !why.empty()) {
        return refuse(why);
    }
    const std::size_t errors_before = errors.size();
    tree_node t = parse_tree(content, path, errors, &chain.nodes_left);
    if (errors.size() > errors_before) return {};
    // A parent must be a scenario; whatever else a file holds is quoted no further than its start.
    if (scenario_file && !t.is_map() && !named_at.file.empty()) {
        error_at(errors, named_at, key_path,
                 path + " is not a scenario (a mapping of keys): it holds " + excerpt_of(t));
        return {};
    }
    if (scenario_file && t.type == tree_node::kind::null) {
        error_at(errors, {path, 1, 1}, "", "expected a scenario (a mapping of keys), but the file holds nothing");
        return {};
    }
    chain.shown.push_back(path);
    chain.canonical.push_back(canon);
    // `extends` is read before includes are expanded, so a parent is always a file path.
    int e = scenario_file && t.is_map() ? t.find("extends") : -1;
    tree_node parent;
    bool has_parent = false;
    if (e >= 0) {
        const tree_node value = t.items[static_cast<std::size_t>(e)];
        t.erase(static_cast<std::size_t>(e));
        if (!value.is_scalar() || value.scalar.empty()) {
            error_at(errors, value.at, "extends", "expected the path of a parent scenario file");
        } else {
            parent = load_file(resolve_relative(path, value.scalar), value.at, "extends", chain, errors, nullptr, true);
            has_parent = true;
        }
    }
    expand_includes(t, "", chain, errors);
    chain.shown.pop_back();
    chain.canonical.pop_back();
    if (has_parent) return merge_trees(std::move(parent), std::move(t), errors);
    return t;
}

// A list merges by id when every item on both sides is a mapping with a scalar `id`.
bool named_list(const tree_node& t) {
    for (const auto& item : t.items) {
        const tree_node* id = item.is_map() ? item.get("id") : nullptr;
        if (id == nullptr || !id->is_scalar()) return false;
    }
    return true;
}

int find_id(const tree_node& list, const std::string& id) {
    for (std::size_t i = 0; i < list.items.size(); ++i)
        if (list.items[i].get("id")->scalar == id) return static_cast<int>(i);
    return -1;
}

// Leftover `remove` keys: `remove: false` is dropped; `remove: true` on an item that
// nothing was inherited for is an error.
void check_removals(tree_node& t, const std::string& path, std::vector<diagnostic>& errors) {
    if (t.is_map()) {
        for (std::size_t i = 0; i < t.keys.size(); ++i) check_removals(t.items[i], join_path(path, t.keys[i]), errors);
    } else if (t.is_seq()) {
        for (std::size_t i = 0; i < t.items.size(); ++i) {
            auto& item = t.items[i];
            const std::string ip = path + "[" + std::to_string(i) + "]";
            if (const int k = item.is_map() ? item.find("remove") : -1; k >= 0) {
                const tree_node& flag = item.items[static_cast<std::size_t>(k)];
                if (flag.is_scalar() && (flag.scalar == "false" || flag.scalar == "no")) {
                    item.erase(static_cast<std::size_t>(k));
                } else {
                    const tree_node* id = item.get("id");
                    error_at(errors, item.key_at[static_cast<std::size_t>(k)], ip + ".remove",
                             "no inherited item with id '" + (id && id->is_scalar() ? id->scalar : std::string("?")) +
                                 "' to remove (remove: true drops an item inherited through `extends`)");
                }
            }
            check_removals(item, ip, errors);
        }
    }
}

}  // namespace

tree_node merge_trees(tree_node parent, tree_node child, std::vector<diagnostic>& errors) {
    if (parent.is_map() && child.is_map()) {
        for (std::size_t j = 0; j < child.keys.size(); ++j) {
            const int i = parent.find(child.keys[j]);
            if (i < 0) {
                parent.append(child.keys[j], child.key_at[j], std::move(child.items[j]));
                continue;
            }
            auto& slot = parent.items[static_cast<std::size_t>(i)];
            slot = merge_trees(std::move(slot), std::move(child.items[j]), errors);
            parent.key_at[static_cast<std::size_t>(i)] = child.key_at[j];
        }
        parent.at = child.at;
        return parent;
    }
    if (parent.is_seq() && child.is_seq() && !child.items.empty() && named_list(parent) && named_list(child)) {
        for (auto& item : child.items) {
            const std::string id = item.get("id")->scalar;
            const int i = find_id(parent, id);
            if (const int r = item.find("remove"); r >= 0) {
                const tree_node& flag = item.items[static_cast<std::size_t>(r)];
                if (flag.is_scalar() && (flag.scalar == "true" || flag.scalar == "yes")) {
                    if (i < 0) {
                        error_at(errors, item.key_at[static_cast<std::size_t>(r)], "remove",
                                 "no inherited item with id '" + id + "' to remove");
                    } else {
                        parent.items.erase(parent.items.begin() + i);
                    }
                    continue;
                }
                if (!(flag.is_scalar() && (flag.scalar == "false" || flag.scalar == "no"))) {
                    error_at(errors, flag.at, "remove", "expected true or false");
                    continue;
                }
                item.erase(static_cast<std::size_t>(r));
            }
            if (i < 0) parent.items.push_back(std::move(item));
            else
                parent.items[static_cast<std::size_t>(i)] =
                    merge_trees(std::move(parent.items[static_cast<std::size_t>(i)]), std::move(item), errors);
        }
        parent.at = child.at;
        return parent;
    }
    return child;
}

std::string read_scenario_file(const std::string& path, std::string& text) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);  // a pipe must not block
    if (fd < 0) return std::strerror(errno);
    std::string why = read_open_file(fd, text);
    ::close(fd);
    return why;
}

tree_node load_composed(const std::string& path, std::vector<diagnostic>& errors, const std::string* text,
                        const compose_options& options) {
    load_chain chain;
    if (!options.root.empty()) {
        std::error_code ec;
        chain.root = fs::canonical(options.root, ec).string();
        if (ec || !fs::is_directory(chain.root)) {
            error_at(errors, {options.root, 0, 0}, "", "the scenario root is not a directory");
            return {};
        }
    }
    tree_node t = load_file(path, source_location{}, "", chain, errors, text, true);
    check_removals(t, "", errors);
    return t;
}

}  // namespace laborsim
