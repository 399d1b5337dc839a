// Scenario loading: good files give the right values and defaults; bad files give every
// problem at once, each located (file:line:column) with its key path, what was expected
// and what was found; --set overrides reach keys by list index or item id.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <string>
#include <vector>

#include "laborsim/errors.hpp"
#include "laborsim/scenario_io.hpp"

using laborsim::diagnostic;
using laborsim::field_kind;
using laborsim::growth_spec;
using laborsim::input_error;
using laborsim::load_scenario;
using laborsim::load_scenario_text;
using laborsim::year_month;

namespace {

// Joins lines with '\n' so a test reads line numbers straight off its list (first line = 1).
std::string lines(std::initializer_list<const char*> ls) {
    std::string out;
    for (const char* l : ls) out.append(l).append("\n");
    return out;
}

const char* const label = "test.yaml";

// The smallest valid scenario: one region and the required keys only.
std::string minimal() {
    return lines({
        "name: mini",                                // 1
        "calendar: {start: 2021-01, end: 2021-12}",  // 2
        "regions:",                                  // 3
        "  - id: north",                             // 4
        "    labor_force: 1000",                     // 5
        "    education_shares: {none: 1}",           // 6
        "    field_shares: {agriculture: 1}",        // 7
    });
}

// Loads text that must fail and returns its diagnostics.
std::vector<diagnostic> errors_of(const std::string& text) {
    try {
        (void)load_scenario_text(text, label);
    } catch (const input_error& e) {
        REQUIRE_FALSE(e.diagnostics().empty());
        return e.diagnostics();
    }
    FAIL("the scenario loaded but should have been refused:\n" << text);
    return {};
}

std::string dump(const std::vector<diagnostic>& ds) {
    std::string out;
    for (const auto& d : ds) out += d.to_string() + "\n";
    return out;
}

// The one diagnostic for `key_path` (there must be exactly one).
const diagnostic& find(const std::vector<diagnostic>& ds, const std::string& key_path) {
    const diagnostic* hit = nullptr;
    int count = 0;
    for (const auto& d : ds)
        if (d.key_path == key_path) {
            hit = &d;
            ++count;
        }
    INFO("diagnostics:\n" << dump(ds));
    INFO("looking for key path " << key_path);
    REQUIRE(count == 1);
    return *hit;
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

// A scenario file in the temp directory, removed at the end of the test.
struct temp_file {
    std::filesystem::path path;
    explicit temp_file(const std::string& text) {
        static int counter = 0;
        path = std::filesystem::temp_directory_path() /
               ("laborsim_loader_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++) + ".yaml");
        std::ofstream(path) << text;
    }
    ~temp_file() { std::filesystem::remove(path); }
    temp_file(const temp_file&) = delete;
    temp_file& operator=(const temp_file&) = delete;
};

}  // namespace

TEST_CASE("loader: a minimal scenario loads with its values and the documented defaults", "[loader]") {
    const auto sc = load_scenario_text(minimal(), label);
    CHECK(sc.name == "mini");
    CHECK(sc.calendar.start == laborsim::year_month{2021, 1});
    CHECK(sc.calendar.end == laborsim::year_month{2021, 12});
    CHECK(sc.calendar.months() == 12);
    CHECK(sc.source_path == label);
    CHECK_FALSE(sc.resolved_yaml.empty());
    // Defaults of optional top-level keys.
    CHECK(sc.seed == 1);
    CHECK(sc.scale == 1.0);
    CHECK(sc.description.empty());
    CHECK(sc.schools.empty());
    CHECK(sc.policies.empty());
    CHECK(sc.output.path.empty());
    CHECK(sc.output.panel == 0);
    // The region: given values, and defaults for the rest.
    REQUIRE(sc.regions.size() == 1);
    const auto& r = sc.regions[0];
    CHECK(r.id == "north");
    CHECK(r.name == "north");  // the name defaults to the id
    CHECK(r.labor_force == 1000);
    CHECK(r.education_shares[0] == 1.0);
    for (int k = 1; k < laborsim::education_count; ++k) CHECK(r.education_shares[k] == 0.0);
    CHECK(r.field_shares[0] == 1.0);
    CHECK(r.urban_share == 0.37);
    CHECK(r.unemployment_rate == 0.022);
    CHECK(r.age_shares == std::array<double, 5>{0.17, 0.25, 0.24, 0.21, 0.13});
    CHECK(r.min_wage_vnd == 3.43e6);
    // Model parameters are the documented defaults when `model` is left out.
    CHECK(sc.model.separation_rate == 0.012);
    CHECK(sc.model.matching_efficiency == 0.55);
}

TEST_CASE("loader: given values reach every section", "[loader]") {
    const auto sc = load_scenario_text(
        lines({
            "name: full",
            "description: two regions",
            "calendar: {start: 2022-03, end: 2024-02}",
            "seed: 77",
            "scale: 0.25",
            "model: {separation_rate: 0.02, level_wage_premium: {university: 0.5}}",
            "regions:",
            "  - {id: north, name: North, labor_force: 1000, urban_share: 0.5, age_shares: [0.2, 0.2, 0.2, 0.2, 0.2],",
            "     education_shares: {none: 0.5, university: 0.5}, field_shares: {industry: 0.25, digital: 0.75}}",
            "  - {id: south, labor_force: 2000, education_shares: {none: 1}, field_shares: {agriculture: 1}}",
            "schools:",
            "  - {id: uni, region: south, kind: university, field: health, seats_per_year: 300, program_months: 48}",
            "policies:",
            "  - id: train",
            "    type: vocational_training_quota",
            "    region: [north, south]",
            "    target: {rural: true, max_level: none, min_age: 18}",
            "    seats_per_year: 600",
            "    course_level: elementary",
            "    end: 2023-06",
            "  - id: mw",
            "    type: minimum_wage",
            "    steps: [{from: 2022-07, wage_vnd: 4000000}]",
            "output: {path: out/full.h5, events: [hire, migrate]}",
        }),
        label);
    CHECK(sc.description == "two regions");
    CHECK(sc.seed == 77);
    CHECK(sc.scale == 0.25);
    CHECK(sc.calendar.months() == 24);
    CHECK(sc.model.separation_rate == 0.02);
    CHECK(sc.model.level_wage_premium[5] == 0.5);
    CHECK(sc.model.level_wage_premium[2] == 0.25);  // levels not given keep their defaults
    REQUIRE(sc.regions.size() == 2);
    CHECK(sc.regions[0].name == "North");
    CHECK(sc.regions[0].urban_share == 0.5);
    CHECK(sc.regions[0].age_shares[4] == 0.2);
    CHECK(sc.regions[0].education_shares[5] == 0.5);
    CHECK(sc.regions[0].field_shares[5] == 0.75);
    REQUIRE(sc.schools.size() == 1);
    CHECK(sc.schools[0].kind == laborsim::school_kind::university);
    CHECK(sc.schools[0].field == laborsim::field_kind::health);
    CHECK(sc.schools[0].program_months == 48);
    CHECK(sc.schools[0].completion_rate == 0.85);
    REQUIRE(sc.policies.size() == 2);
    const auto& train = sc.policies[0];
    CHECK(train.regions == std::vector<std::string>{"north", "south"});
    CHECK(train.start == sc.calendar.start);  // start defaults to the calendar start
    CHECK(train.end == laborsim::year_month{2023, 6});
    const auto* q = std::get_if<laborsim::vocational_training_quota>(&train.params);
    REQUIRE(q != nullptr);
    CHECK(q->seats_per_year == 600);
    CHECK(q->course_level == laborsim::education_level::elementary);
    CHECK(q->target.rural == true);
    CHECK(q->target.max_level == laborsim::education_level::none);
    CHECK_FALSE(q->target.min_level.has_value());
    CHECK(q->target.min_age == 18);
    CHECK(q->completion_rate == 0.9);
    const auto& mw = sc.policies[1];
    CHECK(mw.regions.empty());  // no region: all regions
    CHECK(mw.end == sc.calendar.end);
    const auto* m = std::get_if<laborsim::minimum_wage>(&mw.params);
    REQUIRE(m != nullptr);
    REQUIRE(m->steps.size() == 1);
    CHECK(m->steps[0].from == laborsim::year_month{2022, 7});
    CHECK(m->steps[0].wage_vnd == 4e6);
    CHECK(sc.output.path == "out/full.h5");
    CHECK(sc.output.events == std::vector<std::string>{"hire", "migrate"});
}

TEST_CASE("loader: a misspelt key is refused with a suggestion", "[loader]") {
    auto text = minimal();
    text += "seeed: 3\n";  // line 8
    const auto ds = errors_of(text);
    REQUIRE(ds.size() == 1);
    const auto& d = find(ds, "seeed");
    CHECK(d.file == label);
    CHECK(d.line == 8);
    CHECK(d.column == 1);
    CHECK(contains(d.message, "unknown key 'seeed'"));
    CHECK(contains(d.message, "did you mean 'seed'?"));

    SECTION("inside a list item, with the item's key path") {
        const auto ds2 = errors_of(lines({
            "name: mini",
            "calendar: {start: 2021-01, end: 2021-12}",
            "regions:",
            "  - id: north",
            "    labor_force: 1000",
            "    urban_shar: 0.4",
            "    education_shares: {none: 1}",
            "    field_shares: {agriculture: 1}",
        }));
        REQUIRE(ds2.size() == 1);
        const auto& d2 = find(ds2, "regions[0].urban_shar");
        CHECK(d2.line == 6);
        CHECK(d2.column == 5);
        CHECK(contains(d2.message, "did you mean 'urban_share'?"));
    }
    SECTION("a word far from every key gets no suggestion") {
        const auto ds3 = errors_of(minimal() + "zzzzzzzz: 1\n");
        REQUIRE(ds3.size() == 1);
        CHECK(contains(ds3[0].message, "unknown key 'zzzzzzzz'"));
        CHECK_FALSE(contains(ds3[0].message, "did you mean"));
    }
}

TEST_CASE("loader: a value of the wrong type says what was expected and what was found", "[loader]") {
    std::string text = minimal();
    text.replace(text.find("labor_force: 1000"), 17, "labor_force: lots");
    const auto ds = errors_of(text);
    REQUIRE(ds.size() == 1);
    const auto& d = find(ds, "regions[0].labor_force");
    CHECK(d.line == 5);
    CHECK(d.column == 18);
    CHECK(contains(d.message, "expected a non-negative number"));
    CHECK(contains(d.message, "got \"lots\""));
    CHECK(d.to_string() == "test.yaml:5:18: regions[0].labor_force: " + d.message);

    SECTION("out of range") {
        const auto ds2 = errors_of(minimal() + "scale: 1.5\n");
        REQUIRE(ds2.size() == 1);
        CHECK(find(ds2, "scale").line == 8);
        CHECK(contains(ds2[0].message, "expected a number in [0, 1]"));
    }
    SECTION("a list where a number belongs") {
        const auto ds3 = errors_of(minimal() + "seed: [1, 2]\n");
        REQUIRE(ds3.size() == 1);
        CHECK(contains(find(ds3, "seed").message, "got a list"));
    }
    SECTION("not one of the choices") {
        const auto ds4 =
            errors_of(minimal() + "schools: [{id: s, region: north, kind: universty, seats_per_year: 10}]\n");
        REQUIRE(ds4.size() == 1);
        const auto& d4 = find(ds4, "schools[0].kind");
        CHECK(d4.line == 8);
        CHECK(contains(d4.message, "did you mean 'university'?"));
    }
}

TEST_CASE("loader: a bad date is refused", "[loader]") {
    for (const char* bad : {"2021-13", "21-01", "2021-1", "abcd-ef", "2021-01-01"}) {
        std::string text = minimal();
        text.replace(text.find("end: 2021-12"), 12, std::string("end: ") + bad);
        INFO("date " << bad);
        const auto ds = errors_of(text);
        REQUIRE(ds.size() == 1);
        const auto& d = find(ds, "calendar.end");
        CHECK(d.line == 2);
        CHECK(d.column == 33);
        CHECK(contains(d.message, "expected a date YYYY-MM"));
        CHECK(contains(d.message, bad));
    }
    SECTION("a calendar that ends before it starts") {
        std::string text = minimal();
        text.replace(text.find("end: 2021-12"), 12, "end: 2020-12");
        CHECK(contains(find(errors_of(text), "calendar.end").message, "on or after calendar.start"));
    }
}

TEST_CASE("loader: a missing required key is named with its path", "[loader]") {
    SECTION("in a region") {
        std::string text = minimal();
        text.erase(text.find("    labor_force: 1000\n"), 22);
        const auto ds = errors_of(text);
        REQUIRE(ds.size() == 1);
        const auto& d = find(ds, "regions[0].labor_force");
        CHECK(d.line == 4);  // the region's mapping starts there
        CHECK(contains(d.message, "missing required key 'labor_force'"));
    }
    SECTION("at the top level") {
        std::string text = minimal();
        text.erase(text.find("calendar:"), text.find("regions:") - text.find("calendar:"));
        const auto ds = errors_of(text);
        REQUIRE(ds.size() == 1);
        CHECK(contains(find(ds, "calendar").message, "missing required key 'calendar'"));
    }
    SECTION("regions and calendar both missing: two diagnostics, no crash") {
        const auto ds = errors_of(lines({"name: x", "description: a variant with nothing of its own"}));
        REQUIRE(ds.size() == 2);
        CHECK(contains(find(ds, "regions").message, "missing required key 'regions'"));
        CHECK(contains(find(ds, "calendar").message, "missing required key 'calendar'"));
    }
    SECTION("regions: an empty list is refused") {
        const auto ds = errors_of(lines({"name: x", "calendar: {start: 2021-01, end: 2021-12}", "regions: []"}));
        REQUIRE(ds.size() == 1);
        CHECK(contains(find(ds, "regions").message, "at least one region"));
    }
}

TEST_CASE("loader: all problems are reported together, each located", "[loader]") {
    const std::string text = lines({
        "name: mini",                                // 1
        "calendar: {start: 2021-13, end: 2021-12}",  // 2: bad date at column 19
        "seeed: 4",                                  // 3: misspelt key at column 1
        "regions:",                                  // 4
        "  - id: north",                             // 5
        "    labor_force: lots",                     // 6: wrong type at column 18
        "    education_shares: {none: 1}",           // 7
        "    field_shares: {agriculture: 1}",        // 8
    });
    const auto ds = errors_of(text);
    INFO(dump(ds));
    REQUIRE(ds.size() == 3);
    const auto& date = find(ds, "calendar.start");
    CHECK(date.line == 2);
    CHECK(date.column == 19);
    CHECK(contains(date.message, "expected a date YYYY-MM, got \"2021-13\""));
    const auto& key = find(ds, "seeed");
    CHECK(key.line == 3);
    CHECK(key.column == 1);
    CHECK(contains(key.message, "did you mean 'seed'?"));
    const auto& type = find(ds, "regions[0].labor_force");
    CHECK(type.line == 6);
    CHECK(type.column == 18);
    CHECK(contains(type.message, "expected a non-negative number, got \"lots\""));
    for (const auto& d : ds) CHECK(d.file == label);
    // The exception's text lists all three, one a line, as the CLI prints them.
    try {
        (void)load_scenario_text(text, label);
    } catch (const input_error& e) {
        const std::string what = e.what();
        CHECK(contains(what, "test.yaml:2:19: calendar.start: "));
        CHECK(contains(what, "test.yaml:3:1: seeed: "));
        CHECK(contains(what, "test.yaml:6:18: regions[0].labor_force: "));
    }
}

TEST_CASE("loader: a YAML syntax error is located", "[loader]") {
    const auto ds = errors_of(lines({"name: mini", "calendar: {start: 2021-01, end: 2021-12", "regions: []"}));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].line > 0);
    CHECK(contains(ds[0].message, "YAML syntax error"));
    const auto top = errors_of("- just\n- a list\n");
    REQUIRE(top.size() == 1);
    CHECK(contains(top[0].message, "expected a mapping"));
}

