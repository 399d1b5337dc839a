// Two kinds of failure: the user's input is wrong (exit 2) or the program is (exit 1).
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

class input_error : public std::runtime_error {
public:
    explicit input_error(std::vector<diagnostic> d);
    explicit input_error(const std::string& message);
    [[nodiscard]] const std::vector<diagnostic>& diagnostics() const { return diagnostics_; }

private:
    std::vector<diagnostic> diagnostics_;
};

class internal_error : public std::logic_error {
public:
    using std::logic_error::logic_error;
};

}  // namespace laborsim
