// Scenario loading: YAML text -> laborsim::scenario, every key checked against the schema
// and every problem collected (file:line:column, key path, expected vs found).
#include <fstream>
#include <set>
#include <sstream>

#include "io/yaml_reader.hpp"
#include "laborsim/scenario_io.hpp"

namespace laborsim {

namespace {

const section_spec& S(std::string_view name) { return schema_section(name); }

std::string at(const std::string& path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }

void load_region(yaml_reader& rd, const YAML::Node& n, const std::string& p, region_spec& r) {
    const auto& s = S("region");
    if (!rd.check_map(n, p, {&s})) return;
    rd.get(n, s, "id", p, r.id);
    r.name = r.id;
    rd.get(n, s, "name", p, r.name);
    rd.get(n, s, "population", p, r.population);
    rd.get(n, s, "labor_force", p, r.labor_force);
    rd.get(n, s, "urban_share", p, r.urban_share);
    rd.get(n, s, "unemployment_rate", p, r.unemployment_rate);
    rd.get(n, s, "education_shares", p, r.education_shares);
    rd.get(n, s, "field_shares", p, r.field_shares);
    rd.get(n, s, "age_shares", p, r.age_shares);
    rd.get(n, s, "mean_wage_vnd", p, r.mean_wage_vnd);
    rd.get(n, s, "min_wage_vnd", p, r.min_wage_vnd);
    rd.get(n, s, "amenity", p, r.amenity);
    rd.get(n, s, "labor_force_growth", p, r.labor_force_growth);
    rd.get(n, s, "latitude", p, r.latitude);
    rd.get(n, s, "longitude", p, r.longitude);
    rd.get(n, s, "firms_per_1000_workers", p, r.firms_per_1000_workers);
    rd.get(n, s, "doctors_per_10k", p, r.doctors_per_10k);
}

void load_school(yaml_reader& rd, const YAML::Node& n, const std::string& p, school_spec& sc) {
    const auto& s = S("school");
    if (!rd.check_map(n, p, {&s})) return;
    rd.get(n, s, "id", p, sc.id);
    rd.get(n, s, "region", p, sc.region);
    rd.get(n, s, "kind", p, sc.kind);
    rd.get(n, s, "field", p, sc.field);
    rd.get(n, s, "seats_per_year", p, sc.seats_per_year);
    rd.get(n, s, "program_months", p, sc.program_months);
    rd.get(n, s, "completion_rate", p, sc.completion_rate);
    rd.get(n, s, "skill_gain", p, sc.skill_gain);
    rd.get(n, s, "tuition_vnd_year", p, sc.tuition_vnd_year);
    rd.get(n, s, "recruitment_intensity", p, sc.recruitment_intensity);
    rd.get(n, s, "quality", p, sc.quality);
}

void load_model(yaml_reader& rd, const YAML::Node& n, const std::string& p, model_params& m) {
    const auto& s = S("model");
    if (!rd.check_map(n, p, {&s})) return;
#define LABORSIM_PARAM(name) rd.get(n, s, #name, p, m.name)
    LABORSIM_PARAM(retirement_age_men); LABORSIM_PARAM(retirement_age_women);
    LABORSIM_PARAM(mortality_gompertz_a); LABORSIM_PARAM(mortality_gompertz_b); LABORSIM_PARAM(share_women);
    LABORSIM_PARAM(separation_rate); LABORSIM_PARAM(matching_efficiency); LABORSIM_PARAM(matching_elasticity);
    LABORSIM_PARAM(on_the_job_search); LABORSIM_PARAM(nash_share); LABORSIM_PARAM(reservation_replacement);
    LABORSIM_PARAM(reservation_decay); LABORSIM_PARAM(mismatch_penalty); LABORSIM_PARAM(productivity_sigma);
    LABORSIM_PARAM(productivity_rho); LABORSIM_PARAM(productivity_shock_sd); LABORSIM_PARAM(aggregate_shock_sd);
    LABORSIM_PARAM(labor_demand_elasticity); LABORSIM_PARAM(vacancy_rate); LABORSIM_PARAM(layoff_threshold);
    LABORSIM_PARAM(firm_entry_rate); LABORSIM_PARAM(application_rate_young); LABORSIM_PARAM(application_rate_adult);
    LABORSIM_PARAM(schooling_return_weight); LABORSIM_PARAM(fixed_job_finding_rate); LABORSIM_PARAM(learning_rate);
    LABORSIM_PARAM(depreciation_rate); LABORSIM_PARAM(level_wage_premium); LABORSIM_PARAM(migration_rate);
    LABORSIM_PARAM(migration_income_weight); LABORSIM_PARAM(migration_distance_cost); LABORSIM_PARAM(migration_stay_bonus);
#undef LABORSIM_PARAM
}

void load_target(yaml_reader& rd, const YAML::Node& n, const std::string& p, target_group& g) {
    const auto& s = S("target");
    if (!rd.check_map(n, p, {&s})) return;
    rd.get(n, s, "rural", p, g.rural);
    rd.get(n, s, "unemployed", p, g.unemployed);
    rd.get(n, s, "min_level", p, g.min_level);
    rd.get(n, s, "max_level", p, g.max_level);
    rd.get(n, s, "field", p, g.field);
    rd.get(n, s, "min_age", p, g.min_age);
    rd.get(n, s, "max_age", p, g.max_age);
}

void load_policy(yaml_reader& rd, const YAML::Node& n, const std::string& p, const calendar_spec& cal, policy_spec& ps) {
    const auto& common = S("policy");
    if (!n.IsMap()) { rd.check_map(n, p, {&common}); return; }
    std::string type;
    rd.get(n, common, "type", p, type);
    const section_spec* specific = nullptr;
    for (const auto& sec : scenario_schema())
        if (sec.name == "policy." + type) specific = &sec;
    rd.check_map(n, p, specific ? std::initializer_list<const section_spec*>{&common, specific}
                                : std::initializer_list<const section_spec*>{&common});
    rd.get(n, common, "id", p, ps.id);
    std::vector<std::string> regions;
    if (rd.get(n, common, "region", p, regions) && !(regions.size() == 1 && regions[0] == "all")) ps.regions = regions;
    ps.start = cal.start;
    ps.end = cal.end;
    rd.get(n, common, "start", p, ps.start);
    rd.get(n, common, "end", p, ps.end);
    rd.get(n, common, "annual_budget_vnd", p, ps.annual_budget_vnd);
    if (type == "vocational_training_quota") {
        vocational_training_quota q;
        const auto& s = *specific;
        if (n["target"]) load_target(rd, n["target"], yaml_reader::join(p, "target"), q.target);
        rd.get(n, s, "seats_per_year", p, q.seats_per_year);
        rd.get(n, s, "course_level", p, q.course_level);
        rd.get(n, s, "course_field", p, q.course_field);
        rd.get(n, s, "course_months", p, q.course_months);
        rd.get(n, s, "completion_rate", p, q.completion_rate);
        rd.get(n, s, "skill_gain", p, q.skill_gain);
        rd.get(n, s, "cost_per_trainee_vnd", p, q.cost_per_trainee_vnd);
        rd.get(n, s, "placement_support", p, q.placement_support);
        ps.params = q;
    } else if (type == "minimum_wage") {
        minimum_wage mw;
        const auto& step_spec = S("minimum_wage_step");
        const std::string sp = yaml_reader::join(p, "steps");
        const YAML::Node steps = n["steps"];
        if (!steps.IsDefined()) {
            rd.error(n.Mark(), sp, "missing required key 'steps'");
        } else if (!steps.IsSequence()) {
            rd.error(steps.Mark(), sp, "expected a list of mappings, got " + yaml_reader::describe(steps));
        } else {
            for (std::size_t i = 0; i < steps.size(); ++i) {
                minimum_wage::step st;
                if (!rd.check_map(steps[i], at(sp, i), {&step_spec})) continue;
                rd.get(steps[i], step_spec, "from", at(sp, i), st.from);
                rd.get(steps[i], step_spec, "wage_vnd", at(sp, i), st.wage_vnd);
                mw.steps.push_back(st);
            }
        }
        ps.params = mw;
    }
}

template <class T, class F>
void load_list(yaml_reader& rd, const YAML::Node& root, const char* key, std::vector<T>& out, F&& load_one) {
    const YAML::Node list = root[key];
    if (!list.IsDefined() || list.IsNull()) return;
    if (!list.IsSequence()) {
        rd.error(list.Mark(), key, "expected a list of mappings, got " + yaml_reader::describe(list));
        return;
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
        T item;
        load_one(list[i], at(key, i), item);
        out.push_back(std::move(item));
    }
}

// Cross-references: unique ids, known regions, ordered dates.
void check_references(yaml_reader& rd, const YAML::Node& root, const scenario& sc) {
    std::set<std::string> region_ids;
    for (std::size_t i = 0; i < sc.regions.size(); ++i) {
        if (sc.regions[i].id.empty()) continue;
        if (!region_ids.insert(sc.regions[i].id).second)
            rd.error(root["regions"][i].Mark(), at("regions", i) + ".id", "duplicate region id '" + sc.regions[i].id + "'");
    }
    std::vector<std::string_view> known(region_ids.begin(), region_ids.end());
    auto check_region = [&](const YAML::Node& n, const std::string& path, const std::string& id) {
        if (region_ids.count(id)) return;
        std::string msg = "unknown region '" + id + "'";
        if (auto s = closest_match(id, known); !s.empty()) msg += ", did you mean '" + s + "'?";
        rd.error(n.Mark(), path, msg);
    };
    for (std::size_t i = 0; i < sc.schools.size(); ++i)
        if (!sc.schools[i].region.empty()) check_region(root["schools"][i]["region"], at("schools", i) + ".region", sc.schools[i].region);
    std::set<std::string> policy_ids;
    for (std::size_t i = 0; i < sc.policies.size(); ++i) {
        const auto& p = sc.policies[i];
        const YAML::Node n = root["policies"][i];
        if (!p.id.empty() && !policy_ids.insert(p.id).second)
            rd.error(n.Mark(), at("policies", i) + ".id", "duplicate policy id '" + p.id + "'");
        for (const auto& r : p.regions) check_region(n["region"], at("policies", i) + ".region", r);
        if (p.end < p.start) rd.error(n.Mark(), at("policies", i) + ".end", "ends before it starts");
    }
    if (sc.calendar.end < sc.calendar.start && root["calendar"])
        rd.error(root["calendar"].Mark(), "calendar.end", "expected a month on or after calendar.start");
    if (root["regions"].IsSequence() && sc.regions.empty())
        rd.error(root["regions"].Mark(), "regions", "expected at least one region");
    if (sc.scale <= 0 && root["scale"]) rd.error(root["scale"].Mark(), "scale", "expected a number in (0, 1], got 0");
}

scenario load_root(yaml_reader& rd, const YAML::Node& root) {
    scenario sc;
    const auto& s = S("scenario");
    if (!rd.check_map(root, "", {&s})) return sc;
    rd.get(root, s, "name", "", sc.name);
    rd.get(root, s, "description", "", sc.description);
    rd.get(root, s, "seed", "", sc.seed);
    rd.get(root, s, "scale", "", sc.scale);
    if (const YAML::Node cal = root["calendar"]; cal.IsDefined()) {
        const auto& cs = S("calendar");
        if (rd.check_map(cal, "calendar", {&cs})) {
            rd.get(cal, cs, "start", "calendar", sc.calendar.start);
            rd.get(cal, cs, "end", "calendar", sc.calendar.end);
        }
    } else {
        rd.error(root.Mark(), "calendar", "missing required key 'calendar'");
    }
    if (const YAML::Node m = root["model"]; m.IsDefined() && !m.IsNull()) load_model(rd, m, "model", sc.model);
    if (!root["regions"].IsDefined()) rd.error(root.Mark(), "regions", "missing required key 'regions'");
    load_list(rd, root, "regions", sc.regions, [&](const YAML::Node& n, const std::string& p, region_spec& r) { load_region(rd, n, p, r); });
    load_list(rd, root, "schools", sc.schools, [&](const YAML::Node& n, const std::string& p, school_spec& x) { load_school(rd, n, p, x); });
    load_list(rd, root, "policies", sc.policies, [&](const YAML::Node& n, const std::string& p, policy_spec& x) {
        load_policy(rd, n, p, sc.calendar, x);
    });
    if (const YAML::Node out = root["output"]; out.IsDefined() && !out.IsNull()) {
        const auto& os = S("output");
        if (rd.check_map(out, "output", {&os})) {
            rd.get(out, os, "path", "output", sc.output.path);
            rd.get(out, os, "panel", "output", sc.output.panel);
            rd.get(out, os, "events", "output", sc.output.events);
            rd.get(out, os, "snapshots_every_months", "output", sc.output.snapshots_every_months);
        }
    }
    check_references(rd, root, sc);
    return sc;
}

scenario load_from_node(const YAML::Node& root, const std::string& label) {
    yaml_reader rd(label);
    scenario sc = load_root(rd, root);
    if (!rd.ok()) throw input_error(rd.diagnostics());
    sc.source_path = label;
    sc.resolved_yaml = YAML::Dump(root) + "\n";
    return sc;
}

YAML::Node parse_text(const std::string& text, const std::string& label) {
    try {
        return YAML::Load(text);
    } catch (const YAML::ParserException& e) {
        diagnostic d{label, e.mark.line + 1, e.mark.column + 1, "", "YAML syntax error: " + e.msg};
        throw input_error(std::vector<diagnostic>{d});
    }
}

}  // namespace

scenario load_scenario_text(const std::string& text, const std::string& file_label) {
    return load_from_node(parse_text(text, file_label), file_label);
}

// Applies "key.path=value" to the tree. Path steps are mapping keys; in a list, a step is
// an index ("regions.0" or "regions[0]") or the `id` of an item ("regions.cao-bang").
// The value is parsed as YAML, so it is typed like the file.
void apply_override(YAML::Node& root, const std::string& setting, std::size_t index, std::vector<diagnostic>& errors) {
    const std::string label = "--set[" + std::to_string(index) + "]";
    const auto eq = setting.find('=');
    if (eq == std::string::npos || eq == 0) {
        errors.push_back({label, 0, 0, "", "expected key.path=value, got \"" + setting + "\""});
        return;
    }
    std::string path = setting.substr(0, eq);
    const std::string value = setting.substr(eq + 1);
    for (auto& c : path) if (c == '[' || c == ']') c = '.';
    std::vector<std::string> steps;
    std::string cur;
    for (char c : path + ".") {
        if (c == '.') { if (!cur.empty()) steps.push_back(cur); cur.clear(); }
        else cur += c;
    }
    YAML::Node value_node;
    try {
        value_node = YAML::Load(value);
    } catch (const YAML::ParserException& e) {
        errors.push_back({label, 1, e.mark.column + static_cast<int>(eq) + 2, path, "value is not valid YAML: " + e.msg});
        return;
    }
    // yaml-cpp nodes are handles: walk with fresh handles so reassignment never aliases.
    std::vector<YAML::Node> chain{root};
    std::string walked;
    for (std::size_t k = 0; k < steps.size(); ++k) {
        YAML::Node node = chain.back();
        const std::string& step = steps[k];
        const bool last = k + 1 == steps.size();
        walked += (walked.empty() ? "" : ".") + step;
        if (node.IsSequence()) {
            std::size_t pos = node.size();
            const bool numeric = !step.empty() && step.find_first_not_of("0123456789") == std::string::npos;
            if (numeric) pos = std::stoul(step);
            else
                for (std::size_t i = 0; i < node.size(); ++i)
                    if (node[i].IsMap() && node[i]["id"] && node[i]["id"].Scalar() == step) pos = i;
            if (pos >= node.size()) {
                errors.push_back({label, 0, 0, walked, "no list item with " + std::string(numeric ? "index " : "id ") + step});
                return;
            }
            if (last) { node[pos] = value_node; return; }
            chain.push_back(node[pos]);
        } else if (node.IsMap() || node.IsNull() || !node.IsDefined()) {
            if (last) { node[step] = value_node; return; }
            YAML::Node child = node[step];
            if (!child.IsDefined() || child.IsNull()) {
                node[step] = YAML::Node(YAML::NodeType::Map);
                child = node[step];
            }
            chain.push_back(child);
        } else {
            errors.push_back({label, 0, 0, walked, "cannot descend into a scalar value"});
            return;
        }
    }
}

scenario load_scenario(const std::string& path, const std::vector<std::string>& overrides) {
    std::ifstream in(path);
    if (!in) throw input_error(std::vector<diagnostic>{{path, 0, 0, "", "cannot open the scenario file"}});
    std::stringstream buf;
    buf << in.rdbuf();
    YAML::Node root = parse_text(buf.str(), path);
    std::vector<diagnostic> errors;
    for (std::size_t i = 0; i < overrides.size(); ++i) apply_override(root, overrides[i], i, errors);
    if (!errors.empty()) throw input_error(errors);
    if (!overrides.empty()) {
        // Re-parse the merged text so every mark (line:column) points into one document.
        const std::string merged = YAML::Dump(root) + "\n";
        return load_from_node(parse_text(merged, path + " (with --set)"), path + " (with --set)");
    }
    return load_from_node(root, path);
}

}  // namespace laborsim
