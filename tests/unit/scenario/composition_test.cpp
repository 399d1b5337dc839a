// Scenario composition: extends chains, merge by id, removal, includes, --set, and errors
// located in the file (or setting) that holds the problem.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>

#include "laborsim/errors.hpp"
#include "laborsim/scenario_io.hpp"
#include "scratch_folder.hpp"

using namespace laborsim;
namespace fs = std::filesystem;

namespace {

class scratch : public test::scratch_folder {
public:
    scratch() : scratch_folder("laborsim-composition-") {}
};

const char* grand_text = R"(name: grand
calendar: {start: 2021-01, end: 2021-12}
scale: 0.01
regions:
  - id: a
    labor_force: 10000
    amenity: 0.1
    education_shares: {none: 1}
    field_shares: {industry: 1}
  - id: b
    labor_force: 20000
    education_shares: {none: 1}
    field_shares: {industry: 1}
policies:
  - id: quota
    type: vocational_training_quota
    region: a
    target: {rural: true, max_level: none}
    seats_per_year: 100
  - id: wage
    type: minimum_wage
    steps: [{from: 2021-06, wage_vnd: 4000000}]
)";

std::vector<diagnostic> errors_of(const std::string& path, const std::vector<std::string>& settings = {}) {
    try {
        load_scenario(path, settings);
    } catch (const input_error& e) {
        return e.diagnostics();
    }
    return {};
}

bool has_error(const std::vector<diagnostic>& ds, const std::string& file, int line, const std::string& key_path,
               const std::string& words) {
    for (const auto& d : ds)
        if (d.file == file && d.line == line && d.key_path == key_path && d.message.find(words) != std::string::npos)
            return true;
    return false;
}

std::string all_text(const std::vector<diagnostic>& ds) {
    std::string out;
    for (const auto& d : ds) out += d.to_string() + "\n";
    return out;
}

}  // namespace

TEST_CASE("extends chains merge mappings key by key and named lists by id", "[io][composition]") {
    scratch dir;
    dir.write("base/grand.yaml", grand_text);
    dir.write("parent.yaml", R"(extends: base/grand.yaml
name: parent
calendar: {end: 2022-06}
regions:
  - {id: c, labor_force: 5000, education_shares: {none: 1}, field_shares: {services: 1}}
)");
    const auto child = dir.write("variants/child.yaml", R"(extends: ../parent.yaml
name: child
regions:
  - {id: a, amenity: 0.5}
policies:
  - {id: quota, seats_per_year: 250, target: {max_level: short_course}}
  - {id: wage, remove: true}
  - {id: talent, type: talent_attraction, region: b, bonus_vnd: 1000000}
)");
    const scenario sc = load_scenario(child);
    CHECK(sc.name == "child");
    CHECK(sc.calendar.start == year_month{2021, 1});  // from grand
    CHECK(sc.calendar.end == year_month{2022, 6});    // from parent
    REQUIRE(sc.regions.size() == 3);
    CHECK(sc.regions[0].id == "a");
    CHECK(sc.regions[0].amenity == 0.5);        // child overrides one key
    CHECK(sc.regions[0].labor_force == 10000);  // the rest is inherited
    CHECK(sc.regions[1].id == "b");
    CHECK(sc.regions[2].id == "c");  // appended by the parent
    REQUIRE(sc.policies.size() == 2);
    CHECK(sc.policies[0].id == "quota");
    const auto& q = std::get<vocational_training_quota>(sc.policies[0].params);
    CHECK(q.seats_per_year == 250);
    CHECK(q.target.rural == true);  // nested mappings merge too
    CHECK(q.target.max_level == education_level::short_course);
    CHECK(sc.policies[1].id == "talent");
    CHECK(std::holds_alternative<talent_attraction>(sc.policies[1].params));
    // The resolved text has no extends and loads to the same scenario.
    CHECK(sc.resolved_yaml.find("\nextends:") == std::string::npos);
    const scenario again = load_scenario_text(sc.resolved_yaml, dir.path("resolved.yaml"));
    CHECK(again.regions.size() == 3);
    CHECK(again.regions[0].amenity == 0.5);
    CHECK(again.policies.size() == 2);
    CHECK(again.resolved_yaml.substr(again.resolved_yaml.find('\n')) ==
          sc.resolved_yaml.substr(sc.resolved_yaml.find('\n')));
}

