// The schema as JSON (`laborsim schema --json`): for programs that walk every key, such as
// the lever test (tests/python/test_levers.py) and the workbench's generated forms.
#include "scenario/schema.hpp"
#include "util/json_writer.hpp"

namespace laborsim {

namespace {

std::string_view value_type_name(value_type t) {
    switch (t) {
        case value_type::integer: return "integer";
        case value_type::number: return "number";
        case value_type::nonneg: return "nonneg";
        case value_type::fraction: return "fraction";
        case value_type::boolean: return "boolean";
        case value_type::string: return "string";
        case value_type::identifier: return "identifier";
        case value_type::date: return "date";
        case value_type::choice: return "choice";
        case value_type::string_list: return "string_list";
        case value_type::level_shares: return "level_shares";
        case value_type::field_shares: return "field_shares";
        case value_type::level_numbers: return "level_numbers";
        case value_type::field_fractions: return "field_fractions";
        case value_type::number_list: return "number_list";
        case value_type::mapping: return "mapping";
        case value_type::mapping_list: return "mapping_list";
    }
    return "value";
}

}  // namespace

std::string schema_json() {
    json_writer j;
    j.begin_object().field("format", "laborsim-schema").field("format_version", 1).key("sections").begin_array();
    for (const auto& s : scenario_schema()) {
        j.begin_object().field("name", s.name).field("doc", s.doc).key("keys").begin_array();
        for (const auto& k : s.keys) {
            j.begin_object()
                .field("key", k.key)
                .field("type", value_type_name(k.type))
                .field("type_text", value_type_text(k))
                .field("default", k.default_text)
                .field("unit", k.unit)
                .field("doc", k.doc);
            j.key("choices").begin_array();
            for (auto c : k.choices) j.value(c);
            j.end_array();
            if (!k.section.empty()) j.field("section", k.section);
            j.end_object();
        }
        j.end_array().end_object();
    }
    j.end_array().end_object();
    return j.str() + "\n";
}

}  // namespace laborsim
