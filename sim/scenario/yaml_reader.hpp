// Typed, schema-checked reading of yaml-cpp nodes that collects located diagnostics
// instead of stopping at the first problem.
#pragma once
#include <yaml-cpp/yaml.h>

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "laborsim/calendar.hpp"
#include "laborsim/errors.hpp"
#include "laborsim/types.hpp"
#include "scenario/scenario_tree.hpp"
#include "scenario/schema.hpp"

namespace laborsim {

class yaml_reader {
public:
    // `origins` (optional) maps each node to the file and place it was written in; without
    // it, errors name `file` and the node's own mark.
    explicit yaml_reader(std::string file, const origin_table* origins = nullptr)
        : file_(std::move(file)), origins_(origins) {}

    // Reports a problem with the value (or key) `at`.
    void error(const YAML::Node& at, const std::string& path, const std::string& message);
    // The same at a mark in `file` (for readers of single files, e.g. sweep specs).
    void error(const YAML::Mark& mark, const std::string& path, const std::string& message);
    [[nodiscard]] const std::vector<diagnostic>& diagnostics() const { return diagnostics_; }
    [[nodiscard]] bool ok() const { return diagnostics_.empty(); }

    // True when `node` is a mapping; reports keys that no listed section knows.
    bool check_map(const YAML::Node& node, const std::string& path,
                   std::initializer_list<const section_spec*> sections);

    // Reads `key` of `map` as described by the section's key_spec into `out`; reports a
    // missing required key or a value of the wrong type. Returns true when a value was read.
    template <class T>
    bool get(const YAML::Node& map, const section_spec& section, std::string_view key, const std::string& path, T& out);

    [[nodiscard]] static std::string join(const std::string& path, std::string_view key) {
        return path.empty() ? std::string(key) : path + "." + std::string(key);
    }
    [[nodiscard]] static std::string describe(const YAML::Node& n);
    // At most the start of a long text (a value may hold a whole file that is not a scenario).
    // 24 characters by default: no more of a file that is not a scenario (/etc/passwd) is echoed.
    [[nodiscard]] static std::string excerpt(const std::string& text, std::size_t shown = 24);

private:
    const key_spec& spec_of(const section_spec& s, std::string_view key) const;
    bool convert(const YAML::Node& n, const key_spec& k, const std::string& path, double& out);
    bool convert(const YAML::Node& n, const key_spec& k, const std::string& path, std::int64_t& out);
    bool convert(const YAML::Node& n, const key_spec& k, const std::string& path, bool& out);
    bool convert(const YAML::Node& n, const key_spec& k, const std::string& path, std::string& out);
    bool convert(const YAML::Node& n, const key_spec& k, const std::string& path, year_month& out);
    bool convert(const YAML::Node& n, const key_spec& k, const std::string& path, std::vector<std::string>& out);
    bool convert(const YAML::Node& n, const key_spec& k, const std::string& path, std::vector<double>& out);
    template <std::size_t N>
    bool convert(const YAML::Node& n, const key_spec& k, const std::string& path, std::array<double, N>& out);
    // Reports a number outside the key's range (schema.cpp, value ranges).
    bool in_range(const YAML::Node& n, const key_spec& k, const std::string& path, double v);
    template <class E>
    bool convert_enum(const YAML::Node& n, const key_spec& k, const std::string& path, E& out);

    // False past max_listed_diagnostics: the error is only counted.
    bool listed();

    std::string file_;
    const origin_table* origins_ = nullptr;
    std::vector<diagnostic> diagnostics_;
    std::size_t unlisted_ = 0;
};

}  // namespace laborsim

#include "scenario/yaml_reader_impl.hpp"
