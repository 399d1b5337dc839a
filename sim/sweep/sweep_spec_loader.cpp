// Sweep spec loading: YAML -> sweep_spec, every key checked against the sweep schema,
// every parameter key against the scenario schema, outcomes against the base scenario.
// Problems are collected and reported together, each located (file:line:column: key path).
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "laborsim/indicators.hpp"
#include "laborsim/scenario_io.hpp"
#include "laborsim/sweep.hpp"
#include "scenario/scenario_tree.hpp"
#include "scenario/setting_path.hpp"
#include "scenario/yaml_reader.hpp"
#include "sweep/run_file.hpp"
#include "sweep/sobol.hpp"
#include "sweep/sweep_schema.hpp"

namespace laborsim {

namespace fs = std::filesystem;

namespace {

std::string at(const std::string& path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }

// Slurm's --mem: a whole number with an optional K, M, G or T suffix.
bool valid_slurm_memory(const std::string& s) {
    std::size_t digits = 0;
    while (digits < s.size() && std::isdigit(static_cast<unsigned char>(s[digits]))) ++digits;
    if (digits == 0 || digits + 1 < s.size()) return false;
    return digits == s.size() || std::string("KMGT").find(s.back()) != std::string::npos;
}

bool parse_number(const YAML::Node& n, double& out) {
    if (!n.IsScalar()) return false;
    const std::string& s = n.Scalar();
    char* end = nullptr;
    out = std::strtod(s.c_str(), &end);
    return !s.empty() && end == s.c_str() + s.size() && std::isfinite(out);
}

void load_range(yaml_reader& rd, const YAML::Node& n, const std::string& path, sweep_parameter& p) {
    double lo = 0, hi = 0;
    if (!n.IsSequence() || n.size() != 2 || !parse_number(n[0], lo) || !parse_number(n[1], hi)) {
        rd.error(n.Mark(), path, "expected [low, high] (two numbers), got " + yaml_reader::describe(n));
        return;
    }
    if (!(lo < hi)) {
        rd.error(n.Mark(), path, "expected low < high, got [" + n[0].Scalar() + ", " + n[1].Scalar() + "]");
        return;
    }
    p.has_range = true;
    p.low = lo;
    p.high = hi;
}

void load_parameter(yaml_reader& rd, const YAML::Node& n, const std::string& path, sampling_method method,
                    sweep_parameter& p) {
    const auto& s = sweep_section("parameter");
    if (!rd.check_map(n, path, {&s})) return;
    rd.get(n, s, "key", path, p.key);
    if (p.key == "seed")
        rd.error(n["key"].Mark(), path + ".key", "seeds are not swept: use `replicates` (and the sweep's `seed`)");
    const bool has_values = rd.get(n, s, "values", path, p.values);
    if (const YAML::Node r = n["range"]; r.IsDefined() && !r.IsNull()) load_range(rd, r, path + ".range", p);
    rd.get(n, s, "steps", path, p.steps);
    rd.get(n, s, "log", path, p.log_scale);
    rd.get(n, s, "integer", path, p.integer);
    const bool has_range_key = n["range"].IsDefined();
    if (has_values == has_range_key) {
        rd.error(n.Mark(), path, "expected exactly one of 'values' or 'range'");
        return;
    }
    if (has_values && p.values.empty()) rd.error(n["values"].Mark(), path + ".values", "expected at least one value");
    if (has_values && (n["log"] || n["integer"] || n["steps"]))
        rd.error(n.Mark(), path, "'log', 'integer' and 'steps' apply to a 'range', not to 'values'");
    if (!p.has_range) return;
    if (p.integer && std::ceil(p.low) > std::floor(p.high))
        rd.error(n["range"].Mark(), path + ".range", "an integer range needs a whole number between low and high");
    if (p.log_scale && p.low <= 0) rd.error(n["range"].Mark(), path + ".range", "a log-scale range needs low > 0");
    if (method == sampling_method::grid && p.steps < 1)
        rd.error(n.Mark(), path + ".steps", "a range in a grid sweep needs 'steps' (how many values), at least 1");
    if (method != sampling_method::grid && n["steps"])
        rd.error(n["steps"].Mark(), path + ".steps", "'steps' applies to grid sweeps; lhs and sobol draw 'points'");
}

void load_sampling(yaml_reader& rd, const YAML::Node& n, sweep_spec& sp) {
    const auto& s = sweep_section("sampling");
    if (!rd.check_map(n, "sampling", {&s})) return;
    std::string method = "grid";
    rd.get(n, s, "method", "sampling", method);
    sp.method = method == "lhs"        ? sampling_method::lhs
                : method == "sobol"    ? sampling_method::sobol
                : method == "saltelli" ? sampling_method::saltelli
                                       : sampling_method::grid;
    rd.get(n, s, "points", "sampling", sp.points);
    rd.get(n, s, "seed", "sampling", sp.sampling_seed);
    if (sp.method == sampling_method::grid && n["points"])
        rd.error(n["points"].Mark(), "sampling.points",
                 "'points' applies to lhs and sobol; a grid has one point per combination");
    if (sp.method != sampling_method::grid && sp.points < 1)
        rd.error(n.Mark(), "sampling.points", "expected the number of points (at least 1) for " + method + " sampling");
}

struct base_scenario_info {
    YAML::Node root;
    bool ok = false;
};

base_scenario_info read_base_yaml(yaml_reader& rd, const YAML::Node& mark_node, const std::string& path,
                                  const std::string& scenario_root) {
    base_scenario_info info;
    if (!fs::is_regular_file(path)) {
        rd.error(mark_node.Mark(), "base", "no scenario file at " + path);
        return info;
    }
    // The resolved scenario (extends and include applied), so keys a variant inherits count.
    try {
        info.root = YAML::Load(load_scenario(path, scenario_load_options{{}, scenario_root}).resolved_yaml);
        info.ok = true;
    } catch (const YAML::Exception& e) {
        rd.error(mark_node.Mark(), "base", path + ": not readable as YAML: " + e.msg);
    }
    return info;
}

// Regions, dates and columns of the outcomes, checked against the loaded base scenario.
void load_outcomes(yaml_reader& rd, const YAML::Node& n, const scenario& base, sweep_spec& sp) {
    const auto& s = sweep_section("outcomes");
    if (!rd.check_map(n, "outcomes", {&s})) return;
    std::vector<std::string> indicators, regions, dates;
    rd.get(n, s, "indicators", "outcomes", indicators);
    rd.get(n, s, "regions", "outcomes", regions);
    rd.get(n, s, "dates", "outcomes", dates);
    std::vector<std::string_view> known_regions;
    for (const auto& r : base.regions) known_regions.push_back(r.id);
    std::vector<std::string> region_ids;
    // Without a list, one column per region; "all" is the national aggregate column.
    if (regions.empty())
        for (const auto& r : base.regions) region_ids.push_back(r.id);
    for (std::size_t i = 0; i < regions.size(); ++i) {
        if (regions[i] == all_regions_outcome) {
            region_ids.push_back(regions[i]);
            continue;
        }
        bool found = false;
        for (auto r : known_regions) found = found || r == regions[i];
        if (found) {
            region_ids.push_back(regions[i]);
            continue;
        }
        std::string msg = "the base scenario has no region '" + regions[i] + "'";
        if (auto c = closest_match(regions[i], known_regions); !c.empty()) msg += ", did you mean '" + c + "'?";
        const YAML::Node rn = n["regions"];
        rd.error(rn.IsSequence() ? rn[i].Mark() : rn.Mark(),
                 rn.IsSequence() ? at("outcomes.regions", i) : "outcomes.regions", msg);
    }
    std::vector<year_month> months;
    for (std::size_t i = 0; i < dates.size(); ++i) {
        const YAML::Node dn = n["dates"].IsSequence() ? n["dates"][i] : n["dates"];
        const std::string kp = n["dates"].IsSequence() ? at("outcomes.dates", i) : "outcomes.dates";
        const auto ym = parse_year_month(dates[i]);
        if (!ym) {
            rd.error(dn.Mark(), kp, "expected a date YYYY-MM, got \"" + dates[i] + "\"");
        } else if (*ym < base.calendar.start || base.calendar.end < *ym) {
            rd.error(dn.Mark(), kp,
                     "expected a month the base scenario simulates (" + format_year_month(base.calendar.start) +
                         " to " + format_year_month(base.calendar.end) + "), got " + dates[i]);
        } else {
            months.push_back(*ym);
        }
    }
    if (dates.empty()) months.push_back(base.calendar.end);
    std::set<std::string> seen;
    for (const auto& ind : indicators)
        for (const auto& reg : region_ids)
            for (auto ym : months) {
                sweep_outcome o{ind + ":" + reg + ":" + format_year_month(ym), ind, reg, ym};
                if (seen.insert(o.column).second) sp.outcomes.push_back(std::move(o));
            }
}

sweep_spec load_root(const YAML::Node& root, const std::string& label, const std::string& base_dir,
                     const std::string& scenario_root) {
    yaml_reader rd(label);
    sweep_spec sp;
    sp.source_path = label;
    const auto& s = sweep_section("sweep");
    if (!rd.check_map(root, "", {&s})) throw input_error(rd.diagnostics());
    rd.get(root, s, "name", "", sp.name);
    rd.get(root, s, "description", "", sp.description);
    rd.get(root, s, "base", "", sp.base_scenario);
    rd.get(root, s, "set", "", sp.settings);
    std::uint64_t seed = 0;
    const bool has_seed = rd.get(root, s, "seed", "", seed);
    if (rd.get(root, s, "replicates", "", sp.replicates) && sp.replicates < 1)
        rd.error(root["replicates"].Mark(), "replicates",
                 "expected at least 1 replicate, got " + root["replicates"].Scalar());
    rd.get(root, s, "output", "", sp.output_dir);
    rd.get(root, s, "threads", "", sp.threads);
    rd.get(root, s, "run_timeout_s", "", sp.run_timeout_s);
    if (rd.get(root, s, "memory_per_run", "", sp.memory_per_run) && !valid_slurm_memory(sp.memory_per_run))
        rd.error(root["memory_per_run"].Mark(), "memory_per_run",
                 "expected a memory size like 500M, 4G or 1T (Slurm's --mem), got \"" + sp.memory_per_run + "\"");
    if (const YAML::Node n = root["sampling"]; n.IsDefined() && !n.IsNull()) load_sampling(rd, n, sp);

    const YAML::Node params = root["parameters"];
    if (!params.IsDefined() || params.IsNull()) {
        rd.error(root.Mark(), "parameters", "missing required key 'parameters'");
    } else if (!params.IsSequence() || params.size() == 0) {
        rd.error(params.Mark(), "parameters",
                 "expected a list of at least one parameter, got " + yaml_reader::describe(params));
    } else {
        // First, so that it is listed before the errors of the parameters themselves.
        if (sp.method == sampling_method::sobol && params.size() > sobol_max_dimensions)
            rd.error(params.Mark(), "parameters",
                     "Sobol sampling supports at most " + std::to_string(sobol_max_dimensions) + " parameters, got " +
                         std::to_string(params.size()));
        // A and B matrices side by side: twice the parameters in Sobol dimensions.
        if (sp.method == sampling_method::saltelli && 2 * params.size() > sobol_max_dimensions)
            rd.error(params.Mark(), "parameters",
                     "Saltelli sampling supports at most " + std::to_string(sobol_max_dimensions / 2) +
                         " parameters, got " + std::to_string(params.size()));
        std::set<std::string> keys;
        for (std::size_t i = 0; i < params.size(); ++i) {
            sweep_parameter p;
            load_parameter(rd, params[i], at("parameters", i), sp.method, p);
            if (!p.key.empty() && !keys.insert(p.key).second)
                rd.error(params[i]["key"].Mark(), at("parameters", i) + ".key", "key '" + p.key + "' is swept twice");
            sp.parameters.push_back(std::move(p));
        }
    }
    for (std::size_t i = 0; i < sp.settings.size(); ++i)
        if (sp.settings[i].find('=') == std::string::npos || sp.settings[i].front() == '=')
            rd.error(root["set"].IsSequence() ? root["set"][i].Mark() : root["set"].Mark(), at("set", i),
                     "expected key.path=value, got \"" + sp.settings[i] + "\"");
    if (!rd.ok()) throw input_error(rd.diagnostics());

    // The base scenario: every swept key must name a scenario key before anything runs.
    fs::path base = sp.base_scenario;
    if (base.is_relative() && !base_dir.empty()) base = fs::path(base_dir) / base;
    sp.base_scenario = base.lexically_normal().string();
    const auto base_yaml = read_base_yaml(rd, root["base"], sp.base_scenario, scenario_root);
    if (!base_yaml.ok) throw input_error(rd.diagnostics());
    for (std::size_t i = 0; i < sp.parameters.size(); ++i)
        if (auto msg = check_setting_path(base_yaml.root, sp.parameters[i].key); !msg.empty())
            rd.error(params[i]["key"].Mark(), at("parameters", i) + ".key", msg);
    for (std::size_t i = 0; i < sp.settings.size(); ++i)
        if (auto msg = check_setting_path(base_yaml.root, sp.settings[i].substr(0, sp.settings[i].find('=')));
            !msg.empty())
            rd.error(root["set"].IsSequence() ? root["set"][i].Mark() : root["set"].Mark(), at("set", i), msg);
    if (!rd.ok()) throw input_error(rd.diagnostics());

    const scenario sc = load_scenario(sp.base_scenario, scenario_load_options{sp.settings, scenario_root});
    sp.base_seed = has_seed ? seed : sc.seed;
    sp.base_calendar = sc.calendar;
    for (const auto& r : sc.regions) sp.base_regions.push_back(r.id);
    if (const YAML::Node n = root["outcomes"]; n.IsDefined() && !n.IsNull()) load_outcomes(rd, n, sc, sp);
    if (sp.output_dir.empty()) sp.output_dir = "results/sweeps/" + sp.name;
    if (!rd.ok()) throw input_error(rd.diagnostics());
    return sp;
}

}  // namespace

sweep_spec load_sweep_spec_text(const std::string& text, const std::string& label, const std::string& base_dir,
                                const std::string& scenario_root) {
    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (const YAML::ParserException& e) {
        throw input_error(
            std::vector<diagnostic>{{label, e.mark.line + 1, e.mark.column + 1, "", "YAML syntax error: " + e.msg}});
    }
    sweep_spec sp = load_root(root, label, base_dir, scenario_root);
    sp.text = text;
    return sp;
}

sweep_spec load_sweep_spec(const std::string& path, const std::string& scenario_root) {
    // Read as a scenario file is: a regular file of bounded size, never a pipe or device.
    std::string text;
    if (const std::string why = read_scenario_file(path, text); !why.empty())
        throw input_error(std::vector<diagnostic>{{path, 0, 0, "", "cannot open the sweep file: " + why}});
    return load_sweep_spec_text(text, path, fs::path(path).parent_path().string(), scenario_root);
}

}  // namespace laborsim
