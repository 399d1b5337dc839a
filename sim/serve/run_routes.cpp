// The run API: start a baseline+variant set, follow its progress, cancel it, compare it
// (the library's compare_runs: the numbers `laborsim compare` prints) and download its files.
#include <filesystem>

#include "laborsim/compare.hpp"
#include "laborsim/errors.hpp"
#include "serve/api.hpp"
#include "serve/request_json.hpp"
#include "serve/safe_path.hpp"
#include "serve/static_report.hpp"
#include "util/json_writer.hpp"

namespace laborsim {

namespace fs = std::filesystem;

namespace {

std::vector<std::string> split_commas(const std::string& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        const auto comma = s.find(',', start);
        const std::string item = s.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (!item.empty()) out.push_back(item);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

// ?at=YYYY-MM,... ("every-month": each month of the runs), ?indicators=a,b, ?regions=a,b:
// the options of `laborsim compare`.
compare_options options_of(const api_request& q, const run_set& base) {
    compare_options o;
    const auto at = q.query.find("at");
    if (at != q.query.end() && at->second == "every-month") {
        const auto& first = base.replicates.front();
        for (int m = 0; m < first.months; ++m) o.at.push_back(year_month::from_index(first.start.index() + m));
    } else if (at != q.query.end()) {
        for (const auto& s : split_commas(at->second)) {
            const auto ym = parse_year_month(s);
            if (!ym) throw http_error(400, "at: expected months as YYYY-MM, got \"" + s + "\"");
            o.at.push_back(*ym);
        }
    }
    if (const auto it = q.query.find("indicators"); it != q.query.end()) o.indicators = split_commas(it->second);
    if (const auto it = q.query.find("regions"); it != q.query.end()) o.regions = split_commas(it->second);
    return o;
}

comparison compare_set(const fs::path& folder, const api_request& q) {
    const run_set base = load_run_set((folder / "baseline").string());
    const run_set variant = load_run_set((folder / "variant").string());
    return compare_runs(base, {variant}, options_of(q, base));
}

std::string file_list(const fs::path& folder) {
    json_writer j;
    j.begin_array();
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(folder, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        if (!it->is_regular_file() || it->is_symlink()) continue;
        j.begin_object()
            .field("path", fs::relative(it->path(), folder).generic_string())
            .field("bytes", static_cast<std::uint64_t>(it->file_size()))
            .end_object();
    }
    j.end_array();
    return j.str();
}

run_set_request request_of(const std::string& text) {
    const json_body body(text);
    run_set_request r;
    r.baseline = body.required_text("baseline");
    r.variant_yaml = body.required_text("variant_yaml");
    if (const auto n = body.integer("replicates")) r.replicates = static_cast<int>(*n);
    if (const auto s = body.number("scale")) r.scale = *s;
    if (const auto seed = body.integer("seed")) {
        if (*seed < 0) throw http_error(400, "seed: expected a non-negative integer");
        r.seed = static_cast<std::uint64_t>(*seed);
    }
    return r;
}

}  // namespace

void add_run_routes(router& r, const serve_options& opts, run_manager& runs) {
    (void)opts;
    r.add("POST", "/api/runs", [&runs](const api_request& q) {
        auto res = json_response(runs.start(request_of(q.body)));
        res.status = 202;
        return res;
    });
    r.add("GET", "/api/runs", [&runs](const api_request&) { return json_response(runs.list_json()); });
    r.add("GET", "/api/runs/*", [&runs](const api_request& q) { return json_response(runs.status_json(q.params[0])); });
    r.add("POST", "/api/runs/*/cancel", [&runs](const api_request& q) {
        runs.cancel(q.params[0]);
        return json_response(runs.status_json(q.params[0]));
    });
    r.add("GET", "/api/runs/*/compare", [&runs](const api_request& q) {
        return json_response(comparison_json(compare_set(runs.folder(q.params[0]), q)));
    });
    r.add("GET", "/api/runs/*/compare.csv", [&runs](const api_request& q) {
        api_response res;
        res.content_type = content_type_of("x.csv");
        res.body = comparison_csv(compare_set(runs.folder(q.params[0]), q));
        res.download_name = "compare-" + q.params[0] + ".csv";
        return res;
    });
    r.add("GET", "/api/runs/*/report.html", [&runs](const api_request& q) {
        const fs::path folder = runs.folder(q.params[0]);
        static_report_options o;
        if (const auto it = q.query.find("at"); it != q.query.end()) o.at = split_commas(it->second);
        if (const auto it = q.query.find("region"); it != q.query.end() && !it->second.empty()) o.region = it->second;
        if (const auto it = q.query.find("lang"); it != q.query.end()) o.lang = it->second;
        api_response res;
        res.content_type = content_type_of("x.html");
        res.body = static_report_html((folder / "baseline").string(), (folder / "variant").string(), o);
        res.download_name = "laborsim-report-" + q.params[0] + ".html";
        return res;
    });
    r.add("GET", "/api/runs/*/files",
          [&runs](const api_request& q) { return json_response(file_list(runs.folder(q.params[0]))); });
    r.add("GET", "/api/runs/*/files/**", [&runs](const api_request& q) {
        const fs::path folder = runs.folder(q.params[0]);
        const fs::path p = path_inside(folder, q.params[1]);
        api_response res;
        res.body = read_whole_file(p);
        res.content_type = content_type_of(p.filename().string());
        res.download_name = p.filename().string();
        return res;
    });
}

}  // namespace laborsim
