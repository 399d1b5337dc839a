// What `laborsim serve` is told: where to listen, which folders it may read and write, and
// the limits that keep a server left running safe.
#pragma once
#include <cstddef>
#include <string>

namespace laborsim {

struct serve_options {
    std::string bind = "127.0.0.1";
    unsigned short port = 8765;             // 0: any free port (printed on start)
    std::string results = "results/serve";  // run sets are written here, one folder each
    std::string scenarios = "scenarios/vietnam";
    int max_runs = 2;                      // run sets running at once; more are refused (429)
    int max_connections = 64;              // open connections; more are refused (503)
    std::size_t max_body_bytes = 1 << 20;  // request bodies; larger ones are refused (413)
    int max_replicates = 50;
    int threads = 0;  // per run (0: all cores)
};

}  // namespace laborsim