TEST_CASE("loader: references to unknown regions are refused", "[loader]") {
    SECTION("from a school") {
        const auto ds = errors_of(minimal() + "schools: [{id: s, region: nort, seats_per_year: 10}]\n");
        REQUIRE(ds.size() == 1);
        const auto& d = find(ds, "schools[0].region");
        CHECK(d.line == 8);
        CHECK(d.column == 27);
        CHECK(contains(d.message, "unknown region 'nort'"));
        CHECK(contains(d.message, "did you mean 'north'?"));
    }
    SECTION("from a policy") {
        const auto ds = errors_of(
            minimal() +
            lines({
                "policies:",
                "  - {id: p, type: minimum_wage, region: [north, south], steps: [{from: 2021-06, wage_vnd: 1}]}",
            }));
        REQUIRE(ds.size() == 1);
        const auto& d = find(ds, "policies[0].region");
        CHECK(d.line == 9);
        CHECK(contains(d.message, "unknown region 'south'"));
    }
}

TEST_CASE("loader: duplicate ids are refused", "[loader]") {
    const std::string region2 = lines({
        "  - {id: north, labor_force: 5, education_shares: {none: 1}, field_shares: {agriculture: 1}}",
    });
    SECTION("regions") {
        const auto ds = errors_of(minimal() + region2);
        REQUIRE(ds.size() == 1);
        const auto& d = find(ds, "regions[1].id");
        CHECK(d.line == 8);
        CHECK(contains(d.message, "duplicate region id 'north'"));
    }
    SECTION("schools") {
        const auto ds = errors_of(minimal() + lines({
                                                  "schools:",
                                                  "  - {id: s, region: north, seats_per_year: 10}",
                                                  "  - {id: s, region: north, seats_per_year: 20}",
                                              }));
        REQUIRE(ds.size() == 1);
        const auto& d = find(ds, "schools[1].id");
        CHECK(d.line == 10);
        CHECK(contains(d.message, "duplicate school id 's'"));
    }
    SECTION("policies") {
        const auto ds =
            errors_of(minimal() + lines({
                                      "policies:",
                                      "  - {id: p, type: minimum_wage, steps: [{from: 2021-06, wage_vnd: 1}]}",
                                      "  - {id: p, type: minimum_wage, steps: [{from: 2021-09, wage_vnd: 2}]}",
                                  }));
        REQUIRE(ds.size() == 1);
        CHECK(find(ds, "policies[1].id").line == 10);
        CHECK(contains(ds[0].message, "duplicate policy id 'p'"));
    }
}

