// One child process with its output in a log file and an optional wall-clock limit.
// Sweeps run every run this way so a crash, an abort or a hang stays in its own process.
#pragma once
#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

namespace laborsim {

struct child_exit {
    int exit_code = -1;  // when it exited
    int signal = 0;      // when a signal ended it
    bool timed_out = false;
    double wall_seconds = 0;
};

class child_process {
public:
    child_process() = default;
    child_process(const child_process&) = delete;
    child_process& operator=(const child_process&) = delete;
    ~child_process();

    // Starts `exe args...` with stdin from /dev/null and stdout+stderr into `log_path`.
    // The child is killed if this process dies, and after `timeout_s` seconds (0: never).
    // Throws environment_error when the log file or the process cannot be created,
    // internal_error when a child is still running (a bug in the caller).
    void start(const std::string& exe, const std::vector<std::string>& args, const std::string& log_path,
               double timeout_s);

    // Non-blocking: true once the child has ended; then result() holds how.
    bool poll();
    [[nodiscard]] bool running() const { return pid_ > 0; }
    [[nodiscard]] const child_exit& result() const { return result_; }

private:
    void reap(int status);

    pid_t pid_ = -1;
    double timeout_s_ = 0;
    std::chrono::steady_clock::time_point started_;
    child_exit result_;
};

}  // namespace laborsim
