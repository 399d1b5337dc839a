// Parameter sweeps: a spec (YAML) expands into runs with stable ids; executors run them as
// isolated child processes (locally, under MPI, or as a Slurm array task), one HDF5 file
// per run; a summary collects the chosen outcomes of every run (docs/sweeps.md).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "laborsim/calendar.hpp"
#include "laborsim/scenario.hpp"

namespace laborsim {

enum class sampling_method { grid, lhs, sobol, saltelli };

struct sweep_parameter {
    std::string key;                  // scenario key path, as for `--set`
    std::vector<std::string> values;  // listed values (YAML scalars, passed as written)
    bool has_range = false;           // otherwise `values`
    double low = 0;
    double high = 0;
    int steps = 0;  // grid over a range: this many evenly spaced values
    bool log_scale = false;
    bool integer = false;  // round sampled values to integers
};

struct sweep_outcome {
    std::string column;  // "<indicator>:<region>:<YYYY-MM>"
    std::string indicator;
    std::string region;
    year_month date;
};

struct sweep_spec {
    std::string name;
    std::string description;
    std::string source_path;            // the spec file
    std::string text;                   // its text, kept for provenance
    std::string base_scenario;          // resolved against the spec's folder
    std::vector<std::string> settings;  // fixed key=value overrides for every run
    int replicates = 1;
    sampling_method method = sampling_method::grid;
    int points = 0;                   // lhs / sobol sample size; saltelli: base samples N
    std::uint64_t sampling_seed = 1;  // lhs permutations
    std::vector<sweep_parameter> parameters;
    std::vector<sweep_outcome> outcomes;
    std::string output_dir;      // relative to the working directory
    int threads = 0;             // per run; 0: automatic
    double run_timeout_s = 0;    // 0: no limit
    std::string memory_per_run;  // Slurm --mem of one run, e.g. "2G"; empty: the template's
    // From the base scenario (with `settings` applied), checked when the spec is loaded.
    std::uint64_t base_seed = 1;  // the spec's `seed`, or the base scenario's; replicate k
                                  // runs with replicate_seed(base_seed, k) (replicates.hpp)
    calendar_spec base_calendar;
    std::vector<std::string> base_regions;
};

struct sweep_run {
    std::string id;  // p<point>-r<replicate>, e.g. p0003-r01
    int index = 0;   // position in the plan
    int point = 0;
    int replicate = 0;
    std::uint64_t seed = 0;
    std::vector<std::string> values;  // one per parameter, exactly as passed to --set
};

struct sweep_plan {
    sweep_spec spec;
    int points = 0;
    std::vector<sweep_run> runs;  // points in order, replicates inside each point

    // The --set overrides of a run: the fixed settings, then its parameter values.
    [[nodiscard]] std::vector<std::string> overrides(const sweep_run& run) const;
    // One line per run (id, seed, settings): printed by --list and kept in the output
    // folder so a resumed sweep can refuse a changed spec.
    [[nodiscard]] std::string listing() const;
};

// Loads a spec, the base scenario it names (with the fixed settings) and checks every
// parameter key against the scenario schema. Throws input_error with located diagnostics.
// `scenario_root` (when not empty) confines the base scenario and its files to that directory
// (scenario_load_options::scenario_root); the runs read those same files.
sweep_spec load_sweep_spec(const std::string& path, const std::string& scenario_root = {});
// The same from text; relative paths resolve against `base_dir`.
sweep_spec load_sweep_spec_text(const std::string& text, const std::string& label, const std::string& base_dir,
                                const std::string& scenario_root = {});

// Deterministic expansion: grid = cartesian product (first parameter slowest); lhs and
// sobol = `points` samples mapped onto each parameter's range or list; times replicates.
sweep_plan expand_sweep(const sweep_spec& spec);

// Saltelli's design in [0, 1)^dims: base_samples x (dims + 2) points (see sweep_plan.cpp).
std::vector<std::vector<double>> saltelli_design(int base_samples, std::size_t dims);

struct sweep_options {
    std::string output_dir;     // empty: the spec's
    std::string laborsim_exe;   // binary that runs each run (`laborsim run ...`)
    int jobs = 1;               // concurrent runs in this process
    int threads = -1;           // per run; -1: the spec's, else automatic
    double run_timeout_s = -1;  // -1: the spec's
    int task_index = -1;        // Slurm array: run only i % task_count == task_index
    int task_count = 1;
    bool quiet = false;
    // Each run checkpoints every N months (0: never); a run left unfinished by a killed
    // sweep then continues from its checkpoint instead of starting again.
    int checkpoint_every = 0;
};

struct sweep_report {
    int runs = 0;      // in the plan
    int selected = 0;  // this process's share (all, or a task's)
    int skipped = 0;   // already complete
    int succeeded = 0;
    int failed = 0;        // failed or timed out this time
    bool root = true;      // false on MPI ranks other than 0: they report nothing
    bool refused = false;  // MPI: rank 0 refused the output folder
};

// Runs this process's share of the plan, `jobs` at a time, each in a child process;
// skips complete runs. Does not write the summary.
sweep_report run_sweep_local(const sweep_plan& plan, const sweep_options& opts);

// Under mpirun: rank 0 hands out runs one at a time to every rank (itself included) and
// writes the summary at the end. Throws input_error when MPI support is not built.
sweep_report run_sweep_mpi(const sweep_plan& plan, const sweep_options& opts);
bool mpi_support_built();
// True when the environment says this process is one of several MPI ranks.
bool launched_under_mpi();

struct summary_report {
    int ok = 0;
    int failed = 0;   // failed, timeout or missing
    int pending = 0;  // never run
};

// Writes OUT/manifest.json, OUT/summary.csv and OUT/summary.h5 from the run files and
// status records in the output folder.
summary_report summarize_sweep(const sweep_plan& plan, const sweep_options& opts);

// The output folder a plan uses with these options, and its layout.
std::string sweep_output_dir(const sweep_plan& plan, const sweep_options& opts);

}  // namespace laborsim
