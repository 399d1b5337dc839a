// The scenario schema is the single source of truth for keys, types and documented
// defaults: check it is well formed, that its suggestions work, and that the defaults it
// documents are the values the loader actually uses.
#include <yaml-cpp/yaml.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <set>
#include <string>
#include <vector>

#include "laborsim/errors.hpp"
#include "laborsim/scenario_io.hpp"
#include "scenario/schema.hpp"

using laborsim::closest_match;
using laborsim::scenario_schema;
using laborsim::schema_section;
using laborsim::value_type;

TEST_CASE("schema: the root section comes first and section names are unique", "[schema]") {
    const auto& schema = scenario_schema();
    REQUIRE_FALSE(schema.empty());
    CHECK(schema.front().name == "scenario");
    std::set<std::string_view> names;
    for (const auto& s : schema) {
        INFO("section " << s.name);
        CHECK(names.insert(s.name).second);
        CHECK_FALSE(s.doc.empty());
        CHECK_FALSE(s.keys.empty());
    }
    CHECK_THROWS_AS(schema_section("no-such-section"), laborsim::internal_error);
}

TEST_CASE("schema: keys are unique within every section and fully documented", "[schema]") {
    for (const auto& s : scenario_schema()) {
        std::set<std::string_view> keys;
        for (const auto& k : s.keys) {
            INFO("section " << s.name << ", key " << k.key);
            CHECK(keys.insert(k.key).second);
            CHECK_FALSE(k.doc.empty());
            CHECK_FALSE(k.default_text.empty());
            CHECK(s.find(k.key) == &k);
            if (k.type == value_type::choice) {
                REQUIRE_FALSE(k.choices.empty());
                // A one-word documented default is one of the choices (or "required", or "any" =
                // unset); longer defaults describe what unset means ("none (no change)").
                bool ok = k.default_text == "required" || k.default_text == "any" ||
                          k.default_text.find(' ') != std::string_view::npos;
                for (auto c : k.choices) ok = ok || c == k.default_text;
                CHECK(ok);
            }
        }
        CHECK(s.find("no-such-key") == nullptr);
    }
}

TEST_CASE("schema: nested sections exist, and every policy type has its section", "[schema]") {
    std::set<std::string_view> names;
    for (const auto& s : scenario_schema()) names.insert(s.name);
    for (const auto& s : scenario_schema())
        for (const auto& k : s.keys)
            if (k.type == value_type::mapping || k.type == value_type::mapping_list) {
                INFO("section " << s.name << ", key " << k.key << " -> " << k.section);
                CHECK(names.count(k.section) == 1);
            }
    const auto* type = schema_section("policy").find("type");
    REQUIRE(type != nullptr);
    std::set<std::string> declared;
    for (auto t : type->choices) {
        INFO("policy type " << t);
        declared.insert("policy." + std::string(t));
        CHECK(names.count("policy." + std::string(t)) == 1);
    }
    // ...and no policy section is left without a type that selects it.
    for (auto n : names)
        if (n.substr(0, 7) == "policy.") CHECK(declared.count(std::string(n)) == 1);
    // A type's own keys never shadow the common policy keys.
    for (auto t : type->choices)
        for (const auto& k : schema_section("policy." + std::string(t)).keys) {
            INFO("policy." << t << "." << k.key);
            CHECK(schema_section("policy").find(k.key) == nullptr);
        }
}

TEST_CASE("schema: the Markdown reference lists every key of every section", "[schema]") {
    const std::string md = laborsim::schema_markdown();
    for (const auto& s : scenario_schema()) {
        CHECK(md.find("## `" + std::string(s.name) + "`") != std::string::npos);
        for (const auto& k : s.keys) CHECK(md.find("| `" + std::string(k.key) + "` |") != std::string::npos);
    }
}

TEST_CASE("closest_match: suggests near misses and nothing for far words", "[schema]") {
    const std::vector<std::string_view> keys{"seed", "scale", "name", "labor_force", "regions", "calendar"};
    CHECK(closest_match("seeed", keys) == "seed");
    CHECK(closest_match("sed", keys) == "seed");
    CHECK(closest_match("labour_force", keys) == "labor_force");
    CHECK(closest_match("region", keys) == "regions");
    CHECK(closest_match("calender", keys) == "calendar");
    CHECK(closest_match("scale", keys) == "scale");  // an exact match is its own best
    CHECK(closest_match("zzzzzzzz", keys).empty());
    CHECK(closest_match("xyz", keys).empty());
    CHECK(closest_match("seed", {}).empty());
    // The nearest of several candidates wins, not the first within reach.
    CHECK(closest_match("abcd", {"abxx", "abcx"}) == "abcx");
    // Longer words tolerate more edits (a third of their length).
    CHECK(closest_match("unemploymnt_rtae", {"unemployment_rate"}) == "unemployment_rate");
    CHECK(closest_match("abc", {"xyz"}).empty());
}

// --- documented defaults == the loader's defaults -------------------------------------

