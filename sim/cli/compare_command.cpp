// laborsim compare BASE VARIANT... [--at YYYY-MM]... [--indicators a,b] [--regions a,b]
//                  [--csv FILE] [--json FILE|-] [--level 0.95]
// BASE and each VARIANT are run folders (laborsim run --replicates) or single .h5 files.
#include <cerrno>
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/command.hpp"
#include "laborsim/compare.hpp"
#include "laborsim/errors.hpp"

namespace laborsim {

namespace {

struct compare_args {
    std::vector<std::string> runs;
    std::vector<std::string> at;
    std::vector<std::string> indicators;
    std::vector<std::string> regions;
    std::string csv, json;
    double level = 0.95;
    bool quiet = false;
};

void write_text(const std::string& path, const std::string& text) {
    if (path == "-") {
        std::cout << text;
        return;
    }
    std::ofstream out(path);
    if (out) out << text << std::flush;
    if (!out) throw os_error(path, "cannot write the file", errno);
}

int compare(const compare_args& a) {
    if (a.runs.size() < 2) throw input_error("compare: expected a baseline and at least one variant");
    compare_options opts;
    for (const auto& s : a.at) {
        auto ym = parse_year_month(s);
        if (!ym) throw input_error("--at: expected a month as YYYY-MM, got \"" + s + "\"");
        opts.at.push_back(*ym);
    }
    opts.indicators = a.indicators;
    opts.regions = a.regions;
    opts.level = a.level;
    const run_set base = load_run_set(a.runs[0]);
    std::vector<run_set> variants;
    for (std::size_t i = 1; i < a.runs.size(); ++i) variants.push_back(load_run_set(a.runs[i]));
    const comparison c = compare_runs(base, variants, opts);
    if (!a.csv.empty()) write_text(a.csv, comparison_csv(c));
    if (!a.json.empty()) write_text(a.json, comparison_json(c));
    // The table goes to stdout unless a machine-readable output took it.
    if (!a.quiet && a.csv != "-" && a.json != "-") std::cout << comparison_table(c);
    else
        for (const auto& n : c.notes) std::cerr << "note: " << n << "\n";
    return 0;
}

}  // namespace

void add_compare_command(CLI::App& app, command_list& commands) {
    auto a = std::make_shared<compare_args>();
    auto* cmd =
        app.add_subcommand("compare", "Compare variant runs with a baseline: differences with confidence intervals");
    cmd->add_option("runs", a->runs, "BASELINE VARIANT...: run folders (laborsim run --replicates) or .h5 files")
        ->required()
        ->expected(2, -1);
    cmd->add_option("--at", a->at, "Month to compare, YYYY-MM; repeat for more (default: the last month of the runs)")
        ->allow_extra_args(false);
    cmd->add_option("--indicators", a->indicators, "Indicators to compare, comma-separated, or 'all'")
        ->delimiter(',')
        ->allow_extra_args(false);
    cmd->add_option("--regions", a->regions, "Region ids to show, comma-separated; 'all' is the aggregate")
        ->delimiter(',')
        ->allow_extra_args(false);
    cmd->add_option("--csv", a->csv, "Write the difference table as CSV to FILE ('-': stdout)");
    cmd->add_option("--json", a->json, "Write everything as JSON to FILE ('-': stdout)");
    cmd->add_option("--level", a->level, "Confidence level of the intervals")->check(CLI::Range(0.5, 0.9999));
    cmd->add_flag("--quiet", a->quiet, "No table on stdout");
    static const std::map<std::string, std::string> flag_hints{{"at", "check --at"},
                                                               {"indicators", "check --indicators"},
                                                               {"regions", "check --regions"},
                                                               {"level", "check --level"}};
    commands.push_back({cmd, [a] { return with_flag_hints(flag_hints, [&] { return compare(*a); }); }});
}

}  // namespace laborsim
