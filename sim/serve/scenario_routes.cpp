// The scenario API: the shipped scenarios (with their display titles), one scenario
// resolved (as JSON for the page's forms), the schema, and validation of a variant's text
// with the loader's located errors.
#include <algorithm>
#include <filesystem>
#include <regex>

#include "laborsim/errors.hpp"
#include "laborsim/scenario_io.hpp"
#include "laborsim/warnings.hpp"
#include "scenario/schema.hpp"
#include "serve/api.hpp"
#include "serve/request_json.hpp"
#include "serve/safe_path.hpp"
#include "util/json_writer.hpp"

namespace laborsim {

namespace fs = std::filesystem;

namespace {

std::string extends_of(const std::string& text) {
    static const std::regex re("^extends:\\s*['\"]?([^'\"#\\s]+)", std::regex::multiline);
    std::smatch m;
    return std::regex_search(text, m, re) ? m[1].str() : "";
}

void scenario_fields(json_writer& j, const scenario& sc) {
    j.field("name", sc.name)
        .field("title", sc.title.empty() ? sc.name : sc.title)
        .field("description", sc.description)
        .field("start", format_year_month(sc.calendar.start))
        .field("end", format_year_month(sc.calendar.end))
        .field("seed", sc.seed)
        .field("scale", sc.scale);
    j.key("regions").begin_array();
    for (const auto& reg : sc.regions) j.begin_object().field("id", reg.id).field("name", reg.name).end_object();
    j.end_array();
    j.key("warnings").begin_array();
    for (const auto& w : scenario_warnings(sc))
        j.begin_object().field("key_path", w.key_path).field("message", w.message).end_object();
    j.end_array();
    j.key("resolved");
    // The resolved text is the loader's own output: valid YAML by construction.
    const std::string resolved = yaml_to_json(sc.resolved_yaml);
    j.raw(resolved);
}

std::string list_scenarios(const fs::path& root) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(root, ec))
        if (e.is_regular_file() && e.path().extension() == ".yaml") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    json_writer j;
    j.begin_array();
    for (const auto& f : files) {
        const std::string text = read_whole_file(f);
        try {
            const scenario sc = load_scenario(f.string());
            if (sc.regions.empty()) continue;
            j.begin_object().field("file", f.filename().string()).field("extends", extends_of(text));
            // A baseline: a scenario of its own (no `extends`) with a title for people; base.yaml,
            // the national part the provinces extend, has none.
            j.field("baseline", extends_of(text).empty() && !sc.title.empty())
                .field("name", sc.name)
                .field("title", sc.title.empty() ? sc.name : sc.title)
                .field("description", sc.description)
                .field("start", format_year_month(sc.calendar.start))
                .field("end", format_year_month(sc.calendar.end));
            j.key("regions").begin_array();
            for (const auto& reg : sc.regions) j.value(reg.id);
            j.end_array().end_object();
        } catch (const input_error&) {
            // a part meant to be extended (base.yaml), not a scenario of its own
        }
    }
    j.end_array();
    return j.str();
}

}  // namespace

void add_scenario_routes(router& r, const serve_options& opts) {
    const fs::path root(opts.scenarios);
    r.add("GET", "/api/scenarios", [root](const api_request&) { return json_response(list_scenarios(root)); });
    r.add("GET", "/api/scenarios/*", [root](const api_request& q) {
        const fs::path p = path_inside(root, q.params[0]);
        const std::string text = read_whole_file(p);
        const scenario sc = load_scenario(p.string());
        json_writer j;
        j.begin_object().field("file", p.filename().string()).field("yaml", text);
        scenario_fields(j, sc);
        j.end_object();
        return json_response(j.str());
    });
    r.add("GET", "/api/schema", [](const api_request&) { return json_response(schema_json()); });
    r.add("POST", "/api/validate", [root](const api_request& q) {
        const json_body body(q.body);
        const std::string text = body.required_text("yaml");
        check_scenario_references(text, root, root);
        std::vector<std::string> overrides;
        if (const auto scale = body.number("scale")) overrides.push_back("scale=" + json_writer::number(*scale));
        const scenario sc =
            load_scenario_text(text, (root / "variant.yaml").string(), scenario_load_options{overrides, root.string()});
        json_writer j;
        j.begin_object().field("ok", true);
        scenario_fields(j, sc);
        j.end_object();
        return json_response(j.str());
    });
}

}  // namespace laborsim
