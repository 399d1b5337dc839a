// The list of policy types, the variant, the names and the schema agree: every type has its
// section policy.<type> whose keys are all bound, a unique name, and a `type` choice.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "laborsim/policy.hpp"
#include "policy/policy_hooks.hpp"
#include "scenario/schema.hpp"

using namespace laborsim;

TEST_CASE("policy list, variant, names and schema agree", "[unit][policy][schema]") {
    std::vector<std::string> from_list;
    for_each_policy_type([&]<class T>() { from_list.emplace_back(T::type_name); });
    REQUIRE(from_list.size() == std::variant_size_v<policy_params>);
    REQUIRE(from_list.size() == policy_type_names.size());
    std::set<std::string> unique;
    for (std::size_t i = 0; i < from_list.size(); ++i) {
        CHECK(from_list[i] == policy_type_names[i]);
        unique.insert(from_list[i]);
        // The variant's alternative i is the list's type i.
        policy_params p;
        std::size_t index = 0;
        for_each_policy_type([&]<class T>() {
            if (index++ == i) p.emplace<T>();
        });
        CHECK(std::string(policy_type_name(p)) == from_list[i]);
    }
    CHECK(unique.size() == from_list.size());

    const auto* type_key = schema_section("policy").find("type");
    REQUIRE(type_key != nullptr);
    REQUIRE(type_key->choices.size() == from_list.size());
    for (std::size_t i = 0; i < from_list.size(); ++i) CHECK(type_key->choices[i] == from_list[i]);

    std::size_t policy_sections = 0;
    for (const auto& s : scenario_schema()) policy_sections += s.name.starts_with("policy.");
    CHECK(policy_sections == from_list.size());
    for (const auto& name : from_list) {
        INFO("policy." << name);
        const auto& section = schema_section("policy." + name);
        CHECK(!section.keys.empty());
        for (const auto& k : section.keys) {
            INFO(k.key);
            CHECK(k.bind.target != nullptr);
            if (k.type == value_type::mapping_list) {
                for (const auto& nk : schema_section(k.section).keys) CHECK(nk.bind.target != nullptr);
            }
        }
    }
}

TEST_CASE("schema levels, fields and school kinds are the names of types.hpp", "[unit][policy][schema]") {
    const auto* level = schema_section("target").find("min_level");
    REQUIRE(level != nullptr);
    CHECK(level->choices == choices_of(education_names));
    CHECK(schema_section("school").find("field")->choices == choices_of(field_names));
    CHECK(schema_section("school").find("kind")->choices == choices_of(school_kind_names));
}
