// Replicate sets and their seeds. Replicate k of a scenario with seed s runs with replicate_seed(s, k):
// one splitmix64 step over s + k, kept to 53 bits. It depends only on (s, k), so a
// baseline and a variant that share the scenario seed (a variant that `extends` the
// baseline keeps it) get the same seed for the same replicate index: common random
// numbers, and paired differences (docs/compare.md).
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "laborsim/run_folder.hpp"
#include "laborsim/run_to_file.hpp"

namespace laborsim {

// splitmix64 finaliser (Steele, Lea and Flood 2014): a bijection on 64-bit integers that
// spreads neighbouring inputs over the whole range.
[[nodiscard]] constexpr std::uint64_t splitmix64(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

// Seed of replicate `index` (0-based) of a scenario whose seed is `scenario_seed`: the top
// 53 bits of splitmix64(scenario_seed + index), so that the seed is exact wherever it is
// stored as a double or a JSON number and positive in the file's int64 `seed` attribute.
[[nodiscard]] constexpr std::uint64_t replicate_seed(std::uint64_t scenario_seed, std::uint64_t index) {
    return splitmix64(scenario_seed + index) >> 11;
}

// --- a replicate set: N runs of one scenario in a run folder (run_folder.hpp) -------------

struct replicate_set_options {
    int replicates = 1;        // N >= 1; else option_error("replicates")
    std::string folder;        // the run folder (not an .h5 name: option_error("folder"))
    run_options run;           // every replicate uses all of run.threads (0: all cores)
    bool force = false;        // rerun finished replicates, replace other scenarios' files
    std::string command_line;  // provenance in every file
    // Each replicate checkpoints every N months (0: never), and a replicate left unfinished
    // with a checkpoint continues from it (unless force).
    int checkpoint_every = 0;
};

// What became of one replicate, for a caller that reports progress.
struct replicate_outcome {
    const replicate_record& record;
    std::string path;   // folder/replicate-007.h5
    bool kept = false;  // finished earlier and kept; else run now
};

struct replicate_set_hooks {
    // An observer for the run of one replicate (a progress display), or nullptr.
    std::function<std::unique_ptr<run_observer>(const scenario&)> make_observer;
    // Called after each replicate of the first N, kept or run.
    std::function<void(const replicate_outcome&)> on_replicate;
};

struct replicate_set_result {
    std::string folder;
    run_manifest manifest;   // as written to folder/manifest.json
    int ran = 0;             // replicates run by this call (the rest were kept)
    int stopped_by = 0;      // run.stop's value when a stop ended the set early, else 0
    int stopped_months = 0;  // months done of the replicate that was stopped
};

// Runs replicate k of `sc` (k < N) with seed replicate_seed(sc.seed, k) into
// folder/replicate_file_name(k), one after another, and keeps folder/manifest.json up to
// date after each, so a killed call leaves a folder that the next call resumes: finished
// replicates of the same resolved scenario and seed are kept, others run again. Every
// existing file is checked before anything runs (bad input writes nothing); finished
// replicates beyond N of the same scenario stay listed.
// @throws option_error("replicates" | "folder" | "force"), environment_error, input_error
replicate_set_result run_replicate_set(const scenario& sc, const replicate_set_options& opts,
                                       const replicate_set_hooks& hooks = {});

}  // namespace laborsim
