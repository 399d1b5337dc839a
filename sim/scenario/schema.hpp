// The scenario schema: every key the loader accepts, with its type, default, unit and
// meaning. The loader looks keys up here (an unknown key is an error with a suggestion)
// and `laborsim schema` prints docs/scenarios.md from it, so the two cannot drift.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "laborsim/calendar.hpp"
#include "laborsim/types.hpp"
#include "policy/target_group.hpp"

namespace laborsim {

enum class value_type {
    integer,   // whole number, >= 0
    number,    // any real number
    nonneg,    // real >= 0
    fraction,  // real in [0, 1]
    boolean,
    string,
    identifier,       // [a-z0-9_-]+
    date,             // "YYYY-MM"
    choice,           // one of key_spec::choices
    string_list,      // list of strings (or one string)
    level_shares,     // map education level -> fraction, summing to 1
    field_shares,     // map field -> fraction, summing to 1
    level_numbers,    // map education level -> number
    field_fractions,  // map field -> fraction (each in [0, 1], no sum)
    number_list,      // list of numbers
    mapping,          // a nested section
    mapping_list,     // a list of nested sections
};

// Where the loader puts a key's value in the spec it is reading (regions, schools, policies), found
// from the spec's address. It is data, so the engine's policy files can state it without
// any YAML; sim/scenario does the reading.
struct choice_target {  // an enum whose enumerators are the key's choices, in order
    void* target;
    void (*set)(void* target, std::size_t choice);
};
struct choice_list_target {  // a list of such enums
    void* target;
    void (*add)(void* target, std::size_t choice);
};
struct item_list_target {  // mapping_list: a new item per mapping, read by the nested section's bindings
    void* target;
    void* (*append)(void* target);
};
using bound_target =
    std::variant<std::monostate, double*, int*, bool*, std::string*, std::vector<std::string>*, std::vector<double>*,
                 year_month*, education_level*, std::optional<education_level>*, field_kind*,
                 std::optional<field_kind>*, target_group*, choice_target, choice_list_target, item_list_target,
                 std::array<double, 5>*, std::array<double, field_count>*, std::array<double, education_count>*>;
// What a key's values name, for the loader's cross-reference checks.
enum class key_refers : std::uint8_t { nothing, school_ids };

struct key_binding {
    bound_target (*target)(void* spec) = nullptr;  // null: the key is read by hand
    int min_months = -1;                           // >= 0: a one-byte month count, min_months..max_counter_months
    key_refers refers = key_refers::nothing;
};

struct key_spec {
    std::string_view key;
    value_type type;
    std::string_view default_text;  // "required" when it must be given
    std::string_view unit;
    std::string_view doc;
    std::vector<std::string_view> choices = {};
    std::string_view section = {};  // for mapping / mapping_list: the nested section's name
    key_binding bind = {};
    // Numeric keys (and the numbers inside number maps and lists): the values accepted, both
    // ends included. Filled in by the schema from the key's unit (schema.cpp, value_ranges),
    // so that a value no real scenario has (a 1e300 budget) is an error, not an overflow.
    double min = 0;
    double max = 0;

    [[nodiscard]] bool is_numeric() const;
};

namespace detail {
template <class C, class M>
C member_class(M C::*);
template <class T>
struct vector_item {
    using type = void;
};
template <class T>
struct vector_item<std::vector<T>> {
    using type = T;
};

template <class M>
bound_target target_of(M& m) {
    using item = typename vector_item<M>::type;
    if constexpr (std::is_enum_v<M> && !std::is_same_v<M, education_level> && !std::is_same_v<M, field_kind>) {
        return choice_target{&m, [](void* t, std::size_t c) { *static_cast<M*>(t) = static_cast<M>(c); }};
    } else if constexpr (std::is_enum_v<item>) {
        return choice_list_target{&m,
                                  [](void* t, std::size_t c) { static_cast<M*>(t)->push_back(static_cast<item>(c)); }};
    } else if constexpr (std::is_class_v<item> && !std::is_same_v<M, std::vector<std::string>>) {
        return item_list_target{&m, [](void* t) -> void* { return &static_cast<M*>(t)->emplace_back(); }};
    } else {
        return &m;
    }
}
template <auto Member>
bound_target member_target(void* spec) {
    using C = decltype(member_class(Member));
    return target_of(static_cast<C*>(spec)->*Member);
}
}  // namespace detail

// The key's value goes to `Member` of the spec: bind_to<&study_abroad::study_level>().
template <auto Member>
constexpr key_binding bind_to(key_refers refers = key_refers::nothing) {
    return {&detail::member_target<Member>, -1, refers};
}
// The same for a month count kept in a one-byte counter: min_months..max_counter_months.
template <auto Member>
constexpr key_binding bind_months(int min_months) {
    return {&detail::member_target<Member>, min_months, key_refers::nothing};
}

// Choices from one of the name tables of laborsim/types.hpp.
template <std::size_t N>
std::vector<std::string_view> choices_of(const std::array<std::string_view, N>& names) {
    return {names.begin(), names.end()};
}
// The education levels lo..hi, as choices.
inline std::vector<std::string_view> level_choices(education_level lo, education_level hi) {
    return {education_names.begin() + static_cast<int>(lo), education_names.begin() + static_cast<int>(hi) + 1};
}

struct section_spec {
    std::string_view name;
    std::string_view doc;
    std::vector<key_spec> keys;

    [[nodiscard]] const key_spec* find(std::string_view key) const;
};

// A key whose range is not its unit's (schema.cpp has the ranges by unit).
struct key_range {
    std::string_view key;  // section.key
    double min, max;
};
// Fills in min and max of every numeric key of `sections`: from `own` or else by its unit.
// Throws internal_error for a numeric key with neither (every number has a range).
void assign_ranges(std::vector<section_spec>& sections, const std::vector<key_range>& own);

// All sections, the root ("scenario") first.
const std::vector<section_spec>& scenario_schema();
const section_spec& schema_section(std::string_view name);

[[nodiscard]] std::string_view value_type_text(const key_spec& k);
// A key's range as written in messages and docs: "0 to 1e16".
[[nodiscard]] std::string range_text(const key_spec& k);
// A number as short as it reads: 1e16, 250000, 0.5.
[[nodiscard]] std::string short_number(double v);
// The whole schema as Markdown (docs/scenarios.md) and as JSON (`laborsim schema --json`).
std::string schema_markdown();
std::string schema_json();

// Closest candidate within a small edit distance, or empty.
std::string closest_match(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace laborsim
