// laborsim serve [--bind 127.0.0.1] [--port N] [--results DIR] [--scenarios DIR] [--max-runs N]
// The planner's workbench (sim/serve/): a page and a JSON API over the library, on a local port.
#include <iostream>
#include <memory>

#include "cli/command.hpp"
#include "serve/api.hpp"
#include "serve/http_server.hpp"

namespace laborsim {

namespace {

int serve(const serve_options& opts) {
    if (!std::filesystem::is_directory(opts.scenarios))
        throw input_error("--scenarios: " + opts.scenarios + " is not a folder");
    run_manager runs(opts);
    router routes;
    add_scenario_routes(routes, opts);
    add_run_routes(routes, opts, runs);
    add_page_routes(routes);
    http_server server(opts, routes);
    // The line tests and scripts wait for: the address to open.
    std::cout << "laborsim serve: http://" << opts.bind << ":" << server.port() << "/ (results in " << opts.results
              << ", scenarios from " << opts.scenarios << "; Ctrl-C stops)" << std::endl;
    server.run();
    runs.cancel_all();
    std::cout << "laborsim serve: stopped" << std::endl;
    return 0;
}

}  // namespace

void add_serve_command(CLI::App& app, command_list& commands) {
    auto o = std::make_shared<serve_options>();
    auto* cmd =
        app.add_subcommand("serve", "The planner's workbench: a local web page to build, run and compare variants");
    cmd->add_option("--bind", o->bind, "Address to listen on (default 127.0.0.1: this machine only)");
    cmd->add_option("--port", o->port, "Port (default 8765; 0: any free port, printed)");
    cmd->add_option("--results", o->results, "Folder for the run sets (default results/serve)");
    cmd->add_option("--scenarios", o->scenarios, "Folder of the baselines offered (default scenarios/vietnam)");
    cmd->add_option("--max-runs", o->max_runs, "Run sets running at once (default 2)")->check(CLI::Range(1, 64));
    cmd->add_option("--max-body", o->max_body_bytes, "Largest request body in bytes (default 1 MiB)")
        ->check(CLI::Range(1024, 64 << 20));
    cmd->add_option("--threads", o->threads, "Threads per run (default: all cores)")->check(CLI::NonNegativeNumber);
    commands.push_back({cmd, [o] { return serve(*o); }});
}

}  // namespace laborsim
