// Scenario loading: YAML text -> laborsim::scenario, every key checked against the schema
// and every problem collected (file:line:column, key path, expected vs found).
#include <set>

#include "scenario/yaml_reader.hpp"
#include "laborsim/scenario_io.hpp"

namespace laborsim {

namespace {

const section_spec& S(std::string_view name) { return schema_section(name); }

// Workers and schools refer to a policy by a one-byte index; 255 means none.
constexpr std::size_t no_policy_index = 255;

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
    rd.get(n, s, "entrant_education_shares", p, r.entrant_education_shares);
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
    rd.get(n, s, "level", p, sc.level);
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
    LABORSIM_PARAM(entrant_age_min); LABORSIM_PARAM(entrant_age_max); LABORSIM_PARAM(initial_wage_share);
    LABORSIM_PARAM(initial_skill_sd); LABORSIM_PARAM(entrant_skill_offset); LABORSIM_PARAM(firm_size_sd);
    LABORSIM_PARAM(public_employer_share); LABORSIM_PARAM(score_noise); LABORSIM_PARAM(placement_priority);
    LABORSIM_PARAM(outside_search_share); LABORSIM_PARAM(outside_applications); LABORSIM_PARAM(search_distance_cost);
    LABORSIM_PARAM(overqualification_gap); LABORSIM_PARAM(application_odds_cap); LABORSIM_PARAM(school_distance_cost);
    LABORSIM_PARAM(progression_rate); LABORSIM_PARAM(in_program_dropout_share); LABORSIM_PARAM(study_abroad_rate);
    LABORSIM_PARAM(abroad_program_months); LABORSIM_PARAM(abroad_completion_rate);
    LABORSIM_PARAM(abroad_skill_gain); LABORSIM_PARAM(abroad_return_probability); LABORSIM_PARAM(jobs_labor_force_elasticity);
    LABORSIM_PARAM(field_switch_penalty); LABORSIM_PARAM(unfilled_exit_months);
    LABORSIM_PARAM(young_age_years);
#undef LABORSIM_PARAM
    if (const YAML::Node jobs = n["job_level_shares"]; jobs.IsDefined() && !jobs.IsNull()) {
        const auto& js = S("job_level_shares");
        const std::string jp = yaml_reader::join(p, "job_level_shares");
        if (rd.check_map(jobs, jp, {&js}))
            for (int f = 0; f < field_count; ++f)
                rd.get(jobs, js, field_names[static_cast<std::size_t>(f)], jp, m.job_level_shares[static_cast<std::size_t>(f)]);
    }
    // Ranges the types cannot say.
    auto bad = [&](const char* key, const std::string& what) { rd.error(n[key].Mark(), yaml_reader::join(p, key), what); };
    if (education_level level{}; rd.get(n, s, "abroad_level", p, level)) m.abroad_level = static_cast<double>(level);
    if (n["outside_applications"] && m.outside_applications > 3)
        bad("outside_applications", "expected at most 3, got " + std::to_string(static_cast<int>(m.outside_applications)));
    if (n["abroad_program_months"] && m.abroad_program_months < 1) bad("abroad_program_months", "expected at least 1 month");
    if (n["entrant_age_max"] && m.entrant_age_max < m.entrant_age_min) bad("entrant_age_max", "expected at least entrant_age_min");
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

// Months counters live in one byte per worker: courses and commitments are 1-255 months.
void check_months(yaml_reader& rd, const YAML::Node& n, const std::string& p, const char* key, int value, int lo) {
    if (value >= lo && value <= 255) return;
    rd.error(n[key] ? n[key] : n, yaml_reader::join(p, key),
             "expected a number of months from " + std::to_string(lo) + " to 255, got " + std::to_string(value));
}

// Reads an optional target group under `target`.
void load_target_of(yaml_reader& rd, const YAML::Node& n, const std::string& p, target_group& g) {
    if (n["target"] && !n["target"].IsNull()) load_target(rd, n["target"], yaml_reader::join(p, "target"), g);
}

void load_minimum_wage(yaml_reader& rd, const YAML::Node& n, const std::string& p, minimum_wage& mw) {
    const auto& step_spec = S("minimum_wage_step");
    const std::string sp = yaml_reader::join(p, "steps");
    const YAML::Node steps = n["steps"];
    if (!steps.IsDefined()) {
        rd.error(n, sp, "missing required key 'steps'");
    } else if (!steps.IsSequence()) {
        rd.error(steps, sp, "expected a list of mappings, got " + yaml_reader::describe(steps));
    } else {
        for (std::size_t i = 0; i < steps.size(); ++i) {
            minimum_wage::step st;
            if (!rd.check_map(steps[i], at(sp, i), {&step_spec})) continue;
            rd.get(steps[i], step_spec, "from", at(sp, i), st.from);
            rd.get(steps[i], step_spec, "wage_vnd", at(sp, i), st.wage_vnd);
            mw.steps.push_back(st);
        }
    }
}

// One reader per policy type; each reads the keys of its schema section `s`.
void read_params(yaml_reader& rd, const YAML::Node& n, const std::string& p, const section_spec& s, vocational_training_quota& q) {
    load_target_of(rd, n, p, q.target);
    rd.get(n, s, "seats_per_year", p, q.seats_per_year);
    rd.get(n, s, "course_level", p, q.course_level);
    rd.get(n, s, "course_field", p, q.course_field);
    if (rd.get(n, s, "course_months", p, q.course_months)) check_months(rd, n, p, "course_months", q.course_months, 1);
    rd.get(n, s, "completion_rate", p, q.completion_rate);
    rd.get(n, s, "skill_gain", p, q.skill_gain);
    rd.get(n, s, "cost_per_trainee_vnd", p, q.cost_per_trainee_vnd);
    rd.get(n, s, "placement_support", p, q.placement_support);
}

void read_params(yaml_reader& rd, const YAML::Node& n, const std::string& p, const section_spec&, minimum_wage& mw) {
    load_minimum_wage(rd, n, p, mw);
}

void read_params(yaml_reader& rd, const YAML::Node& n, const std::string& p, const section_spec& s, talent_attraction& t) {
    load_target_of(rd, n, p, t.target);
    rd.get(n, s, "bonus_vnd", p, t.bonus_vnd);
    rd.get(n, s, "wage_top_up_vnd_month", p, t.wage_top_up_vnd_month);
    if (rd.get(n, s, "commitment_months", p, t.commitment_months)) check_months(rd, n, p, "commitment_months", t.commitment_months, 1);
    rd.get(n, s, "clawback_share", p, t.clawback_share);
    std::string who;
    if (rd.get(n, s, "recipients", p, who))
        t.recipients = who == "movers" ? talent_recipients::movers : talent_recipients::movers_and_residents;
    rd.get(n, s, "max_recipients_per_year", p, t.max_recipients_per_year);
}

void read_params(yaml_reader& rd, const YAML::Node& n, const std::string& p, const section_spec& s, school_accreditation& a) {
    rd.get(n, s, "standard", p, a.standard);
    std::vector<std::string> kinds;
    if (rd.get(n, s, "kinds", p, kinds))
        for (const auto& k : kinds)
            for (std::size_t i = 0; i < school_kind_names.size(); ++i)
                if (school_kind_names[i] == k) a.kinds.push_back(static_cast<school_kind>(i));
    std::string action;
    if (rd.get(n, s, "below_standard", p, action))
        a.below_standard = action == "close" ? accreditation_action::close : accreditation_action::upgrade;
    rd.get(n, s, "upgrade_cost_vnd", p, a.upgrade_cost_vnd);
    if (rd.get(n, s, "upgrade_months", p, a.upgrade_months)) check_months(rd, n, p, "upgrade_months", a.upgrade_months, 1);
    rd.get(n, s, "admission_cap", p, a.admission_cap);
    rd.get(n, s, "deadline_months", p, a.deadline_months);
}

void read_params(yaml_reader& rd, const YAML::Node& n, const std::string& p, const section_spec& s, school_enterprise_partnership& sp) {
    rd.get(n, s, "schools", p, sp.schools);
    rd.get(n, s, "ordered_seats_per_year", p, sp.ordered_seats_per_year);
    rd.get(n, s, "internship_skill_bonus", p, sp.internship_skill_bonus);
    rd.get(n, s, "cost_per_student_month_vnd", p, sp.cost_per_student_month_vnd);
    if (rd.get(n, s, "placement_window_months", p, sp.placement_window_months))
        check_months(rd, n, p, "placement_window_months", sp.placement_window_months, 1);
}

void read_params(yaml_reader& rd, const YAML::Node& n, const std::string& p, const section_spec& s, study_abroad& sa) {
    load_target_of(rd, n, p, sa.target);
    rd.get(n, s, "places_per_year", p, sa.places_per_year);
    rd.get(n, s, "study_level", p, sa.study_level);
    rd.get(n, s, "study_field", p, sa.study_field);
    if (rd.get(n, s, "study_months", p, sa.study_months)) check_months(rd, n, p, "study_months", sa.study_months, 1);
    rd.get(n, s, "completion_rate", p, sa.completion_rate);
    rd.get(n, s, "skill_gain", p, sa.skill_gain);
    rd.get(n, s, "return_rate", p, sa.return_rate);
    if (rd.get(n, s, "return_obligation_months", p, sa.return_obligation_months))
        check_months(rd, n, p, "return_obligation_months", sa.return_obligation_months, 0);
    rd.get(n, s, "cost_per_student_vnd", p, sa.cost_per_student_vnd);
    rd.get(n, s, "clawback_share", p, sa.clawback_share);
}

void read_params(yaml_reader& rd, const YAML::Node& n, const std::string& p, const section_spec& s, digital_skills_program& d) {
    load_target_of(rd, n, p, d.target);
    rd.get(n, s, "seats_per_year", p, d.seats_per_year);
    if (rd.get(n, s, "course_months", p, d.course_months)) check_months(rd, n, p, "course_months", d.course_months, 1);
    rd.get(n, s, "completion_rate", p, d.completion_rate);
    rd.get(n, s, "skill_gain", p, d.skill_gain);
    rd.get(n, s, "field_switch_share", p, d.field_switch_share);
    rd.get(n, s, "cost_per_trainee_vnd", p, d.cost_per_trainee_vnd);
}

void read_params(yaml_reader& rd, const YAML::Node& n, const std::string& p, const section_spec& s, public_recruitment& r) {
    rd.get(n, s, "field", p, r.field);
    rd.get(n, s, "min_level", p, r.min_level);
    rd.get(n, s, "target_per_10k", p, r.target_per_10k);
    rd.get(n, s, "max_hires_per_year", p, r.max_hires_per_year);
    rd.get(n, s, "cost_per_hire_vnd", p, r.cost_per_hire_vnd);
    rd.get(n, s, "recruit_from_other_regions", p, r.recruit_from_other_regions);
}

void read_params(yaml_reader& rd, const YAML::Node& n, const std::string& p, const section_spec& s, firm_training_subsidy& f) {
    load_target_of(rd, n, p, f.target);
    rd.get(n, s, "subsidy_per_trainee_vnd", p, f.subsidy_per_trainee_vnd);
    rd.get(n, s, "training_cost_vnd", p, f.training_cost_vnd);
    rd.get(n, s, "review_rate", p, f.review_rate);
    rd.get(n, s, "skill_gain", p, f.skill_gain);
    rd.get(n, s, "certify_level", p, f.certify_level);
}

// Default-constructs the variant alternative whose name is `type`.
template <std::size_t I = 0>
bool make_params(const std::string& type, policy_params& out) {
    if constexpr (I < std::variant_size_v<policy_params>) {
        if (type == policy_type_names[I]) { out.emplace<I>(); return true; }
        return make_params<I + 1>(type, out);
    }
    return false;
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
    if (specific == nullptr || !make_params(type, ps.params)) return;
    std::visit([&](auto& params) { read_params(rd, n, p, *specific, params); }, ps.params);
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
        if (!sc.schools[i].region.empty()) check_region(root["schools"][i]["region"], at("schools", i) + ".region", sc.schools[i].region);
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
        if (const auto* sp = std::get_if<school_enterprise_partnership>(&p.params)) {
            std::vector<std::string_view> school_ids;
            for (const auto& sch : sc.schools) school_ids.push_back(sch.id);
            for (const auto& id : sp->schools) {
                bool found = false;
                for (auto known_id : school_ids) found = found || known_id == id;
                if (found) continue;
                std::string msg = "unknown school '" + id + "'";
                if (auto s = closest_match(id, school_ids); !s.empty()) msg += ", did you mean '" + s + "'?";
                rd.error(n["schools"], at("policies", i) + ".schools", msg);
            }
        }
        // Only an explicit end can contradict the start; a policy starting after the
        // calendar (e.g. a run shortened with --set calendar.end) simply never applies.
        if (p.end < p.start && n["end"]) rd.error(n, at("policies", i) + ".end", "ends before it starts");
    }
    if (sc.calendar.end < sc.calendar.start && root["calendar"])
        rd.error(root["calendar"], "calendar.end", "expected a month on or after calendar.start");
    // (A missing key is an undefined node; asking its type would throw.)
    if (root["regions"].IsDefined() && root["regions"].IsSequence() && sc.regions.empty())
        rd.error(root["regions"], "regions", "expected at least one region");
    if (sc.scale <= 0 && root["scale"]) rd.error(root["scale"], "scale", "expected a number in (0, 1], got 0");
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
        rd.error(root, "calendar", "missing required key 'calendar'");
    }
    if (const YAML::Node m = root["model"]; m.IsDefined() && !m.IsNull()) load_model(rd, m, "model", sc.model);
    if (!root["regions"].IsDefined()) rd.error(root, "regions", "missing required key 'regions'");
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

// Reads the composed tree. Diagnostics name the file (or --set) each value came from.
scenario load_tree(const tree_node& tree, const std::string& label) {
    const yaml_document doc = to_yaml(tree);
    yaml_reader rd(label, &doc.origins);
    scenario sc = load_root(rd, doc.root);
    if (!rd.ok()) throw input_error(rd.diagnostics());
    sc.source_path = label;
    // Content only (no paths), so the same scenario reached from anywhere hashes the same.
    sc.resolved_yaml = "# laborsim resolved scenario (extends, include and --set applied)\n" + YAML::Dump(doc.root) + "\n";
    return sc;
}

scenario load_composed_scenario(const std::string& path, const std::string* text, const std::vector<std::string>& overrides) {
    std::vector<diagnostic> errors;
    tree_node tree = load_composed(path, errors, text);
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

scenario load_scenario_text(const std::string& text, const std::string& file_label) {
    return load_composed_scenario(file_label, &text, {});
}

scenario load_scenario(const std::string& path, const std::vector<std::string>& overrides) {
    return load_composed_scenario(path, nullptr, overrides);
}

}  // namespace laborsim
