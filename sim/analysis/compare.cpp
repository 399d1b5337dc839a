// compare: baseline and variant run sets -> rows of (indicator, region, date) with the
// baseline mean, the variant mean and the variant - baseline difference with its interval.
// Replicates are paired by seed (common random numbers); sets that share no seed fall back
// to Welch's unpaired interval. Regions are compared one by one and as "all": the sum for
// head counts and flows, the weighted mean for rates whose weight is recorded (e.g. the
// unemployment rate weighted by the labour force), none for percentiles.
#include "laborsim/compare.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <optional>
#include <set>
#include <unordered_map>

#include "analysis/compare_checks.hpp"
#include "analysis/regional_aggregate.hpp"
#include "laborsim/errors.hpp"
#include "laborsim/indicators.hpp"

namespace laborsim {

namespace {

constexpr const char* all_regions = "all";

// One replicate's value of an indicator in a month row, in one region or aggregated.
double value_at(const replicate_data& rep, const std::string& name, const indicator_traits& t, int row,
                std::optional<std::size_t> region) {
    const std::size_t R = rep.regions.size();
    const auto it = rep.indicators.find(name);
    if (it == rep.indicators.end()) return estimate::nan;
    const double* v = it->second.data() + static_cast<std::size_t>(row) * R;
    if (region) return v[*region];
    const double* w = nullptr;
    if (t.agg == regional_aggregate::weighted) {
        const auto wt = rep.indicators.find(t.weight);
        if (wt == rep.indicators.end()) return estimate::nan;
        w = wt->second.data() + static_cast<std::size_t>(row) * R;
    }
    return aggregate_regions(t, v, w, R);
}

double cumulative_at(const replicate_data& rep, const std::string& name, const indicator_traits& t, int row,
                     std::optional<std::size_t> region) {
    double s = 0;
    for (int m = 0; m <= row; ++m) s += value_at(rep, name, t, m, region);
    return s;
}

double spending_through(const replicate_data::policy& p, const std::string& series, int row) {
    const auto it = p.series.find(series);
    if (it == p.series.end()) return 0;
    double s = 0;
    for (int m = 0; m <= row && m < static_cast<int>(it->second.size()); ++m)
        s += it->second[static_cast<std::size_t>(m)];
    return s;
}

double total_spending_through(const replicate_data& rep, int row) {
    double s = 0;
    for (const auto& p : rep.policies) s += spending_through(p, "spending_vnd", row);
    return s;
}

double mean_of(const std::vector<double>& x) {
    if (x.empty()) return estimate::nan;
    double s = 0;
    for (double v : x) s += v;
    return s / static_cast<double>(x.size());
}

// Replicate pairs (baseline index, variant index) with the same seed, in baseline order.
std::vector<std::pair<std::size_t, std::size_t>> pair_by_seed(const run_set& base, const run_set& variant) {
    std::unordered_map<std::uint64_t, std::size_t> by_seed;
    for (std::size_t k = 0; k < variant.replicates.size(); ++k) by_seed.emplace(variant.replicates[k].seed, k);
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    std::set<std::uint64_t> used;
    for (std::size_t k = 0; k < base.replicates.size(); ++k) {
        const auto seed = base.replicates[k].seed;
        if (auto it = by_seed.find(seed); it != by_seed.end() && used.insert(seed).second)
            pairs.emplace_back(k, it->second);
    }
    return pairs;
}

run_summary_info summarise(const run_set& s) {
    run_summary_info info;
    info.label = s.label;
    info.path = s.path;
    info.scenario_name = s.replicates.front().scenario_name;
    info.description = s.replicates.front().scenario_description;
    for (const auto& r : s.replicates) {
        info.seeds.push_back(r.seed);
        info.files.push_back(r.file);
    }
    info.skipped = s.skipped;
    return info;
}

// A statistic evaluated on each replicate of a set.
template <class F>
std::vector<double> over(const run_set& s, F&& f) {
    std::vector<double> out;
    out.reserve(s.replicates.size());
    for (const auto& r : s.replicates) out.push_back(f(r));
    return out;
}

struct difference_result {
    estimate diff;
    std::string method;
};

// variant - baseline for statistic f: paired over shared seeds, else Welch.
template <class F>
difference_result difference(const run_set& base, const run_set& variant,
                             const std::vector<std::pair<std::size_t, std::size_t>>& pairs, double level, F&& f) {
    if (!pairs.empty()) {
        std::vector<double> b, v;
        for (auto [i, j] : pairs) {
            b.push_back(f(base.replicates[i]));
            v.push_back(f(variant.replicates[j]));
        }
        return {paired_difference(b, v, level), "paired"};
    }
    return {welch_difference(over(base, f), over(variant, f), level), "welch"};
}

std::string join(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
}

// A policy's own series: the ids of the policies (of any of the sets) that write `name`, with
// whether it is a flow and its units, in first-seen order.
struct policy_series_ref {
    std::string id, units;
    bool flow = true;
};
std::vector<policy_series_ref> policies_writing(const std::string& name, const std::vector<const run_set*>& sets) {
    std::vector<policy_series_ref> out;
    for (const auto* s : sets)
        for (const auto& p : s->replicates.front().policies) {
            if (!p.series.count(name)) continue;
            if (std::any_of(out.begin(), out.end(), [&](const auto& r) { return r.id == p.id; })) continue;
            out.push_back({p.id, p.units.count(name) ? p.units.at(name) : "", !p.flow.count(name) || p.flow.at(name)});
        }
    return out;
}

// Policy `id`'s series in month `row` (or summed through it); 0 where the run has no such policy.
double policy_value(const replicate_data& r, const std::string& id, const std::string& name, int row, bool cumulative) {
    for (const auto& p : r.policies) {
        if (p.id != id) continue;
        const auto it = p.series.find(name);
        if (it == p.series.end() || row >= static_cast<int>(it->second.size())) return 0;
        if (!cumulative) return it->second[static_cast<std::size_t>(row)];
        double s = 0;
        for (int m = 0; m <= row; ++m) s += it->second[static_cast<std::size_t>(m)];
        return s;
    }
    return 0;
}

}  // namespace

const std::vector<std::string>& default_compare_indicators() {
    static const std::vector<std::string> names{
        "labor_force", "employed", "unemployment_rate", "trained_rate", "certified_rate", "certified_workers",
        "mean_wage",   "hires",    "enrolments",        "graduates"};
    return names;
}

std::vector<std::string> comparable_indicators() {
    std::vector<std::string> names;
    for (const auto& info : indicator_table) names.emplace_back(info.name);
    names.insert(names.end(), {"trained_workers", "certified_workers", "high_quality_workers"});
    return names;
}

comparison compare_runs(const run_set& baseline, const std::vector<run_set>& variants, const compare_options& opts) {
    if (!(opts.level > 0 && opts.level < 1))
        throw option_error("level",
                           "compare: expected a confidence level between 0 and 1, got " + std::to_string(opts.level));
    comparison c;
    c.level = opts.level;
    c.baseline = summarise(baseline);
    for (const auto& v : variants) c.variants.push_back(summarise(v));
    // Runs of one scenario with different --set values share a name: label them by path.
    std::set<std::string> labels{c.baseline.label};
    bool clash = false;
    for (const auto& v : c.variants) clash |= !labels.insert(v.label).second;
    if (clash) {
        auto by_path = [](const std::string& p) {
            auto name = std::filesystem::path(p).lexically_normal().filename().string();
            if (name.empty()) name = std::filesystem::path(p).lexically_normal().parent_path().filename().string();
            return name.empty() ? p : name;
        };
        c.baseline.label = by_path(c.baseline.path);
        for (auto& v : c.variants) v.label = by_path(v.path);
    }

    // Months every run has.
    int first = std::numeric_limits<int>::min(), last = std::numeric_limits<int>::max();
    auto clip = [&](const run_set& s) {
        for (const auto& r : s.replicates) {
            first = std::max(first, r.start.index());
            last = std::min(last, r.start.index() + r.months - 1);
        }
    };
    clip(baseline);
    for (const auto& v : variants) clip(v);
    if (first > last) throw input_error("the runs share no month: check their calendars");
    std::vector<year_month> dates = opts.at;
    if (dates.empty()) dates.push_back(year_month::from_index(last));
    for (const auto& d : dates)
        if (d.index() < first || d.index() > last)
            throw option_error("at", "compare: date " + format_year_month(d) +
                                         " is outside the months every run has (" +
                                         format_year_month(year_month::from_index(first)) + " to " +
                                         format_year_month(year_month::from_index(last)) + ")");
    for (const auto& d : dates) c.dates.push_back(format_year_month(d));

    // Indicators and regions.
    const auto known = comparable_indicators();
    std::vector<std::string> indicators = opts.indicators.empty() ? default_compare_indicators() : opts.indicators;
    if (const auto all = std::find(indicators.begin(), indicators.end(), "all"); all != indicators.end()) {
        // "all": every region indicator, keeping the other names asked for (policy series).
        indicators.erase(all);
        for (const auto& name : known)
            if (std::find(indicators.begin(), indicators.end(), name) == indicators.end()) indicators.push_back(name);
    }
    std::vector<const run_set*> all_sets{&baseline};
    for (const auto& v : variants) all_sets.push_back(&v);
    std::vector<std::string> series_names;  // policies' own series asked for
    for (const auto& name : indicators) {
        if (traits_of(name)) continue;
        if (!policies_writing(name, all_sets).empty()) {
            series_names.push_back(name);
            continue;
        }
        std::set<std::string> series;
        for (const auto* s : all_sets)
            for (const auto& p : s->replicates.front().policies)
                for (const auto& [n, v] : p.series) series.insert(n);
        throw option_error("indicators", "compare: unknown indicator '" + name + "' (known: " + join(known) +
                                             "; policy series in these runs: " +
                                             join(std::vector<std::string>(series.begin(), series.end())) + ")");
    }
    std::erase_if(indicators, [&](const std::string& n) {
        return std::find(series_names.begin(), series_names.end(), n) != series_names.end();
    });
    // Files from other versions may lack an indicator: the default list skips it quietly,
    // a list the user gave names it.
    const bool named = !opts.indicators.empty() && indicators != known;
    std::vector<std::string> present;
    for (const auto& name : indicators) {
        if (baseline.replicates.front().indicators.count(name)) present.push_back(name);
        else if (named)
            throw option_error("indicators",
                               "compare: indicator '" + name + "' is not in " + baseline.replicates.front().file);
    }
    indicators = present;
    const auto& region_ids = baseline.replicates.front().regions;
    for (const auto& v : variants)
        if (v.replicates.front().regions != region_ids)
            throw input_error(v.path + ": its regions (" + join(v.replicates.front().regions) +
                              ") differ from the baseline's (" + join(region_ids) + ")");
    std::vector<std::optional<std::size_t>> regions;  // nullopt: all regions
    if (opts.regions.empty()) {
        for (std::size_t r = 0; r < region_ids.size(); ++r) regions.emplace_back(r);
        regions.emplace_back(std::nullopt);
    } else {
        for (const auto& id : opts.regions) {
            if (id == all_regions) {
                regions.emplace_back(std::nullopt);
                continue;
            }
            const auto it = std::find(region_ids.begin(), region_ids.end(), id);
            if (it == region_ids.end())
                throw option_error("regions",
                                   "compare: unknown region '" + id + "' (known: " + join(region_ids) + ", all)");
            regions.emplace_back(static_cast<std::size_t>(it - region_ids.begin()));
        }
    }
    if (baseline.replicates.size() < 2)
        c.notes.push_back(
            "the baseline has one replicate: no confidence intervals (run it with --replicates N, N >= 2)");

    for (std::size_t vi = 0; vi < variants.size(); ++vi) {
        const run_set& variant = variants[vi];
        const std::string& vlabel = c.variants[vi].label;
        const auto pairs = pair_by_seed(baseline, variant);
        if (pairs.empty()) {
            c.notes.push_back(vlabel + ": shares no seed with the baseline; differences are unpaired (Welch)");
        } else if (pairs.size() < baseline.replicates.size() || pairs.size() < variant.replicates.size()) {
            c.notes.push_back(vlabel + ": " + std::to_string(pairs.size()) +
                              " replicates share a seed with the baseline; " + "differences use those pairs only");
        }
        for (const auto& date : dates) {
            const std::string ds = format_year_month(date);
            // One row: baseline and variant means of `stat` over their replicates and the difference.
            const auto add_row = [&](const std::string& name, const std::string& units, const std::string& where,
                                     bool cumulative, const auto& stat) {
                compare_row row;
                row.variant = vlabel;
                row.indicator = name;
                row.units = units;
                row.region = where;
                row.date = ds;
                row.measure = cumulative ? "cumulative" : "value";
                const auto b = over(baseline, stat), v = over(variant, stat);
                row.baseline_n = static_cast<int>(b.size());
                row.variant_n = static_cast<int>(v.size());
                row.baseline_mean = mean_of(b);
                row.variant_mean = mean_of(v);
                const auto d = difference(baseline, variant, pairs, opts.level, stat);
                row.difference = d.diff;
                row.method = d.method;
                c.rows.push_back(std::move(row));
            };
            for (const auto& name : indicators) {
                const auto t = *traits_of(name);
                for (const auto& region : regions) {
                    if (!region && t.agg == regional_aggregate::none) continue;
                    for (const bool cumulative : {false, true}) {
                        if (cumulative && !t.flow) continue;
                        auto stat = [&](const replicate_data& r) {
                            const int row = date.index() - r.start.index();
                            return cumulative ? cumulative_at(r, name, t, row, region)
                                              : value_at(r, name, t, row, region);
                        };
                        add_row(name, cumulative ? "persons" : t.units, region ? region_ids[*region] : all_regions,
                                cumulative, stat);
                    }
                }
            }

            // Policies' own series: one row per policy that writes it (region column: the policy id).
            for (const auto& name : series_names) {
                for (const auto& ref : policies_writing(name, {&baseline, &variant})) {
                    for (const bool cumulative : {false, true}) {
                        if (cumulative && !ref.flow) continue;
                        auto stat = [&](const replicate_data& r) {
                            return policy_value(r, ref.id, name, date.index() - r.start.index(), cumulative);
                        };
                        add_row(name, ref.units, ref.id, cumulative, stat);
                    }
                }
            }

            // Policy spending, baseline and variant, through the date.
            const auto policy_rows = [&](const run_set& s, const char* which) {
                for (const auto& p : s.replicates.front().policies) {
                    policy_cost_row pr;
                    pr.variant = vlabel;
                    pr.run = which;
                    pr.policy = p.id;
                    pr.type = p.type;
                    pr.through = ds;
                    auto find = [&](const replicate_data& r) -> const replicate_data::policy* {
                        for (const auto& q : r.policies)
                            if (q.id == p.id) return &q;
                        return nullptr;
                    };
                    auto through = [&](const char* series) {
                        return over(s, [&](const replicate_data& r) {
                            const auto* q = find(r);
                            return q ? spending_through(*q, series, date.index() - r.start.index()) : 0.0;
                        });
                    };
                    pr.n = static_cast<int>(s.replicates.size());
                    pr.spending_vnd = mean_of(through("spending_vnd"));
                    pr.beneficiaries = mean_of(through("beneficiaries"));
                    c.policy_costs.push_back(std::move(pr));
                }
            };
            policy_rows(baseline, "baseline");
            policy_rows(variant, "variant");

            // Extra spending per extra unit of outcome, over all regions.
            for (const char* outcome : {"certified_workers", "trained_workers", "employed"}) {
                const auto t = *traits_of(outcome);
                if (!baseline.replicates.front().indicators.count(outcome)) continue;
                auto stat = [&](const replicate_data& r) {
                    return value_at(r, outcome, t, date.index() - r.start.index(), std::nullopt);
                };
                auto spend = [&](const replicate_data& r) {
                    return total_spending_through(r, date.index() - r.start.index());
                };
                cost_effectiveness_row ce;
                ce.variant = vlabel;
                ce.outcome = outcome;
                ce.date = ds;
                ce.outcome_difference = difference(baseline, variant, pairs, opts.level, stat).diff;
                ce.extra_spending_vnd = difference(baseline, variant, pairs, opts.level, spend).diff.mean;
                if (ce.outcome_difference.mean > 0 && ce.extra_spending_vnd >= 0)
                    ce.vnd_per_unit = ce.extra_spending_vnd / ce.outcome_difference.mean;
                c.cost_effectiveness.push_back(ce);
            }
        }
    }
    const auto add = [&](std::vector<std::string> notes) { c.notes.insert(c.notes.end(), notes.begin(), notes.end()); };
    add(idle_policy_notes(baseline, c.baseline.label));
    for (std::size_t vi = 0; vi < variants.size(); ++vi) {
        add(identical_variant_notes(baseline, variants[vi], c.variants[vi].label));
        add(idle_policy_notes(variants[vi], c.variants[vi].label));
    }
    for (const auto& s : c.baseline.skipped) c.notes.push_back("skipped " + s);
    for (const auto& v : c.variants)
        for (const auto& s : v.skipped) c.notes.push_back("skipped " + s);
    return c;
}

}  // namespace laborsim
