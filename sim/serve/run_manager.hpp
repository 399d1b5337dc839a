// Run sets started from the workbench: a baseline and a variant, N replicates each at one
// scale, run in a background thread into results/<id>/{baseline,variant}/ by the library's
// run_replicate_set (the same files `laborsim run --replicates` writes, so `laborsim
// compare` reads them). At most serve_options::max_runs run at once; a cancelled or
// interrupted set leaves its files as any killed run does (the run writes a partial file).
#pragma once
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "serve/serve_options.hpp"

namespace laborsim {

struct run_set_request {
    std::string baseline;      // a file of the scenario folder, e.g. "cao-bang.yaml"
    std::string variant_yaml;  // scenario text; `extends` resolves in the scenario folder
    int replicates = 3;
    double scale = 0.05;
    std::optional<std::uint64_t> seed;  // else the scenarios' own seed
};

class run_manager {
public:
    explicit run_manager(const serve_options& opts);
    ~run_manager();  // cancels what still runs and waits for it
    run_manager(const run_manager&) = delete;
    run_manager& operator=(const run_manager&) = delete;

    // Loads and checks both scenarios (input_error with located diagnostics; http_error 400
    // for bad numbers, 403 for paths outside the folders, 429 when max_runs are running),
    // then starts the set; returns its status as JSON (with "id" and the scenario warnings).
    std::string start(const run_set_request& request);
    [[nodiscard]] std::string status_json(const std::string& id) const;  // 404 if unknown
    [[nodiscard]] std::string list_json() const;
    void cancel(const std::string& id);
    void cancel_all();
    // results/<id> of a set this server started or one found on disk (404 otherwise).
    [[nodiscard]] std::filesystem::path folder(const std::string& id) const;

    struct run_state;

private:
    const serve_options& opts_;
    mutable std::mutex mutex_;
    std::map<std::string, std::shared_ptr<run_state>> runs_;
    int next_serial_ = 1;
};

}  // namespace laborsim
