// Running a scenario: build the world, step it month by month, hand each month's
// statistics to observers (the HDF5 recorder, the progress line, tests).
#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "laborsim/indicators.hpp"
#include "laborsim/scenario.hpp"

namespace laborsim {

struct world;  // sim/model/world.hpp; observers that need agent tables include it

struct run_options {
    int threads = 0;                 // 0: all cores
    std::size_t block_size = 16384;  // agents per parallel block; results do not depend on it
    // A graceful stop: when this holds a non-zero value (a signal number, set by a handler
    // or another thread), the run ends after the month in progress; observers then get
    // on_finish(w, false) and run_summary::stopped_by is that value.
    const std::atomic<int>* stop = nullptr;
    // Continue from a checkpoint: a world state (save_world_state, sim/model/world.hpp)
    // taken after some months of this scenario; null: start at the first month.
    const std::string* resume_state = nullptr;
    // A run whose world is estimated (estimate_world_memory) to need more is refused before
    // anything is allocated (input_error); 0: the memory the machine has available.
    std::uint64_t max_memory_bytes = 0;
};

// What a scenario's world needs: its agents (at the scenario's scale, with the growth of its
// labour force over the run) times the bytes of their store columns, doubled for the
// vectors' growth and the phases' per-agent scratch.
struct world_memory_estimate {
    double workers = 0;
    double firms = 0;
    double bytes = 0;
};
world_memory_estimate estimate_world_memory(const scenario& sc);
// Throws input_error naming the numbers when the estimate exceeds `max_bytes` (0: the memory
// available now, from /proc/meminfo's MemAvailable or the free pages).
void check_world_memory(const scenario& sc, std::uint64_t max_bytes);

class run_observer {
public:
    virtual ~run_observer() = default;
    virtual void on_start(const scenario&, const world&) {}
    virtual void on_month(const month_stats&, const std::vector<policy_month_report>&, const world&) {}
    virtual void on_finish(const world&, bool /*completed*/) {}
};

struct run_summary {
    int months = 0;       // months done at the end (those before a resume included)
    int first_month = 0;  // the month this process started at (> 0 when resumed)
    int stopped_by = 0;   // run_options::stop's value when the run stopped early, else 0
    std::uint64_t worker_months = 0;
    std::size_t workers_at_end = 0;
    double wall_seconds = 0;
    double build_seconds = 0;           // building the world before the first month
    std::vector<double> phase_seconds;  // per phase, in phase_names order
    // The monthly loop alone: the sum of the phase times.
    [[nodiscard]] double loop_seconds() const {
        double s = 0;
        for (double x : phase_seconds) s += x;
        return s;
    }
};

// Phase names in the order they run each month.
const std::vector<const char*>& phase_names();

// Runs the scenario to its end (or to a stop, run_options::stop), from its first month or
// from run_options::resume_state. Throws laborsim::internal_error on a bug, and
// state_format_error (a std::runtime_error) when resume_state does not fit the scenario.
run_summary run_scenario(const scenario& sc, const run_options& opts, const std::vector<run_observer*>& observers);

}  // namespace laborsim
