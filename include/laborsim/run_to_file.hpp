// Running a scenario into one HDF5 output file, safely: the library call behind
// `laborsim run` and behind every replicate of a run folder.
#pragma once
#include <string>
#include <vector>

#include "laborsim/engine.hpp"

namespace laborsim {

// Where the file is written while the run goes on.
enum class partial_file {
    // A new file is written in place, so a killed run leaves a readable file with
    // completed = 0 (docs/output.md); an existing file is replaced only at the end.
    when_replacing,
    // Always beside the target: the file appears only once the run has finished.
    always,
};

struct run_to_file_options {
    std::string path;    // the output HDF5 file; a missing folder is created
    run_options run;     // threads (0: all cores) and block size
    bool force = false;  // replace an existing file; else option_error("force")
    partial_file partial = partial_file::when_replacing;
    std::string command_line;  // provenance: the file's `command_line` attribute
    // Write the run's state to PATH.checkpoint after every N months (and when a stop,
    // run.stop, ends it early); 0: never. The checkpoint goes once the run has finished.
    int checkpoint_every = 0;
    // Continue from PATH.checkpoint when there is one (else start at the first month): the
    // output file it names is brought back to the checkpoint's month and continued, and
    // the result is what an uninterrupted run writes (docs/output.md, "Resuming").
    bool resume = false;
};

// "PATH.partial-<pid>": where run_to_file writes before the rename.
std::string partial_path(const std::string& path);

// Runs `sc` with an HDF5 recorder writing `opts.path` (and `observers` after it). Written
// beside the target (partial_path) and renamed over it at the end, as `opts.partial` says;
// on failure the partial file is removed (unless a checkpoint can continue it) and an
// existing target is left as it was. A run stopped through run.stop keeps its file (in
// place, or the partial one, which the checkpoint names) and returns with
// run_summary::stopped_by set. The path must be a regular file or not exist: a folder,
// device or symbolic link is refused before the run starts.
// @throws option_error("force") when the file exists and opts.force is off (nothing written)
// @throws environment_error when the folder or file cannot be created, written or renamed
// @throws input_error for a scenario the engine refuses
run_summary run_to_file(const scenario& sc, const run_to_file_options& opts,
                        const std::vector<run_observer*>& observers = {});

}  // namespace laborsim