TEST_CASE("an empty list or a list without ids replaces the inherited one", "[io][composition]") {
    scratch dir;
    dir.write("grand.yaml", grand_text);
    const auto child = dir.write("child.yaml", "extends: grand.yaml\npolicies: []\n");
    CHECK(load_scenario(child).policies.empty());
}

TEST_CASE("extends cycles are reported with the chain, in the file that closes them", "[io][composition]") {
    scratch dir;
    const auto a = dir.write("a.yaml", "extends: b.yaml\nname: a\n");
    dir.write("b.yaml", "name: b\nextends: a.yaml\n");
    const auto errors = errors_of(a);
    INFO(all_text(errors));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].file == dir.path("b.yaml"));
    CHECK(errors[0].line == 2);
    CHECK(errors[0].column == 10);
    CHECK(errors[0].key_path == "extends");
    CHECK(errors[0].message.find("cycle: " + a + " -> " + dir.path("b.yaml") + " -> " + dir.path("a.yaml")) !=
          std::string::npos);
}

TEST_CASE("errors in a parent or included file are located in that file", "[io][composition]") {
    scratch dir;
    std::string bad = grand_text;
    bad.replace(bad.find("seats_per_year: 100"), 19, "seats_per_year: lots");
    dir.write("grand.yaml", bad);
    dir.write("regions.yaml",
              "- id: c\n  labor_force: many\n  education_shares: {none: 1}\n  field_shares: {industry: 1}\n");
    const auto child =
        dir.write("child.yaml",
                  "extends: grand.yaml\nname: child\nregions:\n  - include: regions.yaml\n  - {id: a, amenty: 1}\n");
    const auto errors = errors_of(child);
    INFO(all_text(errors));
    CHECK(has_error(errors, dir.path("grand.yaml"), 19, "policies[0].seats_per_year",
                    "expected a non-negative number, got \"lots\""));
    CHECK(has_error(errors, dir.path("regions.yaml"), 2, "regions[2].labor_force", "got \"many\""));
    CHECK(has_error(errors, dir.path("child.yaml"), 5, "regions[0].amenty", "did you mean 'amenity'"));
    CHECK(errors.size() == 3);
}

TEST_CASE("include splices region lists and merges keys over included mappings", "[io][composition]") {
    scratch dir;
    dir.write("regions/north.yaml",
              R"(- {id: a, labor_force: 1000, education_shares: {none: 1}, field_shares: {industry: 1}}
- {id: b, labor_force: 2000, education_shares: {none: 1}, field_shares: {industry: 1}}
)");
    dir.write("regions/south.yaml",
              "{id: s, labor_force: 3000, education_shares: {none: 1}, field_shares: {industry: 1}}\n");
    dir.write("model.yaml", "separation_rate: 0.02\nnash_share: 0.4\n");
    const auto main = dir.write("main.yaml", R"(name: inc
calendar: {start: 2021-01, end: 2021-12}
model: {include: model.yaml, nash_share: 0.5}
regions:
  - include: regions/north.yaml
  - {include: regions/south.yaml, amenity: 2}
  - {id: z, labor_force: 10, education_shares: {none: 1}, field_shares: {industry: 1}}
)");
    const scenario sc = load_scenario(main);
    REQUIRE(sc.regions.size() == 4);
    CHECK(sc.regions[0].id == "a");
    CHECK(sc.regions[1].id == "b");
    CHECK(sc.regions[2].id == "s");
    CHECK(sc.regions[2].amenity == 2);
    CHECK(sc.regions[3].id == "z");
    CHECK(sc.model.separation_rate == 0.02);
    CHECK(sc.model.nash_share == 0.5);
    // The whole list from one file.
    const auto whole = dir.write(
        "whole.yaml", "name: w\ncalendar: {start: 2021-01, end: 2021-12}\nregions: {include: regions/north.yaml}\n");
    CHECK(load_scenario(whole).regions.size() == 2);
}

