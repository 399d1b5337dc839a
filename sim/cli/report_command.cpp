// laborsim report BASE VARIANT... -o report.html [--at ...] [--indicators ...] [--regions ...]
// The report is written by tools/report.py (matplotlib charts, HTML); this command finds a
// Python interpreter and the tool and hands over, passing its own path so the tool takes
// every number from `laborsim compare --json` and the report matches compare exactly.
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/command.hpp"
#include "laborsim/errors.hpp"

#ifndef LABORSIM_TOOLS_DIR
#define LABORSIM_TOOLS_DIR ""
#endif

namespace laborsim {

namespace fs = std::filesystem;

namespace {

struct report_args {
    std::vector<std::string> runs;
    std::string output = "report.html";
    std::vector<std::string> at, indicators, regions;
    std::string title;
};

fs::path self_path() {
    std::error_code ec;
    auto p = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : p;
}

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? v : "";
}

fs::path find_tool() {
    std::vector<fs::path> candidates;
    if (auto e = env("LABORSIM_REPORT_TOOL"); !e.empty()) candidates.emplace_back(e);
    const auto exe_dir = self_path().parent_path();
    candidates.push_back(exe_dir / "../../tools/report.py");              // build/<preset>/laborsim in a checkout
    candidates.push_back(exe_dir / "../share/laborsim/tools/report.py");  // an installed tree
    if (std::strlen(LABORSIM_TOOLS_DIR) > 0) candidates.push_back(fs::path(LABORSIM_TOOLS_DIR) / "report.py");
    for (const auto& c : candidates)
        if (fs::is_regular_file(c)) return fs::weakly_canonical(c);
    std::ostringstream msg;
    msg << "report: cannot find tools/report.py (set LABORSIM_REPORT_TOOL); looked in:";
    for (const auto& c : candidates) msg << " " << c.string();
    throw input_error(msg.str());
}

// Debian's interpreter has h5py, matplotlib and numpy from apt; prefer it over a venv's.
std::string find_python() {
    if (auto e = env("LABORSIM_PYTHON"); !e.empty()) return e;
    if (access("/usr/bin/python3", X_OK) == 0) return "/usr/bin/python3";
    std::istringstream path(env("PATH"));
    for (std::string dir; std::getline(path, dir, ':');)
        if (!dir.empty() && access((fs::path(dir) / "python3").c_str(), X_OK) == 0)
            return (fs::path(dir) / "python3").string();
    throw input_error(
        "report: needs python3 with h5py and matplotlib (apt-get install python3-h5py python3-matplotlib)");
}

int report(const report_args& a) {
    const std::string python = find_python();
    const std::string tool = find_tool().string();
    std::vector<std::string> argv{python, tool, "--laborsim", self_path().string(), "-o", a.output};
    for (const auto& d : a.at) {
        argv.push_back("--at");
        argv.push_back(d);
    }
    auto joined = [](const std::vector<std::string>& v) {
        std::string s;
        for (const auto& x : v) s += (s.empty() ? "" : ",") + x;
        return s;
    };
    if (!a.indicators.empty()) {
        argv.push_back("--indicators");
        argv.push_back(joined(a.indicators));
    }
    if (!a.regions.empty()) {
        argv.push_back("--regions");
        argv.push_back(joined(a.regions));
    }
    if (!a.title.empty()) {
        argv.push_back("--title");
        argv.push_back(a.title);
    }
    argv.insert(argv.end(), a.runs.begin(), a.runs.end());
    std::vector<char*> cargv;
    for (auto& s : argv) cargv.push_back(s.data());
    cargv.push_back(nullptr);
    std::cout.flush();
    execv(python.c_str(), cargv.data());
    throw os_error(python, "report: cannot run the report tool", errno);
}

}  // namespace

void add_report_command(CLI::App& app, command_list& commands) {
    auto a = std::make_shared<report_args>();
    auto* cmd = app.add_subcommand("report", "Write a self-contained HTML report comparing variants with a baseline");
    cmd->add_option("runs", a->runs, "BASELINE VARIANT...: run folders or .h5 files")->required()->expected(2, -1);
    cmd->add_option("-o,--output", a->output, "HTML file to write (default: report.html)");
    cmd->add_option("--at", a->at, "Month for the difference table, YYYY-MM; repeatable (default: the last month)")
        ->allow_extra_args(false);
    cmd->add_option("--indicators", a->indicators, "Indicators for the table and charts, comma-separated")
        ->delimiter(',')
        ->allow_extra_args(false);
    cmd->add_option("--regions", a->regions, "Region ids, comma-separated; 'all' is the aggregate")
        ->delimiter(',')
        ->allow_extra_args(false);
    cmd->add_option("--title", a->title, "Report title");
    commands.push_back({cmd, [a] { return report(*a); }});
}

}  // namespace laborsim
