#include "cli/graceful_stop.hpp"

#include <csignal>

namespace laborsim {

namespace {

// A signal handler can reach nothing else: the one piece of process state of the CLI.
std::atomic<int> g_stop{0};
static_assert(std::atomic<int>::is_always_lock_free, "the stop flag is written from a signal handler");

extern "C" void on_stop_signal(int sig) {
    int none = 0;
    if (!g_stop.compare_exchange_strong(none, sig)) {  // asked twice: stop now
        std::signal(sig, SIG_DFL);
        std::raise(sig);
    }
}

}  // namespace

const std::atomic<int>& install_stop_handlers() {
    struct sigaction sa {};
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;  // system calls of the month in progress carry on
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGINT, &sa, nullptr);
    return g_stop;
}

}  // namespace laborsim
