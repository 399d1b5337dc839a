// Warnings for a scenario that runs but may not mean what was asked (include/laborsim/warnings.hpp).
// Everything is computed from the scenario alone (shares, scale, calendar), so `validate`
// says it without building a world:
//   agents_r = labor_force_r * scale
//   P(group) = P(level in range) P(field) P(rural) P(unemployed) P(age in range), from the
//              region's shares (independence assumed; ages uniform within each 10-year band)
//   agents a budget pays for a year = annual_budget * scale / unit cost (policy_rules)
#include "laborsim/warnings.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/units.hpp"
#include "model/firm_strata.hpp"
#include "policy/policy_hooks.hpp"
#include "policy/target_group.hpp"

namespace laborsim {

namespace {

std::string number(double x, int digits = 0) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", digits, std::abs(x));
    const std::string s = buf;
    const std::size_t end = std::min(s.find('.'), s.size());
    std::string out = x < 0 ? "-" : "";
    for (std::size_t i = 0; i < end; ++i) {  // thousands separators in the integer part
        if (i > 0 && (end - i) % 3 == 0) out += ',';
        out += s[i];
    }
    return out + s.substr(end);
}

std::string vnd(double x) {
    if (std::abs(x) >= 1e9) return number(x / 1e9, 1) + " bn VND";
    if (std::abs(x) >= 1e6) return number(x / 1e6, 1) + " M VND";
    return number(x) + " VND";
}

// "scale S or more <gives>", or why no scale does (a scale is at most 1: one agent a person).
std::string scale_advice(double needed, const std::string& gives) {
    if (needed > 1) return "no scale " + gives + " (even one agent per person falls short)";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3g", needed);
    return "scale " + std::string(buf) + " or more " + gives;
}

std::string scale_text(double s) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3g", s);
    return buf;
}

// Share of a region's labour force in the group (see the header comment).
double group_share(const region_spec& r, const target_group& g) {
    const int lo = g.min_level ? static_cast<int>(*g.min_level) : 0;
    const int hi = g.max_level ? static_cast<int>(*g.max_level) : education_count - 1;
    double level = 0, total = 0;
    for (int l = 0; l < education_count; ++l) {
        total += r.education_shares[static_cast<std::size_t>(l)];
        if (l >= lo && l <= hi) level += r.education_shares[static_cast<std::size_t>(l)];
    }
    double p = total > 0 ? level / total : 0;
    if (g.field) {
        double fields = 0;
        for (double f : r.field_shares) fields += f;
        p *= fields > 0 ? r.field_shares[static_cast<std::size_t>(*g.field)] / fields : 0;
    }
    if (g.rural) p *= *g.rural ? 1 - r.urban_share : r.urban_share;
    if (g.unemployed) p *= *g.unemployed ? r.unemployment_rate : 1 - r.unemployment_rate;
    double age = 0, bands = 0;
    for (int b = 0; b < age_band_count; ++b) {
        const double from = 15.0 + 10.0 * b, to = from + 10.0;
        const double overlap = std::max(0.0, std::min<double>(to, g.max_age + 1) - std::max<double>(from, g.min_age));
        age += r.age_shares[static_cast<std::size_t>(b)] * overlap / 10.0;
        bands += r.age_shares[static_cast<std::size_t>(b)];
    }
    return p * (bands > 0 ? age / bands : 0);
}

void region_warnings(const scenario& sc, std::vector<scenario_warning>& out) {
    for (const auto& r : sc.regions) {
        const double agents = r.labor_force * sc.scale;
        if (agents >= min_region_agents || r.labor_force <= 0) continue;
        const double u = std::clamp(r.unemployment_rate, 0.01, 0.5);  // the sd of a rate near 0 is not 0
        const double sd_pp = 100 * std::sqrt(u * (1 - u) / std::max(1.0, agents));
        out.push_back(
            {"regions." + r.id,
             number(agents) + " agents in the labour force at scale " + scale_text(sc.scale) + " (" +
                 number(r.labor_force) + " persons): the sampling sd of a " + number(100 * u, 1) +
                 "% unemployment rate is " + number(sd_pp, 2) + " pp in a single run; " +
                 scale_advice(min_region_agents / r.labor_force, "gives " + number(min_region_agents) + " agents")});
    }
}

