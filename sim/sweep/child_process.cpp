#include "sweep/child_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>

#include "laborsim/errors.hpp"

namespace laborsim {

child_process::~child_process() {
    if (pid_ > 0) {
        kill(pid_, SIGKILL);
        int status = 0;
        waitpid(pid_, &status, 0);
    }
}

void child_process::start(const std::string& exe, const std::vector<std::string>& args, const std::string& log_path,
                          double timeout_s) {
    if (pid_ > 0) throw internal_error("child_process::start while a child is running");
    // Everything the child needs is prepared before fork: between fork and exec only
    // async-signal-safe calls are allowed (the parent may have other threads).
    std::vector<std::string> argv_text{exe};
    argv_text.insert(argv_text.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_text) argv.push_back(a.data());
    argv.push_back(nullptr);
    const int log_fd = open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (log_fd < 0) throw os_error(log_path, "cannot create the log file", errno);
    const int null_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
    const pid_t parent = getpid();
    static constexpr char exec_failed[] = "laborsim sweep: could not start the run process\n";

    const pid_t pid = fork();
    if (pid == 0) {
        // No orphans: if the sweep process is killed, its runs die with it, so a resumed
        // sweep never races a leftover run writing the same file.
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent) _exit(127);
        if (null_fd >= 0) dup2(null_fd, STDIN_FILENO);
        dup2(log_fd, STDOUT_FILENO);
        dup2(log_fd, STDERR_FILENO);
        execv(argv[0], argv.data());
        [[maybe_unused]] auto n = write(STDERR_FILENO, exec_failed, sizeof exec_failed - 1);
        _exit(127);
    }
    const int fork_errno = errno;
    close(log_fd);
    if (null_fd >= 0) close(null_fd);
    if (pid < 0) throw os_error(exe, "cannot start a run process", fork_errno);
    pid_ = pid;
    timeout_s_ = timeout_s;
    started_ = std::chrono::steady_clock::now();
    result_ = {};
}

void child_process::reap(int status) {
    result_.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    if (WIFEXITED(status)) result_.exit_code = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) result_.signal = WTERMSIG(status);
    pid_ = -1;
}

bool child_process::poll() {
    if (pid_ <= 0) return true;
    int status = 0;
    const pid_t r = waitpid(pid_, &status, WNOHANG);
    if (r == pid_) {
        reap(status);
        return true;
    }
    if (r < 0 && errno != EINTR) throw os_error("process " + std::to_string(pid_), "cannot wait for the run", errno);
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    if (timeout_s_ > 0 && elapsed > timeout_s_) {
        kill(pid_, SIGKILL);
        waitpid(pid_, &status, 0);
        reap(status);
        result_.timed_out = true;
        return true;
    }
    return false;
}

}  // namespace laborsim