TEST_CASE("loader: shares must sum to 1", "[loader]") {
    std::string text = minimal();
    text.replace(text.find("{none: 1}"), 9, "{none: 0.5, university: 0.3}");
    const auto ds = errors_of(text);
    REQUIRE(ds.size() == 1);
    const auto& d = find(ds, "regions[0].education_shares");
    CHECK(d.line == 6);
    CHECK(d.column == 23);
    CHECK(contains(d.message, "summing to 1"));
    CHECK(contains(d.message, "0.8"));

    SECTION("an unknown level inside the shares is named") {
        std::string t2 = minimal();
        t2.replace(t2.find("{none: 1}"), 9, "{none: 0.5, universty: 0.5}");
        const auto d2 = errors_of(t2);
        REQUIRE(d2.size() == 1);
        CHECK(contains(find(d2, "regions[0].education_shares.universty").message, "did you mean 'university'?"));
    }
}

TEST_CASE("loader: --set overrides keys of the file", "[loader][overrides]") {
    const temp_file f(minimal());
    const std::string path = f.path.string();

    SECTION("top-level and nested mapping keys") {
        const auto sc =
            load_scenario(path, {"seed=9", "scale=0.01", "calendar.end=2021-06", "model.separation_rate=0.05"});
        CHECK(sc.seed == 9);
        CHECK(sc.scale == 0.01);
        CHECK(sc.calendar.months() == 6);
        CHECK(sc.model.separation_rate == 0.05);
        CHECK(sc.regions[0].labor_force == 1000);  // untouched keys keep the file's values
    }
    SECTION("a list item by index, in both spellings") {
        CHECK(load_scenario(path, {"regions.0.labor_force=2000"}).regions[0].labor_force == 2000);
        CHECK(load_scenario(path, {"regions[0].labor_force=3000"}).regions[0].labor_force == 3000);
    }
    SECTION("a list item by id") {
        const auto sc = load_scenario(path, {"regions.north.urban_share=0.9"});
        CHECK(sc.regions[0].urban_share == 0.9);
    }
    SECTION("a structured value parsed as YAML") {
        const auto sc = load_scenario(path, {"regions.north.field_shares={industry: 0.5, digital: 0.5}"});
        CHECK(sc.regions[0].field_shares[1] == 0.5);
        CHECK(sc.regions[0].field_shares[0] == 0.0);
    }
    SECTION("without overrides the file loads as it is") {
        const auto sc = load_scenario(path);
        CHECK(sc.seed == 1);
        CHECK(sc.source_path == path);
    }
}

