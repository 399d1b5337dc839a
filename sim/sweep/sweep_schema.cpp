#include "sweep/sweep_schema.hpp"

#include <string>

#include "laborsim/errors.hpp"
#include "laborsim/indicators.hpp"

namespace laborsim {

namespace {

using vt = value_type;

std::vector<section_spec> make_sweep_schema() {
    // clang-format off
    std::vector<std::string_view> indicators;
    for (const auto& i : indicator_table) indicators.push_back(i.name);
    return {
        {"sweep", "The top level of a sweep file.", {
            {"name", vt::identifier, "required", "", "Sweep name; also the default output folder name."},
            {"description", vt::string, "\"\"", "", "Free text."},
            {"base", vt::string, "required", "", "Base scenario file, relative to this file."},
            {"set", vt::string_list, "[]", "", "Fixed `key.path=value` overrides applied to every run before the parameters."},
            {"seed", vt::integer, "base scenario's", "", "Base seed: replicate k runs with replicate_seed(seed, k), as `laborsim run --replicates`."},
            {"replicates", vt::integer, "1", "", "Runs per point, each with its own seed."},
            {"sampling", vt::mapping, "grid", "", "How points are drawn.", {}, "sampling"},
            {"parameters", vt::mapping_list, "required", "", "Swept scenario keys.", {}, "parameter"},
            {"outcomes", vt::mapping, "none", "", "Indicators collected into the summary.", {}, "outcomes"},
            {"output", vt::string, "results/sweeps/<name>", "", "Output folder, relative to the working directory."},
            {"threads", vt::integer, "automatic", "", "Threads per run (results do not depend on it)."},
            {"run_timeout_s", vt::nonneg, "0 (none)", "s", "Wall-clock limit per run; a run past it is killed and recorded as `timeout`. Also sizes a Slurm array task's `--time` (tools/slurm/submit-sweep)."},
            {"memory_per_run", vt::string, "template's (8G)", "", "Memory of one run, as Slurm's `--mem` (e.g. `2G`): the array tasks' request (tools/slurm/submit-sweep)."},
        }},
        {"sampling", "How parameter points are chosen.", {
            {"method", vt::choice, "grid", "", "`grid`: every combination of the parameters' values; `lhs`: Latin hypercube; `sobol`: Sobol sequence; `saltelli`: Saltelli's design for Sobol indices (`points` base samples, `points` x (parameters + 2) points).",
             {"grid", "lhs", "sobol", "saltelli"}},
            {"points", vt::integer, "required for lhs, sobol, saltelli", "", "Number of sampled points (saltelli: base samples N)."},
            {"seed", vt::integer, "1", "", "Seed of the Latin hypercube permutations."},
        }},
        {"parameter", "One swept key: a list of `values`, or a `range` [low, high].", {
            {"key", vt::string, "required", "", "Scenario key path, as for `--set` (e.g. `model.separation_rate`, `policies.cb-rural-training.seats_per_year`)."},
            {"values", vt::string_list, "-", "", "Values to use (grid), or choices picked uniformly (lhs, sobol)."},
            {"range", vt::number_list, "-", "", "[low, high]: sampled (lhs, sobol) or `steps` evenly spaced values (grid)."},
            {"steps", vt::integer, "required for a range in a grid", "", "Grid values over the range, both ends included."},
            {"log", vt::boolean, "false", "", "Sample or space the range uniformly in log scale (low > 0)."},
            {"integer", vt::boolean, "false", "", "Round values to whole numbers (each integer of the range equally likely)."},
        }},
        {"outcomes", "Indicators copied from each run into the summary: one column per indicator, region and date.", {
            {"indicators", vt::string_list, "[]", "", "Indicator names (the /regions datasets of docs/output.md).", indicators},
            {"regions", vt::string_list, "every region", "", "Region ids, or `all` for the national aggregate."},
            {"dates", vt::string_list, "last month", "YYYY-MM", "Months to read."},
        }},
    };
    // clang-format on
}

}  // namespace

const std::vector<section_spec>& sweep_schema() {
    static const std::vector<section_spec> schema = [] {
        auto s = make_sweep_schema();
        // A swept range holds scenario values, checked against their own keys' ranges when each
        // run's scenario is loaded.
        assign_ranges(s, {{"sweep.seed", 0, 9.0e15},
                          {"sweep.replicates", 0, 1e6},
                          {"sweep.threads", 0, 4096},
                          {"sweep.run_timeout_s", 0, 1e9},
                          {"sampling.points", 0, 1e7},
                          {"sampling.seed", 0, 9.0e15},
                          {"parameter.range", -1e17, 1e17},
                          {"parameter.steps", 0, 1e6}});
        return s;
    }();
    return schema;
}

const section_spec& sweep_section(std::string_view name) {
    for (const auto& s : sweep_schema())
        if (s.name == name) return s;
    throw internal_error("no sweep schema section " + std::string(name));
}

}  // namespace laborsim