TEST_CASE("include errors: a missing file, a cycle, keys beside a list", "[io][composition]") {
    scratch dir;
    dir.write("loop.yaml", "- include: loop.yaml\n");
    dir.write("list.yaml", "- {id: a, labor_force: 1, education_shares: {none: 1}, field_shares: {industry: 1}}\n");
    const auto main = dir.write("main.yaml", R"(name: inc
calendar: {start: 2021-01, end: 2021-12}
regions:
  - include: nowhere.yaml
  - include: loop.yaml
  - {include: list.yaml, amenity: 1}
)");
    const auto errors = errors_of(main);
    INFO(all_text(errors));
    CHECK(has_error(errors, dir.path("main.yaml"), 4, "regions[0].include", "cannot open"));
    CHECK(has_error(errors, dir.path("loop.yaml"), 1, "[0].include", "include cycle"));
    CHECK(has_error(errors, dir.path("main.yaml"), 6, "regions[2].include", "must hold a mapping"));
}

TEST_CASE("remove needs an inherited item", "[io][composition]") {
    scratch dir;
    dir.write("grand.yaml", grand_text);
    const auto child = dir.write("child.yaml", "extends: grand.yaml\npolicies:\n  - {id: nothing, remove: true}\n");
    const auto errors = errors_of(child);
    INFO(all_text(errors));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].file == dir.path("child.yaml"));
    CHECK(errors[0].line == 3);
    CHECK(errors[0].message.find("no inherited item with id 'nothing'") != std::string::npos);
}

TEST_CASE("command-line settings (--set) override any resolved key, typed like the file", "[io][composition][set]") {
    scratch dir;
    dir.write("grand.yaml", grand_text);
    const auto child = dir.write("child.yaml", "extends: grand.yaml\nname: child\n");
    const scenario sc = load_scenario(child, {"policies.quota.seats_per_year=900", "regions[1].amenity=1.5",
                                              "regions.a.education_shares={none: 0.5, university: 0.5}",
                                              "model.nash_share=0.45", "policies.quota.target.unemployed=true"});
    CHECK(std::get<vocational_training_quota>(sc.policies[0].params).seats_per_year == 900);
    CHECK(std::get<vocational_training_quota>(sc.policies[0].params).target.unemployed == true);
    CHECK(std::get<vocational_training_quota>(sc.policies[0].params).target.rural == true);
    CHECK(sc.regions[1].amenity == 1.5);
    CHECK(sc.regions[0].education_shares[5] == 0.5);
    CHECK(sc.model.nash_share == 0.45);
    CHECK(sc.resolved_yaml.find("seats_per_year: 900") != std::string::npos);
}

TEST_CASE("command-line setting errors are located as --set[i] with the key path", "[io][composition][set]") {
    scratch dir;
    dir.write("grand.yaml", grand_text);
    const auto child = dir.write("child.yaml", "extends: grand.yaml\nname: child\n");
    const auto errors =
        errors_of(child, {"policies.quota.seats_per_year=lots", "regions.nowhere.amenity=1", "model.nash_shar=0.4",
                          "no-equals-sign", "regions[0].amenity=[1, 2", "name.part=x"});
    INFO(all_text(errors));
    CHECK(
        has_error(errors, "--set[0]", 0, "policies[0].seats_per_year", "expected a non-negative number, got \"lots\""));
    CHECK(has_error(errors, "--set[1]", 0, "regions.nowhere", "no list item with id nowhere (items: a, b)"));
    CHECK(has_error(errors, "--set[2]", 0, "model.nash_shar", "did you mean 'nash_share'"));
    CHECK(has_error(errors, "--set[3]", 0, "", "expected key.path=value"));
    CHECK(has_error(errors, "--set[4]", 0, "regions[0].amenity", "not valid YAML"));
    CHECK(has_error(errors, "--set[5]", 0, "name.part", "cannot descend"));
    for (const auto& d : errors) CHECK(d.to_string().rfind("--set[", 0) == 0);
}
