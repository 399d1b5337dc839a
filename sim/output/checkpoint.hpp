// Checkpoints: the whole state of a run after some month, written atomically beside its
// output (OUT.checkpoint), so that `run --resume` continues it and writes what an
// uninterrupted run writes. The file (docs/output.md, "Checkpoints"):
//   8 bytes  "LSCKPT\r\n"            magic
//   4 bytes  format version (1)       little-endian, as everything after it
//   8 bytes  payload length
//   64 bytes SHA-256 of the payload, hex
//   payload  (state_archive.hpp): scenario digest, months done, the output file being
//            written, the output's position (its objects and the length of every growing
//            dataset), the world state (save_world_state).
#pragma once
#include <atomic>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "laborsim/recorder.hpp"
#include "laborsim/scenario.hpp"
#include "output/h5.hpp"

namespace laborsim {

// Where a run's output file stood when the checkpoint was taken: every object (by path)
// and the first dimension of every dataset that grows (unlimited first dimension).
struct output_position {
    std::vector<std::string> objects;
    std::vector<std::pair<std::string, std::vector<hsize_t>>> extents;
};

// Reads the position of an open file (all of it flushed).
output_position read_output_position(hid_t file);
// Brings an open file back to `pos`: removes the objects made after it (snapshots of later
// months) and shrinks every growing dataset to its length then. Throws input_error when
// the file lacks an object of the position (not the file the checkpoint was taken of).
void restore_output_position(hid_t file, const output_position& pos, const std::string& path);

struct run_checkpoint {
    std::string scenario_digest;  // scenario_digest(sc) of the run
    int months = 0;               // months done
    std::string output_file;      // the file the run was writing (OUT, or OUT.partial-PID)
    output_position position;
    std::string world_state;
};

// What the HDF5 recorder does besides recording (run_to_file sets it).
struct recorder_plan {
    int checkpoint_every = 0;                // months; 0: no checkpoints
    std::string checkpoint_path;             // where they go
    const run_checkpoint* resume = nullptr;  // continue the file from this checkpoint
    const std::atomic<int>* stop = nullptr;  // read to name the signal of a graceful stop
};
std::unique_ptr<run_observer> make_hdf5_recorder(const std::string& path, const run_provenance& prov,
                                                 const recorder_plan& plan);

// "OUT.checkpoint": where the checkpoint of the run writing OUT lives.
std::string checkpoint_path(const std::string& output);
// Names the scenario and seed a checkpoint belongs to (SHA-256 of the resolved YAML and seed).
std::string scenario_digest(const scenario& sc);

// Writes through a temporary file, flushed to the disk, renamed over `path`.
// @throws environment_error naming the path and the OS reason
void write_checkpoint(const std::string& path, const run_checkpoint& c);
// @throws environment_error when the file cannot be read, input_error when it is not a
// laborsim checkpoint, is damaged (checksum) or of another version
run_checkpoint read_checkpoint(const std::string& path);

}  // namespace laborsim
