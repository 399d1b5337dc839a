// compare's three outputs: a table for a terminal, CSV (the difference rows, one per line,
// full precision) and JSON (everything, as `laborsim report` reads it).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "laborsim/compare.hpp"
#include "util/json_writer.hpp"

namespace laborsim {

namespace {

bool is_rate(const std::string& units) { return units == "1" || units == "1/month"; }

// 1234567.8 -> "1,234,568"
std::string grouped(double v, int decimals = 0) {
    if (!std::isfinite(v)) return "n/a";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, std::abs(v));
    std::string digits(buf), frac;
    if (auto dot = digits.find('.'); dot != std::string::npos) {
        frac = digits.substr(dot);
        digits.resize(dot);
    }
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return (v < 0 && out != "0" ? "-" : "") + out + frac;
}

std::string level_value(double v, const std::string& units) {
    if (!std::isfinite(v)) return "n/a";
    char buf[64];
    if (is_rate(units)) {
        std::snprintf(buf, sizeof buf, "%.2f%%", 100 * v);
        return buf;
    }
    if (std::abs(v) >= 1000) return grouped(v);
    std::snprintf(buf, sizeof buf, "%.4g", v);
    return buf;
}

std::string signed_value(double v, const std::string& units) {
    if (!std::isfinite(v)) return "n/a";
    char buf[64];
    if (is_rate(units)) {
        std::snprintf(buf, sizeof buf, "%+.2f pp", 100 * v);
        return buf;
    }
    if (std::abs(v) >= 1000) {
        std::string g = grouped(v);
        if (v >= 0) g.insert(g.begin(), '+');
        return g;
    }
    std::snprintf(buf, sizeof buf, "%+.4g", v);
    return buf;
}

std::string interval(const estimate& e, const std::string& units) {
    if (!std::isfinite(e.low)) return "n/a";
    std::string lo = signed_value(e.low, units), hi = signed_value(e.high, units);
    if (is_rate(units)) {
        lo.resize(lo.size() - 3);
    }  // one "pp" at the end is enough
    return "[" + lo + ", " + hi + "]";
}

std::string p_text(double p) {
    if (!std::isfinite(p)) return "n/a";
    if (p < 0.001) return "<0.001";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.3f", p);
    return buf;
}

std::string billions(double vnd) {
    if (!std::isfinite(vnd)) return "n/a";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f bn", vnd / 1e9);
    return buf;
}

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char ch : s) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return out + "\"";
}

void write_estimate(json_writer& j, const estimate& e) {
    j.begin_object()
        .field("n", e.n)
        .field("mean", e.mean)
        .field("sd", e.sd)
        .field("dof", e.dof)
        .field("half_width", e.half_width)
        .field("low", e.low)
        .field("high", e.high)
        .field("p_value", e.p_value)
        .end_object();
}

void write_run(json_writer& j, const run_summary_info& r) {
    j.begin_object()
        .field("label", r.label)
        .field("path", r.path)
        .field("scenario_name", r.scenario_name)
        .field("description", r.description)
        .field("replicates", static_cast<int>(r.files.size()))
        .array_field("seeds", r.seeds)
        .array_field("files", r.files)
        .array_field("skipped", r.skipped)
        .end_object();
}

// The three tables of comparison_table: a header and its rows share one line format.
constexpr const char* difference_line = "  %-20s %-12s %-10s %14s %14s %14s  %-30s %7s\n";
constexpr const char* spending_line = "  %-*s %-9s %-8s %-26s %-26s %16s %14s\n";
constexpr const char* cost_line = "  %-*s %-8s %-18s %16s %14s  %-26s %16s\n";

template <class... Args>
void table_line(std::ostringstream& out, const char* format, Args... args) {
    char line[512];
    std::snprintf(line, sizeof line, format, args...);
    out << line;
}

}  // namespace