TEST_CASE("loader: bad --set overrides are refused and named", "[loader][overrides]") {
    const temp_file f(minimal());
    const std::string path = f.path.string();
    auto errors = [&](const std::vector<std::string>& sets) {
        try {
            (void)load_scenario(path, sets);
        } catch (const input_error& e) {
            return e.diagnostics();
        }
        FAIL("the overrides were accepted");
        return std::vector<diagnostic>{};
    };

    SECTION("a missing list id") {
        const auto ds = errors({"regions.south.labor_force=5"});
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].file == "--set[0]");
        CHECK(ds[0].key_path == "regions.south");
        CHECK(contains(ds[0].message, "no list item with id south"));
    }
    SECTION("an index past the end") {
        const auto ds = errors({"regions.3.labor_force=5"});
        REQUIRE(ds.size() == 1);
        CHECK(contains(ds[0].message, "no list item with index 3"));
    }
    SECTION("no '=' in the setting; the second of two settings is named") {
        const auto ds = errors({"seed=2", "regions.0.labor_force"});
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].file == "--set[1]");
        CHECK(contains(ds[0].message, "expected key.path=value"));
    }
    SECTION("an empty key") { CHECK(contains(errors({"=5"})[0].message, "expected key.path=value")); }
    SECTION("a value that is not YAML") {
        const auto ds = errors({"regions.0.field_shares={industry: 1"});
        REQUIRE(ds.size() == 1);
        CHECK(contains(ds[0].message, "not valid YAML"));
    }
    SECTION("descending into a scalar") { CHECK(contains(errors({"name.x=1"})[0].message, "cannot descend into")); }
    SECTION("an overridden value is checked like the file's") {
        const auto ds = errors({"regions.0.labor_force=lots", "seeed=3"});
        REQUIRE(ds.size() == 2);
        CHECK(contains(find(ds, "regions[0].labor_force").message, "got \"lots\""));
        CHECK(contains(find(ds, "seeed").message, "did you mean 'seed'?"));
    }
    SECTION("a missing file") {
        const auto ds = [&] {
            try {
                (void)load_scenario(path + ".missing");
            } catch (const input_error& e) {
                return e.diagnostics();
            }
            return std::vector<diagnostic>{};
        }();
        REQUIRE(ds.size() == 1);
        CHECK(contains(ds[0].message, "cannot open"));
    }
}