void policy_warnings(const scenario& sc, const policy_spec& p, std::vector<scenario_warning>& out) {
    const std::string path = "policies." + p.id;
    const std::string run = " (the run is " + format_year_month(sc.calendar.start) + " to " +
                            format_year_month(sc.calendar.end) + "): it never acts";
    if (p.start > sc.calendar.end) {
        out.push_back({path, "starts " + format_year_month(p.start) + ", after the run ends" + run});
        return;
    }
    if (p.end < sc.calendar.start) {
        out.push_back({path, "ends " + format_year_month(p.end) + ", before the run starts" + run});
        return;
    }
    std::visit(
        [&](const auto& spec) {
            using T = std::decay_t<decltype(spec)>;
            const double unit = policy_hooks<T>::unit_cost_vnd(spec);
            if (p.annual_budget_vnd > 0 && unit > 0) {
                const double agents = p.annual_budget_vnd * sc.scale / unit;
                if (agents < 1)
                    out.push_back({path, "its annual budget of " + vnd(p.annual_budget_vnd) + " pays for " +
                                             number(agents, 2) + " agents a year at scale " + scale_text(sc.scale) +
                                             " (one agent stands for " + number(1 / sc.scale) + " persons and costs " +
                                             vnd(unit / sc.scale) + "): it pays one agent every " +
                                             number(1 / agents, 1) +
                                             " years (the fraction carries), so its spending is right over the "
                                             "run but not year by year; " +
                                             scale_advice(unit / p.annual_budget_vnd, "pays for one agent a year")});
            }
            if constexpr (requires { spec.target; }) {
                double expected = 0, persons = 0;
                for (const auto& r : sc.regions)
                    if (p.targets(r.id)) {
                        const double share = group_share(r, spec.target);
                        expected += r.labor_force * sc.scale * share;
                        persons += r.labor_force * share;
                    }
                if (persons <= 0)
                    out.push_back({path + ".target",
                                   "the target group is empty in every targeted region at the start (no labour force "
                                   "with those levels, fields, ages): the policy reaches nobody unless the population "
                                   "changes"});
                else if (expected < 1)
                    out.push_back({path + ".target", "the target group holds about " + number(persons) +
                                                         " persons at the start: " + number(expected, 2) +
                                                         " agents at scale " + scale_text(sc.scale) + "; " +
                                                         scale_advice(sc.scale / expected, "gives one")});
            }
        },
        p.params);
}

// Below the minimum supported scale a firm agent (a stratum of establishments) starts with
// fewer than min_agents_per_firm_agent employed agents: hiring in its market comes in lumps.
void scale_warning(const scenario& sc, std::vector<scenario_warning>& out) {
    const auto need = minimum_supported_scale(sc);
    if (sc.scale >= need.scale) return;
    out.push_back(
        {"scale",
         "scale " + scale_text(sc.scale) + " is below this scenario's minimum supported scale " +
             scale_text(need.scale) + ": a firm agent of market " + need.market + " stands for " +
             number(need.persons) + " employed persons, " + number(need.persons * sc.scale, 1) +
             " agents at this scale (at least " + number(min_agents_per_firm_agent) + " keep its hiring smooth); " +
             scale_advice(need.scale, "gives every firm agent " + number(min_agents_per_firm_agent) + " agents")});
}

}  // namespace

double minimum_supported_scale_of(const scenario& sc) { return minimum_supported_scale(sc).scale; }

std::vector<scenario_warning> scenario_warnings(const scenario& sc) {
    std::vector<scenario_warning> out;
    scale_warning(sc, out);
    region_warnings(sc, out);
    for (const auto& p : sc.policies) policy_warnings(sc, p, out);
    return out;
}

}  // namespace laborsim
