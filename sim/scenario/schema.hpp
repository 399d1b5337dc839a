// The scenario schema: every key the loader accepts, with its type, default, unit and
// meaning. The loader looks keys up here (an unknown key is an error with a suggestion)
// and `laborsim schema` prints docs/scenarios.md from it, so the two cannot drift.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace laborsim {

enum class value_type {
    integer,        // whole number, >= 0
    number,         // any real number
    nonneg,         // real >= 0
    fraction,       // real in [0, 1]
    boolean,
    string,
    identifier,     // [a-z0-9_-]+
    date,           // "YYYY-MM"
    choice,         // one of key_spec::choices
    string_list,    // list of strings (or one string)
    level_shares,   // map education level -> fraction, summing to 1
    field_shares,   // map field -> fraction, summing to 1
    level_numbers,  // map education level -> number
    field_fractions, // map field -> fraction (each in [0, 1], no sum)
    number_list,    // list of numbers
    mapping,        // a nested section
    mapping_list,   // a list of nested sections
};

struct key_spec {
    std::string_view key;
    value_type type;
    std::string_view default_text;  // "required" when it must be given
    std::string_view unit;
    std::string_view doc;
    std::vector<std::string_view> choices = {};
    std::string_view section = {};  // for mapping / mapping_list: the nested section's name
};

struct section_spec {
    std::string_view name;
    std::string_view doc;
    std::vector<key_spec> keys;

    [[nodiscard]] const key_spec* find(std::string_view key) const;
};

// All sections, the root ("scenario") first.
const std::vector<section_spec>& scenario_schema();
const section_spec& schema_section(std::string_view name);

[[nodiscard]] std::string_view value_type_text(const key_spec& k);
// The whole schema as Markdown (docs/scenarios.md) and as JSON (`laborsim schema --json`).
std::string schema_markdown();
std::string schema_json();

// Closest candidate within a small edit distance, or empty.
std::string closest_match(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace laborsim