TEST_CASE("loader: shocks and growth paths are read, with located errors and ranges", "[loader]") {
    SECTION("a valid shock and growth path") {
        const auto sc = load_scenario_text(minimal() + lines({
                                                           "growth: {first_year: 2020, inflation: [0.02, 0.03]}",
                                                           "shocks:",
                                                           "  - id: covid",
                                                           "    start: 2021-07",
                                                           "    end: 2021-09",
                                                           "    regions: [north]",
                                                           "    fields: [industry, services]",
                                                           "    demand: 0.1",
                                                           "    separation: 0.02",
                                                           "    productivity: -0.1",
                                                       }),
                                           label);
        REQUIRE(sc.shocks.size() == 1);
        const auto& s = sc.shocks[0];
        CHECK(s.id == "covid");
        CHECK(s.start == year_month{2021, 7});
        CHECK(s.end == year_month{2021, 9});
        CHECK(s.regions == std::vector<std::string>{"north"});
        CHECK(s.fields == std::vector<field_kind>{field_kind::industry, field_kind::services});
        CHECK(s.demand == 0.1);
        CHECK(s.separation == 0.02);
        CHECK(s.productivity == -0.1);
        CHECK(sc.growth.first_year == 2020);
        CHECK(sc.growth.inflation == std::vector<double>{0.02, 0.03});
        CHECK(sc.growth.productivity_growth == growth_spec{}.productivity_growth);  // the default kept
    }
    SECTION("bad values name their line, column and key") {
        const auto ds = errors_of(minimal() + lines({
                                                  "growth: {inflation: [0.02, 1.5]}",  // 8
                                                  "shocks:",                           // 9
                                                  "  - id: covid",                     // 10
                                                  "    start: 2021-09",                // 11
                                                  "    end: 2021-07",                  // 12
                                                  "    regions: [nort]",               // 13
                                                  "    fields: [farming]",             // 14
                                                  "    demand: 1.5",                   // 15
                                                  "    separation: 0.7",               // 16
                                              }));
        CHECK(find(ds, "growth.inflation[1]").line == 8);
        CHECK(contains(find(ds, "growth.inflation[1]").message, "from -0.5 to 1"));
        CHECK(find(ds, "shocks[0].end").line == 12);
        CHECK(contains(find(ds, "shocks[0].regions").message, "did you mean 'north'"));
        CHECK(find(ds, "shocks[0].fields[0]").line == 14);
        CHECK(find(ds, "shocks[0].demand").line == 15);
        CHECK(contains(find(ds, "shocks[0].separation").message, "at most 0.5"));
    }
    SECTION("a shock without its window is refused") {
        const auto ds = errors_of(minimal() + lines({"shocks:", "  - {id: s, demand: 0.1}"}));
        CHECK(contains(find(ds, "shocks[0].start").message, "missing required key"));
        CHECK(contains(find(ds, "shocks[0].end").message, "missing required key"));
    }
}
