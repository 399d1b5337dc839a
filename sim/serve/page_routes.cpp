// The page itself: index.html, app.js, app.css from the binary (web_assets.hpp).
#include <filesystem>
#include <fstream>
#include <sstream>

#include "serve/api.hpp"
#include "serve/web_assets.hpp"

namespace laborsim {

std::string content_type_of(const std::string& name) {
    const std::string ext = std::filesystem::path(name).extension().string();
    if (ext == ".html") return "text/html; charset=utf-8";
    if (ext == ".js") return "text/javascript; charset=utf-8";
    if (ext == ".css") return "text/css; charset=utf-8";
    if (ext == ".json") return "application/json; charset=utf-8";
    if (ext == ".csv") return "text/csv; charset=utf-8";
    if (ext == ".yaml" || ext == ".yml" || ext == ".txt") return "text/plain; charset=utf-8";
    if (ext == ".h5") return "application/x-hdf5";
    return "application/octet-stream";
}

std::string read_whole_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in || !std::filesystem::is_regular_file(p)) throw http_error(404, "no file " + p.filename().string());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

namespace {

api_response asset(const std::string& name) {
    for (const auto& a : web_assets())
        if (a.name == name) {
            api_response r;
            r.content_type = content_type_of(name);
            r.body = std::string(a.bytes);
            return r;
        }
    throw http_error(404, "no such page: /" + name);
}

}  // namespace

void add_page_routes(router& r) {
    r.add("GET", "/", [](const api_request&) { return asset("index.html"); });
    r.add("GET", "/*", [](const api_request& q) { return asset(q.params[0]); });
}

}  // namespace laborsim