std::string comparison_table(const comparison& c) {
    std::ostringstream out;
    const int pct = static_cast<int>(std::lround(100 * c.level));
    auto count = [](std::size_t n) { return std::to_string(n) + (n == 1 ? " replicate, " : " replicates, "); };
    out << "baseline: " << c.baseline.label << " (" << count(c.baseline.files.size()) << c.baseline.path << ")\n";
    for (const auto& v : c.variants) out << "variant:  " << v.label << " (" << count(v.files.size()) << v.path << ")\n";
    out << "difference = variant - baseline, paired by seed; " << pct
        << "% confidence interval from the t distribution over replicates; rates in %, differences in percentage "
           "points (pp)\n";
    std::string group;
    for (const auto& r : c.rows) {
        const std::string g = r.variant + " vs " + c.baseline.label + ", " + r.date;
        if (g != group) {
            group = g;
            const bool one = r.difference.n == 1;
            out << "\n"
                << g << " (" << r.difference.n
                << (r.method == "paired" ? (one ? " pair" : " pairs") : " replicates, unpaired") << ")\n";
            table_line(out, difference_line, "indicator", "region", "measure", "baseline", "variant", "difference",
                       (std::to_string(pct) + "% CI").c_str(), "p");
        }
        table_line(out, difference_line, r.indicator.c_str(), r.region.c_str(),
                   r.measure == "value" ? "in month" : "cumulative", level_value(r.baseline_mean, r.units).c_str(),
                   level_value(r.variant_mean, r.units).c_str(), signed_value(r.difference.mean, r.units).c_str(),
                   interval(r.difference, r.units).c_str(), p_text(r.difference.p_value).c_str());
    }
    int w = 20;  // the variant column fits the longest label
    for (const auto& v : c.variants) w = std::max(w, static_cast<int>(v.label.size()));
    if (!c.policy_costs.empty()) {
        out << "\npolicy spending from the first month through the date (mean over replicates)\n";
        table_line(out, spending_line, w, "variant", "run", "through", "policy", "type", "spending (VND)",
                   "beneficiaries");
        for (const auto& p : c.policy_costs)
            table_line(out, spending_line, w, p.variant.c_str(), p.run.c_str(), p.through.c_str(), p.policy.c_str(),
                       p.type.c_str(), billions(p.spending_vnd).c_str(), grouped(p.beneficiaries).c_str());
    }
    if (!c.cost_effectiveness.empty()) {
        out << "\ncost per additional outcome, all regions: (variant - baseline spending) / (variant - baseline "
               "outcome);\n"
               "n.s.: the interval of the outcome difference includes zero\n";
        table_line(out, cost_line, w, "variant", "date", "outcome", "extra spending", "extra outcome",
                   (std::to_string(pct) + "% CI").c_str(), "VND per unit");
        for (const auto& e : c.cost_effectiveness) {
            std::string per_unit = std::isfinite(e.vnd_per_unit)      ? grouped(e.vnd_per_unit)
                                   : !(e.outcome_difference.mean > 0) ? "n/a (no gain)"
                                                                      : "n/a (saves money)";
            // A ratio over a difference that may be zero is not worth quoting alone.
            if (std::isfinite(e.vnd_per_unit) && !e.outcome_difference.excludes_zero()) per_unit += " (n.s.)";
            table_line(out, cost_line, w, e.variant.c_str(), e.date.c_str(), e.outcome.c_str(),
                       billions(e.extra_spending_vnd).c_str(),
                       signed_value(e.outcome_difference.mean, "persons").c_str(),
                       interval(e.outcome_difference, "persons").c_str(), per_unit.c_str());
        }
    }
    for (const auto& n : c.notes) out << "note: " << n << "\n";
    return out.str();
}

std::string comparison_csv(const comparison& c) {
    std::ostringstream out;
    out << "baseline,variant,indicator,units,region,date,measure,method,baseline_n,baseline_mean,variant_n,variant_"
           "mean,"
           "difference_n,difference,difference_sd,dof,half_width,ci_low,ci_high,p_value,level\n";
    auto num = [](double v) { return std::isfinite(v) ? json_writer::number(v) : std::string(); };
    for (const auto& r : c.rows) {
        out << csv_field(c.baseline.label) << ',' << csv_field(r.variant) << ',' << r.indicator << ','
            << csv_field(r.units) << ',' << csv_field(r.region) << ',' << r.date << ',' << r.measure << ',' << r.method
            << ',' << r.baseline_n << ',' << num(r.baseline_mean) << ',' << r.variant_n << ',' << num(r.variant_mean)
            << ',' << r.difference.n << ',' << num(r.difference.mean) << ',' << num(r.difference.sd) << ','
            << num(r.difference.dof) << ',' << num(r.difference.half_width) << ',' << num(r.difference.low) << ','
            << num(r.difference.high) << ',' << num(r.difference.p_value) << ',' << num(c.level) << '\n';
    }
    return out.str();
}

std::string comparison_json(const comparison& c) {
    json_writer j;
    j.begin_object().field("format", "laborsim-compare").field("format_version", 1).field("level", c.level);
    j.key("baseline");
    write_run(j, c.baseline);
    j.key("variants").begin_array();
    for (const auto& v : c.variants) write_run(j, v);
    j.end_array().array_field("dates", c.dates).key("rows").begin_array();
    for (const auto& r : c.rows) {
        j.begin_object()
            .field("variant", r.variant)
            .field("indicator", r.indicator)
            .field("units", r.units)
            .field("region", r.region)
            .field("date", r.date)
            .field("measure", r.measure)
            .field("method", r.method)
            .field("baseline_n", r.baseline_n)
            .field("baseline_mean", r.baseline_mean)
            .field("variant_n", r.variant_n)
            .field("variant_mean", r.variant_mean)
            .key("difference");
        write_estimate(j, r.difference);
        j.end_object();
    }
    j.end_array().key("policy_costs").begin_array();
    for (const auto& p : c.policy_costs) {
        j.begin_object()
            .field("variant", p.variant)
            .field("run", p.run)
            .field("policy", p.policy)
            .field("type", p.type)
            .field("through", p.through)
            .field("n", p.n)
            .field("spending_vnd", p.spending_vnd)
            .field("beneficiaries", p.beneficiaries)
            .end_object();
    }
    j.end_array().key("cost_effectiveness").begin_array();
    for (const auto& e : c.cost_effectiveness) {
        j.begin_object()
            .field("variant", e.variant)
            .field("outcome", e.outcome)
            .field("date", e.date)
            .field("extra_spending_vnd", e.extra_spending_vnd)
            .field("vnd_per_unit", e.vnd_per_unit)
            .key("outcome_difference");
        write_estimate(j, e.outcome_difference);
        j.end_object();
    }
    j.end_array().array_field("notes", c.notes).end_object();
    return j.str();
}

}  // namespace laborsim
