// Comparing policy scenarios over replicates: a baseline run set against variant run sets,
// indicator by indicator and region by region, with paired differences and t confidence
// intervals (docs/compare.md has the formulas).
#pragma once
#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "laborsim/calendar.hpp"

namespace laborsim {

// ---- statistics ----------------------------------------------------------------------

// Quantile function of Student's t distribution with `dof` > 0 degrees of freedom.
double student_t_quantile(double probability, double dof);

// A mean with its t confidence interval and the two-sided p-value of "mean = 0".
struct estimate {
    static constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    int n = 0;  // observations (pairs, for a paired difference)
    double mean = nan;
    double sd = nan;          // sample standard deviation (n - 1 denominator); NaN for Welch
    double dof = nan;         // degrees of freedom of the t distribution used
    double half_width = nan;  // t_{(1+level)/2, dof} * standard error
    double low = nan, high = nan;
    double p_value = nan;
    [[nodiscard]] bool excludes_zero() const { return low > 0 || high < 0; }
};

// Mean of x with a `level` interval: mean +- t_{(1+level)/2, n-1} sd / sqrt(n).
estimate mean_interval(const std::vector<double>& x, double level = 0.95);

// Paired difference variant_k - base_k (equal sizes): the mean_interval of the differences.
// Throws internal_error if the sizes differ.
estimate paired_difference(const std::vector<double>& base, const std::vector<double>& variant, double level = 0.95);

// Unpaired difference of means (Welch-Satterthwaite degrees of freedom), for run sets that
// share no seeds.
estimate welch_difference(const std::vector<double>& base, const std::vector<double>& variant, double level = 0.95);

// ---- run sets --------------------------------------------------------------------------

// One replicate: the indicators of one output file.
struct replicate_data {
    std::string file;
    std::uint64_t seed = 0;
    std::string scenario_name, scenario_description, scenario_path, scenario_yaml;
    year_month start;
    int months = 0;
    std::vector<std::string> regions;
    std::map<std::string, std::vector<double>> indicators;  // name -> [month * regions + region]
    struct policy {
        std::string id, type;
        std::map<std::string, std::vector<double>> series;  // name -> [month]
        std::map<std::string, std::string> units;           // name -> units attribute
        std::map<std::string, bool> flow;                   // name -> counted within the month (measure = flow)
    };
    std::vector<policy> policies;
};

// The replicates of one scenario: a run folder or a single file.
struct run_set {
    std::string path;
    std::string label;  // the scenario name (or the path's name, if names clash)
    std::vector<replicate_data> replicates;
    std::vector<std::string> skipped;  // files left out, with the reason
};

// Loads a run folder (every *.h5 directly inside it) or one .h5 file. Unfinished files
// (completed = 0) are skipped and listed in `skipped`. Throws input_error when the path
// holds no readable finished run.
run_set load_run_set(const std::string& path);

// ---- comparison ------------------------------------------------------------------------

struct compare_options {
    std::vector<year_month> at;  // empty: the last month that every run has
    // Empty: default_compare_indicators(); "all": every region indicator. A policy's own series
    // (e.g. "recruited") is compared for every policy that writes it, its row's region being
    // the policy id.
    std::vector<std::string> indicators;
    std::vector<std::string> regions;  // empty: every region and "all" (the aggregate)
    double level = 0.95;
};

// Indicators compared when none are named.
const std::vector<std::string>& default_compare_indicators();
// Every indicator compare knows: the recorded ones and the derived head counts
// (certified_workers = certified_rate x labor_force, and so on).
std::vector<std::string> comparable_indicators();

struct compare_row {
    std::string variant, indicator, units, region, date;
    std::string measure;  // "value": in the month; "cumulative": summed from the first month through it
    int baseline_n = 0, variant_n = 0;
    double baseline_mean = estimate::nan, variant_mean = estimate::nan;
    estimate difference;  // variant - baseline
    std::string method;   // "paired" (same seeds) or "welch" (no shared seeds)
};

struct policy_cost_row {
    std::string variant, run;  // run: "baseline" or "variant"
    std::string policy, type, through;
    int n = 0;
    double spending_vnd = estimate::nan;  // mean over replicates, summed from the first month through `through`
    double beneficiaries = estimate::nan;
};

// Extra spending of the variant over the baseline per extra unit of an outcome, summed over
// every region: mean(extra spending) / mean(outcome difference).
struct cost_effectiveness_row {
    std::string variant, outcome, date;
    double extra_spending_vnd = estimate::nan;  // mean over pairs, through `date`
    estimate outcome_difference;                // all regions, at `date`
    double vnd_per_unit = estimate::nan;        // NaN unless the outcome rises at an extra cost >= 0
};

struct run_summary_info {
    std::string label, path, scenario_name, description;
    std::vector<std::uint64_t> seeds;
    std::vector<std::string> files, skipped;
};

struct comparison {
    double level = 0.95;
    run_summary_info baseline;
    std::vector<run_summary_info> variants;
    std::vector<std::string> dates;
    std::vector<compare_row> rows;
    std::vector<policy_cost_row> policy_costs;
    std::vector<cost_effectiveness_row> cost_effectiveness;
    std::vector<std::string> notes;
};

// @throws option_error naming the compare_options field ("at", "indicators", "regions",
// "level") for dates outside the runs, unknown indicators or regions, a bad level;
// input_error for runs that cannot be compared (other regions, no shared month).
comparison compare_runs(const run_set& baseline, const std::vector<run_set>& variants, const compare_options& opts);

std::string comparison_table(const comparison& c);  // for a terminal
std::string comparison_csv(const comparison& c);
std::string comparison_json(const comparison& c);

}  // namespace laborsim
