// SIGTERM and SIGINT (what Slurm sends before SIGKILL at a time limit, and Ctrl-C) ask a
// run to stop after the month in progress: the handler only stores the signal number,
// which the engine reads between months (run_options::stop). A second one of them ends
// the process at once, as if no handler were installed.
#pragma once
#include <atomic>

namespace laborsim {

// Installs the handlers (once) and returns the flag they set: 0 until a signal arrives.
const std::atomic<int>& install_stop_handlers();

// 128 + the signal: the shell's exit status of a process ended by it (143, 130).
inline int exit_status_for_signal(int sig) { return 128 + sig; }

}  // namespace laborsim