namespace {

const char* const base_text =
    "name: d\n"
    "calendar: {start: 2021-01, end: 2021-12}\n"
    "regions:\n"
    "  - {id: north, labor_force: 1000, education_shares: {none: 1}, field_shares: {agriculture: 1}}\n"
    "schools:\n"
    "  - {id: s, region: north, seats_per_year: 10}\n"
    "policies:\n"
    "  - {id: p, type: vocational_training_quota, seats_per_year: 10, target: {}}\n"
    "output: {}\n";

// Every number the loader fills in for the base scenario's sections, in a fixed order.
std::vector<double> numbers_of(const laborsim::scenario& sc) {
    std::vector<double> v{static_cast<double>(sc.seed), sc.scale};
    static_assert(sizeof(laborsim::model_params) % sizeof(double) == 0, "model_params holds only doubles");
    std::vector<double> model(sizeof(laborsim::model_params) / sizeof(double));
    std::memcpy(model.data(), &sc.model, sizeof(laborsim::model_params));
    v.insert(v.end(), model.begin(), model.end());
    const auto& r = sc.regions.at(0);
    v.insert(v.end(), {r.population, r.labor_force, r.urban_share, r.unemployment_rate, r.mean_wage_vnd, r.min_wage_vnd,
                       r.amenity, r.labor_force_growth, r.latitude, r.longitude, r.firms_per_1000_workers});
    v.insert(v.end(), r.education_shares.begin(), r.education_shares.end());
    v.insert(v.end(), r.field_shares.begin(), r.field_shares.end());
    v.insert(v.end(), r.age_shares.begin(), r.age_shares.end());
    const auto& s = sc.schools.at(0);
    v.insert(v.end(), {static_cast<double>(s.kind), static_cast<double>(s.field), s.seats_per_year,
                       static_cast<double>(s.program_months), s.completion_rate, s.skill_gain, s.tuition_vnd_year,
                       s.recruitment_intensity, s.quality});
    const auto& p = sc.policies.at(0);
    const auto& q = std::get<laborsim::vocational_training_quota>(p.params);
    using laborsim::education_level;
    v.insert(v.end(), {p.annual_budget_vnd, q.seats_per_year, static_cast<double>(q.course_level),
                       static_cast<double>(q.course_field), static_cast<double>(q.course_months), q.completion_rate,
                       q.skill_gain, q.cost_per_trainee_vnd, q.placement_support,
                       // An unset bound means the widest one, as the schema documents.
                       static_cast<double>(q.target.min_level.value_or(education_level::none)),
                       static_cast<double>(q.target.max_level.value_or(education_level::postgraduate)),
                       static_cast<double>(q.target.min_age), static_cast<double>(q.target.max_age)});
    v.insert(v.end(), {static_cast<double>(sc.output.panel), static_cast<double>(sc.output.snapshots_every_months)});
    return v;
}

// The node in the base scenario that holds a section's keys.
YAML::Node section_node(YAML::Node root, std::string_view section) {
    if (section == "scenario") return root;
    if (section == "region") return root["regions"][0];
    if (section == "school") return root["schools"][0];
    if (section == "policy" || section == "policy.vocational_training_quota") return root["policies"][0];
    if (section == "target") return root["policies"][0]["target"];
    if (section == "model") {
        if (!root["model"]) root["model"] = YAML::Node(YAML::NodeType::Map);
        return root["model"];
    }
    if (section == "output") return root["output"];
    return YAML::Node();
}

bool is_number(std::string_view text) {
    const std::string s(text);
    char* end = nullptr;
    std::strtod(s.c_str(), &end);
    return !s.empty() && end == s.c_str() + s.size();
}

}  // namespace

TEST_CASE("schema: documented defaults are the values the loader uses", "[schema]") {
    const auto defaults = numbers_of(laborsim::load_scenario_text(base_text, "base.yaml"));
    int checked = 0;
    for (const auto& s : scenario_schema()) {
        for (const auto& k : s.keys) {
            const bool numeric = k.type == value_type::integer || k.type == value_type::number ||
                                 k.type == value_type::nonneg || k.type == value_type::fraction;
            const bool applies =
                (numeric && is_number(k.default_text)) ||
                (k.type == value_type::number_list && k.default_text.substr(0, 1) == "[") ||
                (k.type == value_type::choice && k.default_text != "required" && k.default_text != "any" &&
                 // a descriptive default ("by kind") names no choice to load
                 std::find(k.choices.begin(), k.choices.end(), k.default_text) != k.choices.end());
            if (!applies) continue;
            YAML::Node root = YAML::Load(base_text);
            YAML::Node node = section_node(root, s.name);
            if (!node.IsDefined()) continue;  // a section this test does not build (minimum-wage steps)
            node[std::string(k.key)] = YAML::Load(std::string(k.default_text));
            const std::string text = YAML::Dump(root);
            INFO(s.name << "." << k.key << " documented default " << k.default_text << "\n" << text);
            const auto explicit_default = numbers_of(laborsim::load_scenario_text(text, "explicit.yaml"));
            CHECK(explicit_default == defaults);
            ++checked;
        }
    }
    // The sections above hold dozens of such keys; a silent skip of all would pass vacuously.
    CHECK(checked > 50);
}
