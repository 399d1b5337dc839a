#include "serve/static_report.hpp"

#include "laborsim/compare.hpp"
#include "laborsim/errors.hpp"
#include "serve/request_json.hpp"
#include "serve/web_assets.hpp"
#include "util/json_writer.hpp"

namespace laborsim {

namespace {

std::string asset(std::string_view name) {
    for (const auto& a : web_assets())
        if (a.name == name) return std::string(a.bytes);
    throw internal_error("web asset missing: " + std::string(name));
}

void replace_once(std::string& text, const std::string& what, const std::string& with) {
    const auto at = text.find(what);
    if (at == std::string::npos) throw internal_error("web/index.html lacks " + what);
    text.replace(at, what.size(), with);
}

// Inside <script>, "</" would end the element: JSON and the script escape it.
std::string script_safe(std::string text) {
    for (std::size_t at = text.find("</"); at != std::string::npos; at = text.find("</", at + 3))
        text.replace(at, 2, "<\\/");
    return text;
}

void scenario_json(json_writer& j, const run_set& s) {
    const auto& r = s.replicates.front();
    j.begin_object()
        .field("name", r.scenario_name)
        .field("description", r.scenario_description)
        .field("file", s.path)
        .key("resolved")
        .raw(yaml_to_json(r.scenario_yaml))
        .end_object();
}

}  // namespace

std::string static_report_html(const std::string& baseline_runs, const std::string& variant_runs,
                               const static_report_options& opts) {
    if (opts.lang != "en" && opts.lang != "vi") throw option_error("lang", "expected en or vi, got " + opts.lang);
    const run_set base = load_run_set(baseline_runs);
    const run_set variant = load_run_set(variant_runs);
    compare_options every;
    const auto& first = base.replicates.front();
    for (int m = 0; m < first.months; ++m) every.at.push_back(year_month::from_index(first.start.index() + m));
    const comparison series = compare_runs(base, {variant}, every);
    compare_options chosen;
    for (const auto& d : opts.at) {
        const auto ym = parse_year_month(d);
        if (!ym) throw option_error("at", "expected a month as YYYY-MM, got \"" + d + "\"");
        chosen.at.push_back(*ym);
    }
    chosen.regions = {opts.region};
    const comparison summary = compare_runs(base, {variant}, chosen);
    std::string dates;
    for (const auto& d : summary.dates) dates += (dates.empty() ? "" : ",") + d;

    json_writer j;
    j.begin_object().key("baseline");
    scenario_json(j, base);
    j.key("variant");
    scenario_json(j, variant);
    j.key("series").raw(comparison_json(series));
    j.key("summary").raw(comparison_json(summary));
    j.field("dates", dates).field("region", opts.region).field("lang", opts.lang);
    // The CSV downloads of the page, carried in it (`laborsim compare --csv`'s format).
    j.field("summary_csv", comparison_csv(summary)).field("series_csv", comparison_csv(series)).end_object();

    std::string html = asset("index.html");
    replace_once(html, "<link rel=\"stylesheet\" href=\"app.css\">", "<style>\n" + asset("app.css") + "</style>");
    replace_once(html, "<script src=\"app.js\"></script>",
                 "<script>window.LABORSIM_REPORT = " + script_safe(j.str()) + ";</script>\n<script>\n" +
                     script_safe(asset("app.js")) + "</script>");
    return html;
}

}  // namespace laborsim
