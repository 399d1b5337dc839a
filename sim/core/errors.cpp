#include "laborsim/errors.hpp"

#include <cstring>

namespace laborsim {

std::string diagnostic::to_string() const {
    std::string out = file;
    if (line > 0) {
        out.append(":").append(std::to_string(line));
        out.append(":").append(std::to_string(column));
    }
    out.append(": ");
    if (!key_path.empty()) out.append(key_path).append(": ");
    out.append(message);
    return out;
}

diagnostic unlisted_diagnostics(std::string file, std::size_t count) {
    return {std::move(file), 0, 0, "",
            "... and " + std::to_string(count) + " more error" + (count == 1 ? "" : "s") + " (the first " +
                std::to_string(max_listed_diagnostics) + " are listed)"};
}

namespace {
std::vector<diagnostic> capped(std::vector<diagnostic> ds) {
    if (ds.size() <= max_listed_diagnostics + 1) return ds;
    const std::size_t more = ds.size() - max_listed_diagnostics;
    ds.resize(max_listed_diagnostics);
    ds.push_back(unlisted_diagnostics(ds.front().file, more));
    return ds;
}

std::string join(const std::vector<diagnostic>& ds) {
    std::string out;
    for (const auto& d : ds) {
        if (!out.empty()) out += "\n";
        out += d.to_string();
    }
    return out;
}
}  // namespace

input_error::input_error(std::vector<diagnostic> d) : input_error(capped(std::move(d)), 0) {}
input_error::input_error(std::vector<diagnostic> d, int) : std::runtime_error(join(d)), diagnostics_(std::move(d)) {}
input_error::input_error(const std::string& message) : std::runtime_error(message) {}

option_error::option_error(std::string option, const std::string& message)
    : input_error(message), option_(std::move(option)) {}

environment_error::environment_error(std::string path, const std::string& action, std::string reason)
    : std::runtime_error(path + ": " + action + ": " + reason), path_(std::move(path)), reason_(std::move(reason)) {}

environment_error os_error(const std::string& path, const std::string& action, int errnum) {
    return environment_error(path, action, std::strerror(errnum));
}

}  // namespace laborsim
