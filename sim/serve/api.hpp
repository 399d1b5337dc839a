// The workbench's routes: the page (web/ compiled in), the scenario API (list, show,
// validate, schema) and the run API (start, progress, cancel, compare, downloads).
#pragma once
#include "serve/router.hpp"
#include "serve/run_manager.hpp"
#include "serve/serve_options.hpp"

namespace laborsim {

void add_page_routes(router& r);
void add_scenario_routes(router& r, const serve_options& opts);
void add_run_routes(router& r, const serve_options& opts, run_manager& runs);

// Content type for a file name's extension.
std::string content_type_of(const std::string& name);

// The file's bytes (http_error 404 if it cannot be read).
std::string read_whole_file(const std::filesystem::path& p);

}  // namespace laborsim
