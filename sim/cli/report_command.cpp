// laborsim report BASE VARIANT... -o report.html [--at ...] [--indicators ...] [--regions ...]
// The report is written by tools/report.py (matplotlib charts, HTML); this command finds a
// Python interpreter and the tool and hands over, passing its own path so the tool takes
// every number from `laborsim compare --json` and the report matches compare exactly.
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/command.hpp"
#include "laborsim/errors.hpp"
#include "serve/static_report.hpp"

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
    bool page = false;  // the workbench's page (web/) instead of tools/report.py
    std::string lang = "en";
};

// The workbench's page with the data inlined (sim/serve/static_report.hpp): the same charts
// and tables as `laborsim serve`, for one variant, written by the binary alone.
int page_report(const report_args& a) {
    if (a.runs.size() != 2) throw input_error("report --page: expected a baseline and one variant");
    if (a.regions.size() > 1) throw input_error("report --page: --regions takes one region for the table");
    if (!a.indicators.empty()) throw input_error("report --page: every indicator is offered; leave out --indicators");
    static_report_options o;
    o.at = a.at;
    if (!a.regions.empty()) o.region = a.regions.front();
    o.lang = a.lang;
    return with_flag_hints({{"at", "check --at"}, {"regions", "check --regions"}, {"lang", "check --lang"}}, [&] {
        const std::string html = static_report_html(a.runs[0], a.runs[1], o);
        std::ofstream out(a.output, std::ios::binary);
        if (out) out << html << std::flush;
        if (!out) throw os_error(a.output, "cannot write the report", errno);
        std::cout << "report: " << a.output << "\n";
        return 0;
    });
}

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
    if (a.page) return page_report(a);
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
    cmd->add_flag("--page", a->page,
                  "The workbench's page (laborsim serve) with the data inlined: one variant, interactive charts, "
                  "no Python");
    cmd->add_option("--lang", a->lang, "With --page: en or vi")->check(CLI::IsMember({"en", "vi"}));
    commands.push_back({cmd, [a] { return report(*a); }});
}

}  // namespace laborsim
