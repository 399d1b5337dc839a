// Three kinds of failure, each with its own exit code in the command line:
//   input_error        the user's input is wrong (exit 2), located where possible;
//   environment_error  the machine refused: a file or folder could not be opened, created,
//                      written or renamed, a process could not be started (exit 3);
//   internal_error     the program is wrong: a bug (exit 1).
#pragma once
#include <stdexcept>
#include <string>
#include <vector>

namespace laborsim {

struct diagnostic {
    std::string file;
    int line = 0;    // 1-based; 0 when unknown
    int column = 0;  // 1-based
    std::string key_path;
    std::string message;

    [[nodiscard]] std::string to_string() const;
};

// Input with thousands of problems gets the first ones listed, then a count of the rest.
inline constexpr std::size_t max_listed_diagnostics = 100;
// The last line of such a list: "... and COUNT more errors".
[[nodiscard]] diagnostic unlisted_diagnostics(std::string file, std::size_t count);

class input_error : public std::runtime_error {
public:
    // Keeps at most max_listed_diagnostics of `d` (and a count of the rest).
    explicit input_error(std::vector<diagnostic> d);
    explicit input_error(const std::string& message);
    [[nodiscard]] const std::vector<diagnostic>& diagnostics() const { return diagnostics_; }

private:
    input_error(std::vector<diagnostic> d, int);  // d already capped
    std::vector<diagnostic> diagnostics_;
};

// Bad input in the options of a library call. `option` names the field it concerns
// (compare_options::at -> "at", run_to_file_options::force -> "force"), so that a front
// end can point at its own way of setting it (the CLI names its flag).
class option_error : public input_error {
public:
    option_error(std::string option, const std::string& message);
    [[nodiscard]] const std::string& option() const { return option_; }

private:
    std::string option_;
};

// An I/O or operating-system failure: not the user's input and not a bug. The message is
// one line, "PATH: ACTION: REASON" (REASON from the OS, e.g. strerror(errno)).
class environment_error : public std::runtime_error {
public:
    environment_error(std::string path, const std::string& action, std::string reason);
    [[nodiscard]] const std::string& path() const { return path_; }
    [[nodiscard]] const std::string& reason() const { return reason_; }

private:
    std::string path_, reason_;
};

// environment_error for a failed system call: REASON is strerror(errnum).
[[nodiscard]] environment_error os_error(const std::string& path, const std::string& action, int errnum);

class internal_error : public std::logic_error {
public:
    using std::logic_error::logic_error;
};

}  // namespace laborsim
