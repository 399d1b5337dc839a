// Scenario loading: YAML text -> laborsim::scenario, every key checked against the schema
// and every problem collected (file:line:column, key path, expected vs found).
#include <algorithm>
#include <cmath>
#include <set>

#include "core/units.hpp"
#include "core/worker_store.hpp"
#include "laborsim/scenario_io.hpp"
#include "scenario/yaml_reader.hpp"

namespace laborsim {

namespace {

const section_spec& S(std::string_view name) { return schema_section(name); }

// Workers and schools refer to a policy by a one-byte index; no_policy means none.
constexpr std::size_t no_policy_index = no_policy;

std::string at(const std::string& path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }

void load_model(yaml_reader& rd, const YAML::Node& n, const std::string& p, model_params& m) {
    const auto& s = S("model");
    if (!rd.check_map(n, p, {&s})) return;
#define LABORSIM_PARAM(name) rd.get(n, s, #name, p, m.name)
    LABORSIM_PARAM(retirement_age_men);
    LABORSIM_PARAM(retirement_age_women);
    LABORSIM_PARAM(mortality_gompertz_a);
    LABORSIM_PARAM(mortality_gompertz_b);
    LABORSIM_PARAM(share_women);
    LABORSIM_PARAM(separation_rate);
    LABORSIM_PARAM(matching_efficiency);
    LABORSIM_PARAM(matching_elasticity);
    LABORSIM_PARAM(on_the_job_search);
    LABORSIM_PARAM(nash_share);
    LABORSIM_PARAM(reservation_replacement);
    LABORSIM_PARAM(reservation_decay);
    LABORSIM_PARAM(mismatch_penalty);
    LABORSIM_PARAM(productivity_sigma);
    LABORSIM_PARAM(productivity_rho);
    LABORSIM_PARAM(productivity_shock_sd);
    LABORSIM_PARAM(aggregate_shock_sd);
    LABORSIM_PARAM(labor_demand_elasticity);
    LABORSIM_PARAM(vacancy_rate);
    LABORSIM_PARAM(layoff_threshold);
    LABORSIM_PARAM(firm_entry_rate);
    LABORSIM_PARAM(application_rate_young);
    LABORSIM_PARAM(application_rate_adult);
    LABORSIM_PARAM(schooling_return_weight);
    LABORSIM_PARAM(fixed_job_finding_rate);
    LABORSIM_PARAM(learning_rate);
    LABORSIM_PARAM(depreciation_rate);
    LABORSIM_PARAM(firm_training_review_rate);
    LABORSIM_PARAM(firm_training_cost_vnd);
    LABORSIM_PARAM(firm_training_skill_gain);
    LABORSIM_PARAM(level_wage_premium);
    LABORSIM_PARAM(migration_rate);
    LABORSIM_PARAM(migration_income_weight);
    LABORSIM_PARAM(migration_distance_cost);
    LABORSIM_PARAM(migration_stay_bonus);
    LABORSIM_PARAM(entrant_age_min);
    LABORSIM_PARAM(entrant_age_max);
    LABORSIM_PARAM(initial_wage_share);
    LABORSIM_PARAM(initial_skill_sd);
    LABORSIM_PARAM(entrant_skill_offset);
    LABORSIM_PARAM(firm_agents_per_market);
    LABORSIM_PARAM(establishments_per_firm_agent);
    LABORSIM_PARAM(public_employer_share);
    LABORSIM_PARAM(score_noise);
    LABORSIM_PARAM(placement_priority);
    LABORSIM_PARAM(outside_search_share);
    LABORSIM_PARAM(outside_applications);
    LABORSIM_PARAM(search_distance_cost);
    LABORSIM_PARAM(overqualification_gap);
    LABORSIM_PARAM(application_odds_cap);
    LABORSIM_PARAM(school_distance_cost);
    LABORSIM_PARAM(progression_rate);
    LABORSIM_PARAM(in_program_dropout_share);
    LABORSIM_PARAM(study_abroad_rate);
    LABORSIM_PARAM(abroad_program_months);
    LABORSIM_PARAM(abroad_completion_rate);
    LABORSIM_PARAM(abroad_skill_gain);
    LABORSIM_PARAM(abroad_return_probability);
    LABORSIM_PARAM(jobs_labor_force_elasticity);
    LABORSIM_PARAM(field_switch_penalty);
    LABORSIM_PARAM(unfilled_exit_months);
    LABORSIM_PARAM(young_age_years);
    LABORSIM_PARAM(level_premium_supply_elasticity);
    LABORSIM_PARAM(participation_rate_15plus);
    LABORSIM_PARAM(participation_men);
    LABORSIM_PARAM(participation_women);
    LABORSIM_PARAM(participation_turnover);
    LABORSIM_PARAM(participation_education_effect);
    LABORSIM_PARAM(participation_job_finding_effect);
    LABORSIM_PARAM(participation_income_effect);
    LABORSIM_PARAM(discouragement_effect);
    LABORSIM_PARAM(inactive_youth_in_school);
    LABORSIM_PARAM(informal_share);
    LABORSIM_PARAM(social_insurance_rate);
    LABORSIM_PARAM(informal_on_the_job_search);
    LABORSIM_PARAM(formal_job_value);
#undef LABORSIM_PARAM
    if (const YAML::Node jobs = n["job_level_shares"]; jobs.IsDefined() && !jobs.IsNull()) {
        const auto& js = S("job_level_shares");
        const std::string jp = yaml_reader::join(p, "job_level_shares");
        if (rd.check_map(jobs, jp, {&js}))
            for (int f = 0; f < field_count; ++f)
                rd.get(jobs, js, field_names[static_cast<std::size_t>(f)], jp,
                       m.job_level_shares[static_cast<std::size_t>(f)]);
    }
    // Ranges the types cannot say.
    auto bad = [&](const char* key, const std::string& what) {
        rd.error(n[key].Mark(), yaml_reader::join(p, key), what);
    };
    if (education_level level{}; rd.get(n, s, "abroad_level", p, level)) m.abroad_level = static_cast<double>(level);
    if (n["firm_agents_per_market"] && m.firm_agents_per_market < 1)
        bad("firm_agents_per_market", "expected at least 1 firm agent a market");
    if (n["establishments_per_firm_agent"] && m.establishments_per_firm_agent <= 0)
        bad("establishments_per_firm_agent", "expected a positive number of establishments");
    if (n["abroad_program_months"] && m.abroad_program_months < 1)
        bad("abroad_program_months", "expected at least 1 month");
    if (n["entrant_age_max"] && m.entrant_age_max < m.entrant_age_min)
        bad("entrant_age_max", "expected at least entrant_age_min");
    for (const char* key : {"participation_men", "participation_women"}) {
        const auto& shares = std::string_view(key) == "participation_men" ? m.participation_men : m.participation_women;
        for (double v : shares)
            if (n[key] && (v <= 0 || v > 1)) {
                bad(key, "expected participation rates in (0, 1], got " + std::to_string(v));
                break;
            }
    }
}

void load_target(yaml_reader& rd, const YAML::Node& n, const std::string& p, target_group& g) {
    const auto& s = S("target");
    if (!rd.check_map(n, p, {&s})) return;
    rd.get(n, s, "rural", p, g.rural);
    rd.get(n, s, "unemployed", p, g.unemployed);
    rd.get(n, s, "inactive", p, g.inactive);
    rd.get(n, s, "min_level", p, g.min_level);
    rd.get(n, s, "max_level", p, g.max_level);
    rd.get(n, s, "field", p, g.field);
    rd.get(n, s, "min_age", p, g.min_age);
    rd.get(n, s, "max_age", p, g.max_age);
}

// Month counters live in one byte per worker: courses and commitments are 1..max_counter_months.
void check_months(yaml_reader& rd, const YAML::Node& n, const std::string& p, std::string_view key, int value, int lo) {
    if (value >= lo && value <= max_counter_months) return;
    const std::string k(key);
    rd.error(n[k] ? n[k] : n, yaml_reader::join(p, key),
             "expected a number of months from " + std::to_string(lo) + " to " + std::to_string(max_counter_months) +
                 ", got " + std::to_string(value));
}

void read_bound(yaml_reader& rd, const YAML::Node& n, const std::string& p, const section_spec& s, void* spec);
void read_item_list(yaml_reader& rd, const YAML::Node& n, const std::string& p, const key_spec& k,
                    const item_list_target& items);

// Reads key k of section s into where its binding points.
void read_key(yaml_reader& rd, const YAML::Node& n, const std::string& p, const section_spec& s, const key_spec& k,
              void* spec) {
    const auto choice_index = [&](const std::string& v) {
        return static_cast<std::size_t>(std::find(k.choices.begin(), k.choices.end(), v) - k.choices.begin());
    };
    const auto read = [&](auto& target) {
        using T = std::decay_t<decltype(target)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
            throw internal_error("schema key " + std::string(s.name) + "." + std::string(k.key) + " has no binding");
        } else if constexpr (std::is_same_v<T, target_group*>) {
            const std::string key(k.key);
            if (n[key] && !n[key].IsNull()) load_target(rd, n[key], yaml_reader::join(p, key), *target);
        } else if constexpr (std::is_same_v<T, choice_target>) {
            if (std::string v; rd.get(n, s, k.key, p, v)) target.set(target.target, choice_index(v));
        } else if constexpr (std::is_same_v<T, choice_list_target>) {
            if (std::vector<std::string> v; rd.get(n, s, k.key, p, v))
                for (const auto& x : v) target.add(target.target, choice_index(x));
        } else if constexpr (std::is_same_v<T, item_list_target>) {
            read_item_list(rd, n, p, k, target);
        } else if constexpr (std::is_same_v<T, int*>) {
            if (rd.get(n, s, k.key, p, *target) && k.bind.min_months >= 0)
                check_months(rd, n, p, k.key, *target, k.bind.min_months);
        } else {
            rd.get(n, s, k.key, p, *target);
        }
    };
    if (k.bind.target == nullptr)
        throw internal_error("schema key " + std::string(s.name) + "." + std::string(k.key) + " has no binding");
    auto target = k.bind.target(spec);
    std::visit(read, target);
}

// A list of mappings: each item is checked against the key's section and read by its bindings.
void read_item_list(yaml_reader& rd, const YAML::Node& n, const std::string& p, const key_spec& k,
                    const item_list_target& items) {
    const auto& item_spec = S(k.section);
    const std::string lp = yaml_reader::join(p, k.key);
    const YAML::Node list = n[std::string(k.key)];
    if (!list.IsDefined()) {
        if (k.default_text == "required") rd.error(n, lp, "missing required key '" + std::string(k.key) + "'");
        return;
    }
    if (!list.IsSequence()) {
        rd.error(list, lp, "expected a list of mappings, got " + yaml_reader::describe(list));
        return;
    }
    for (std::size_t i = 0; i < list.size(); ++i)
        if (rd.check_map(list[i], at(lp, i), {&item_spec}))
            read_bound(rd, list[i], at(lp, i), item_spec, items.append(items.target));
}

// Reads every key of section s into the spec at `spec` (a region, a school, a policy's params), as the
// keys' bindings say.
void read_bound(yaml_reader& rd, const YAML::Node& n, const std::string& p, const section_spec& s, void* spec) {
    for (const auto& k : s.keys) read_key(rd, n, p, s, k, spec);
}

void load_region(yaml_reader& rd, const YAML::Node& n, const std::string& p, region_spec& r) {
    const auto& s = S("region");
    if (!rd.check_map(n, p, {&s})) return;
    read_bound(rd, n, p, s, &r);
    if (r.name.empty()) r.name = r.id;  // the display name defaults to the id
}

void load_school(yaml_reader& rd, const YAML::Node& n, const std::string& p, school_spec& sc) {
    const auto& s = S("school");
    if (rd.check_map(n, p, {&s})) read_bound(rd, n, p, s, &sc);
}

// Default-constructs the variant alternative whose name is `type`.
template <std::size_t I = 0>
bool make_params(const std::string& type, policy_params& out) {
    if constexpr (I < std::variant_size_v<policy_params>) {
        if (type == policy_type_names[I]) {
            out.emplace<I>();
            return true;
        }
        return make_params<I + 1>(type, out);
    }
    return false;
}

void load_policy(yaml_reader& rd, const YAML::Node& n, const std::string& p, const calendar_spec& cal,
                 policy_spec& ps) {
    const auto& common = S("policy");
    if (!n.IsMap()) {
        rd.check_map(n, p, {&common});
        return;
    }
    std::string type;
    rd.get(n, common, "type", p, type);
    const section_spec* specific = nullptr;
    for (const auto& sec : scenario_schema())
        if (sec.name == "policy." + type) specific = &sec;
    rd.check_map(n, p,
                 specific ? std::initializer_list<const section_spec*>{&common, specific}
                          : std::initializer_list<const section_spec*>{&common});
    rd.get(n, common, "id", p, ps.id);
    std::vector<std::string> regions;
    if (rd.get(n, common, "region", p, regions) && !(regions.size() == 1 && regions[0] == "all")) ps.regions = regions;
    ps.start = cal.start;
    ps.end = cal.end;
    rd.get(n, common, "start", p, ps.start);
    rd.get(n, common, "end", p, ps.end);
    rd.get(n, common, "annual_budget_vnd", p, ps.annual_budget_vnd);
    if (specific == nullptr || !make_params(type, ps.params)) return;
    std::visit([&](auto& params) { read_bound(rd, n, p, *specific, &params); }, ps.params);
}

template <class T, class F>
void load_list(yaml_reader& rd, const YAML::Node& root, const char* key, std::vector<T>& out, F&& load_one) {
    const YAML::Node list = root[key];
    if (!list.IsDefined() || list.IsNull()) return;
    if (!list.IsSequence()) {
        rd.error(list, key, "expected a list of mappings, got " + yaml_reader::describe(list));
        return;
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
        T item;
        load_one(list[i], at(key, i), item);
        out.push_back(std::move(item));
    }
}

// Keys of a policy's section that name schools (key_refers::school_ids) must name known ones,
// in the policy's regions (a school elsewhere would be ignored without a word).
void check_school_references(yaml_reader& rd, const YAML::Node& n, const std::string& path, const policy_spec& p,
                             const scenario& sc) {
    const std::string section = "policy." + std::string(policy_type_name(p.params));
    std::vector<std::string_view> school_ids;
    for (const auto& sch : sc.schools) school_ids.push_back(sch.id);
    // Bindings point into a spec for writing; here they are only read.
    void* spec =
        std::visit([](const auto& params) { return const_cast<void*>(static_cast<const void*>(&params)); }, p.params);
    for (const auto& k : S(section).keys) {
        if (k.bind.refers != key_refers::school_ids) continue;
        for (const auto& id : *std::get<std::vector<std::string>*>(k.bind.target(spec))) {
            const auto known = std::find(school_ids.begin(), school_ids.end(), id);
            if (known != school_ids.end()) {
                const auto& region = sc.schools[static_cast<std::size_t>(known - school_ids.begin())].region;
                if (p.targets(region)) continue;
                rd.error(n[std::string(k.key)], yaml_reader::join(path, k.key),
                         "school '" + id + "' is in region '" + region + "', outside the policy's regions; add '" +
                             region + "' to the policy's `region` or drop the school");
                continue;
            }
            std::string msg = "unknown school '" + id + "'";
            if (auto s = closest_match(id, school_ids); !s.empty()) msg += ", did you mean '" + s + "'?";
            rd.error(n[std::string(k.key)], yaml_reader::join(path, k.key), msg);
        }
    }
}

// Cross-references: unique ids, known regions, ordered dates.
void check_references(yaml_reader& rd, const YAML::Node& root, const scenario& sc) {
    std::set<std::string> region_ids;
    for (std::size_t i = 0; i < sc.regions.size(); ++i) {
        if (sc.regions[i].id.empty()) continue;
        if (!region_ids.insert(sc.regions[i].id).second)
            rd.error(root["regions"][i], at("regions", i) + ".id", "duplicate region id '" + sc.regions[i].id + "'");
    }
    std::vector<std::string_view> known(region_ids.begin(), region_ids.end());
    auto check_region = [&](const YAML::Node& n, const std::string& path, const std::string& id) {
        if (region_ids.count(id)) return;
        std::string msg = "unknown region '" + id + "'";
        if (auto s = closest_match(id, known); !s.empty()) msg += ", did you mean '" + s + "'?";
        rd.error(n, path, msg);
    };
    std::set<std::string> school_ids;
    for (std::size_t i = 0; i < sc.schools.size(); ++i) {
        if (!sc.schools[i].id.empty() && !school_ids.insert(sc.schools[i].id).second)
            rd.error(root["schools"][i], at("schools", i) + ".id", "duplicate school id '" + sc.schools[i].id + "'");
        if (!sc.schools[i].region.empty())
            check_region(root["schools"][i]["region"], at("schools", i) + ".region", sc.schools[i].region);
    }
    if (sc.policies.size() >= no_policy_index)
        rd.error(root["policies"], "policies", "expected at most " + std::to_string(no_policy_index - 1) + " policies");
    std::set<std::string> policy_ids;
    for (std::size_t i = 0; i < sc.policies.size(); ++i) {
        const auto& p = sc.policies[i];
        const YAML::Node n = root["policies"][i];
        if (!p.id.empty() && !policy_ids.insert(p.id).second)
            rd.error(n, at("policies", i) + ".id", "duplicate policy id '" + p.id + "'");
        for (const auto& r : p.regions) check_region(n["region"], at("policies", i) + ".region", r);
        check_school_references(rd, n, at("policies", i), p, sc);
        // Only an explicit end can contradict the start; a policy starting after the
        // calendar (e.g. a run shortened with --set calendar.end) simply never applies.
        if (p.end < p.start && n["end"]) rd.error(n, at("policies", i) + ".end", "ends before it starts");
    }
    std::set<std::string> shock_ids;
    for (std::size_t i = 0; i < sc.shocks.size(); ++i) {
        const YAML::Node n = root["shocks"][i];
        if (!sc.shocks[i].id.empty() && !shock_ids.insert(sc.shocks[i].id).second)
            rd.error(n, at("shocks", i) + ".id", "duplicate shock id '" + sc.shocks[i].id + "'");
        for (const auto& r : sc.shocks[i].regions) check_region(n["regions"], at("shocks", i) + ".regions", r);
    }
    if (sc.calendar.end < sc.calendar.start && root["calendar"])
        rd.error(root["calendar"], "calendar.end", "expected a month on or after calendar.start");
    // (A missing key is an undefined node; asking its type would throw.)
    if (root["regions"].IsDefined() && root["regions"].IsSequence() && sc.regions.empty())
        rd.error(root["regions"], "regions", "expected at least one region");
    if (sc.scale <= 0 && root["scale"]) rd.error(root["scale"], "scale", "expected a number in (0, 1], got 0");
}

void load_growth_and_shocks(yaml_reader& rd, const YAML::Node& root, scenario& sc) {
    if (const YAML::Node g = root["growth"]; g.IsDefined() && !g.IsNull()) {
        const auto& gs = S("growth");
        if (rd.check_map(g, "growth", {&gs})) read_bound(rd, g, "growth", gs, &sc.growth);
    }
    const auto& ss = S("shock");
    load_list(rd, root, "shocks", sc.shocks, [&](const YAML::Node& n, const std::string& p, shock_spec& x) {
        if (rd.check_map(n, p, {&ss})) read_bound(rd, n, p, ss, &x);
        if (x.regions.size() == 1 && x.regions[0] == "all") x.regions.clear();
        if (n["end"] && n["start"] && x.end < x.start) rd.error(n["end"], p + ".end", "ends before it starts");
        if (n["separation"] && x.separation > 0.5)
            rd.error(n["separation"], p + ".separation", "expected a monthly probability of at most 0.5");
        if (n["productivity"] && std::abs(x.productivity) > 1)
            rd.error(n["productivity"], p + ".productivity", "expected at most 1 log point either way");
    });
}

scenario load_root(yaml_reader& rd, const YAML::Node& root) {
    scenario sc;
    const auto& s = S("scenario");
    if (!rd.check_map(root, "", {&s})) return sc;
    rd.get(root, s, "name", "", sc.name);
    rd.get(root, s, "description", "", sc.description);
    rd.get(root, s, "title", "", sc.title);
    rd.get(root, s, "seed", "", sc.seed);
    rd.get(root, s, "scale", "", sc.scale);
    if (const YAML::Node cal = root["calendar"]; cal.IsDefined()) {
        const auto& cs = S("calendar");
        if (rd.check_map(cal, "calendar", {&cs})) {
            rd.get(cal, cs, "start", "calendar", sc.calendar.start);
            rd.get(cal, cs, "end", "calendar", sc.calendar.end);
        }
    } else {
        rd.error(root, "calendar", "missing required key 'calendar'");
    }
    if (const YAML::Node m = root["model"]; m.IsDefined() && !m.IsNull()) load_model(rd, m, "model", sc.model);
    if (!root["regions"].IsDefined()) rd.error(root, "regions", "missing required key 'regions'");
    load_list(rd, root, "regions", sc.regions,
              [&](const YAML::Node& n, const std::string& p, region_spec& r) { load_region(rd, n, p, r); });
    load_list(rd, root, "schools", sc.schools,
              [&](const YAML::Node& n, const std::string& p, school_spec& x) { load_school(rd, n, p, x); });
    load_list(rd, root, "policies", sc.policies, [&](const YAML::Node& n, const std::string& p, policy_spec& x) {
        load_policy(rd, n, p, sc.calendar, x);
    });
    load_growth_and_shocks(rd, root, sc);
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

// Reads the composed tree. Diagnostics name the file (or --set) each value came from.
scenario load_tree(const tree_node& tree, const std::string& label) {
    const yaml_document doc = to_yaml(tree);
    yaml_reader rd(label, &doc.origins);
    scenario sc = load_root(rd, doc.root);
    if (!rd.ok()) throw input_error(rd.diagnostics());
    sc.source_path = label;
    // Content only (no paths), so the same scenario reached from anywhere hashes the same.
    sc.resolved_yaml =
        "# laborsim resolved scenario (extends, include and --set applied)\n" + YAML::Dump(doc.root) + "\n";
    return sc;
}

scenario load_composed_scenario(const std::string& path, const std::string* text,
                                const std::vector<std::string>& overrides, const std::string& root = {}) {
    std::vector<diagnostic> errors;
    tree_node tree = load_composed(path, errors, text, compose_options{root});
    if (!errors.empty()) throw input_error(errors);
    for (std::size_t i = 0; i < overrides.size(); ++i) apply_setting(tree, overrides[i], i, errors);
    if (errors.empty()) return load_tree(tree, path);
    // Report the settings that could not be applied together with the problems of the rest.
    try {
        load_tree(tree, path);
    } catch (const input_error& e) {
        errors.insert(errors.end(), e.diagnostics().begin(), e.diagnostics().end());
    }
    throw input_error(errors);
}

}  // namespace

scenario load_scenario_text(const std::string& text, const std::string& file_label,
                            const std::vector<std::string>& overrides) {
    return load_composed_scenario(file_label, &text, overrides);
}

scenario load_scenario_text(const std::string& text, const std::string& file_label,
                            const scenario_load_options& options) {
    return load_composed_scenario(file_label, &text, options.overrides, options.scenario_root);
}

scenario load_scenario(const std::string& path, const std::vector<std::string>& overrides) {
    return load_composed_scenario(path, nullptr, overrides);
}

scenario load_scenario(const std::string& path, const scenario_load_options& options) {
    return load_composed_scenario(path, nullptr, options.overrides, options.scenario_root);
}

}  // namespace laborsim
