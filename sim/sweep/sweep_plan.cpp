// Expansion of a sweep spec into runs. Pure: the same spec gives the same runs, ids,
// values and seeds on every machine, which is what lets Slurm tasks, MPI ranks and a
// resumed sweep agree on what run p0003-r01 is.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "laborsim/errors.hpp"
#include "laborsim/replicates.hpp"
#include "laborsim/sweep.hpp"
#include "sweep/latin_hypercube.hpp"
#include "sweep/sobol.hpp"

namespace laborsim {

namespace {

// Shortest text that reads back as the same double, so a listed value is the value run.
// Plain decimals where they stay short (0.0001 rather than 1e-04).
std::string format_number(double v) {
    char buf[400];
    auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
    if (r.ec == std::errc() && r.ptr - buf <= 16) return std::string(buf, r.ptr);
    r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

// Log scale: low * (high/low)^t, exact at both ends.
double log_lerp(double low, double high, double t) { return low * std::pow(high / low, t); }

std::string format_integer(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf;
}

// Maps u in [0, 1) onto a parameter: its range (linear or log, maybe whole numbers) or
// one of its listed values, each equally likely.
std::string value_at(const sweep_parameter& p, double u) {
    if (!p.has_range) {
        const auto k = p.values.size();
        return p.values[std::min(k - 1, static_cast<std::size_t>(u * static_cast<double>(k)))];
    }
    if (p.integer && !p.log_scale) {
        const double lo = std::ceil(p.low), hi = std::floor(p.high);
        return format_integer(std::min(hi, std::floor(lo + u * (hi - lo + 1))));
    }
    const double x = p.log_scale ? log_lerp(p.low, p.high, u) : p.low + u * (p.high - p.low);
    if (p.integer) return format_integer(std::clamp(std::round(x), std::ceil(p.low), std::floor(p.high)));
    return format_number(x);
}

// The values a grid takes for one parameter.
std::vector<std::string> grid_values(const sweep_parameter& p) {
    if (!p.has_range) return p.values;
    std::vector<std::string> out;
    for (int i = 0; i < p.steps; ++i) {
        const double t = p.steps == 1 ? 0.0 : static_cast<double>(i) / (p.steps - 1);
        double x = p.log_scale ? log_lerp(p.low, p.high, t) : p.low + t * (p.high - p.low);
        if (i == p.steps - 1 && p.steps > 1) x = p.high;  // exact end point, no rounding drift
        if (i == 0) x = p.low;
        out.push_back(p.integer ? format_integer(std::clamp(std::round(x), std::ceil(p.low), std::floor(p.high)))
                                : format_number(x));
    }
    return out;
}

int digits(int n) {
    int d = 1;
    while (n >= 10) {
        n /= 10;
        ++d;
    }
    return d;
}

// "p0003": a letter and a zero-padded number.
std::string padded(char letter, int n, int width) {
    std::string digits_text = std::to_string(n);
    std::string out(1, letter);
    if (digits_text.size() < static_cast<std::size_t>(width))
        out.append(static_cast<std::size_t>(width) - digits_text.size(), '0');
    out += digits_text;
    return out;
}

const char* method_name(sampling_method m) {
    switch (m) {
        case sampling_method::grid: return "grid";
        case sampling_method::lhs: return "lhs";
        case sampling_method::sobol: return "sobol";
        case sampling_method::saltelli: return "saltelli";
    }
    return "?";
}

}  // namespace

// Saltelli (2010): A and B are the first and last d dimensions of the Sobol sequence (from its
// second point); AB_k is A with column k taken from B. Per base sample j the points are
// A_j, AB_1j, ..., AB_dj, B_j (SALib's order without second-order terms), so point
// j (d + 2) + k + 1 differs from A_j in parameter k only. laborsim.sensitivity reads it.
std::vector<std::vector<double>> saltelli_design(int base_samples, std::size_t dims) {
    const sobol_sequence seq(static_cast<int>(2 * dims));
    std::vector<std::vector<double>> unit;
    for (int i = 0; i < base_samples; ++i) {
        const auto u = seq.point(static_cast<std::uint32_t>(i) + 1);
        const std::vector<double> a(u.begin(), u.begin() + static_cast<std::ptrdiff_t>(dims));
        const std::vector<double> b(u.begin() + static_cast<std::ptrdiff_t>(dims), u.end());
        unit.push_back(a);
        for (std::size_t k = 0; k < dims; ++k) {
            auto ab = a;
            ab[k] = b[k];
            unit.push_back(std::move(ab));
        }
        unit.push_back(b);
    }
    return unit;
}

sweep_plan expand_sweep(const sweep_spec& spec) {
    sweep_plan plan;
    plan.spec = spec;
    const std::size_t dims = spec.parameters.size();
    std::vector<std::vector<std::string>> point_values;  // [point][parameter]
    if (spec.method == sampling_method::grid) {
        std::vector<std::vector<std::string>> axes;
        std::size_t total = 1;
        for (const auto& p : spec.parameters) {
            axes.push_back(grid_values(p));
            total *= axes.back().size();
            if (total > 10'000'000) throw input_error(spec.source_path + ": the grid has more than 10 million points");
        }
        // Row-major: the last parameter varies fastest, like nested loops in file order.
        std::vector<std::size_t> idx(dims, 0);
        for (std::size_t n = 0; n < total; ++n) {
            std::vector<std::string> row(dims);
            for (std::size_t j = 0; j < dims; ++j) row[j] = axes[j][idx[j]];
            point_values.push_back(std::move(row));
            for (std::size_t j = dims; j-- > 0;) {
                if (++idx[j] < axes[j].size()) break;
                idx[j] = 0;
            }
        }
    } else {
        std::vector<std::vector<double>> unit;
        if (spec.method == sampling_method::lhs) {
            unit = latin_hypercube(spec.points, static_cast<int>(dims), spec.sampling_seed);
        } else if (spec.method == sampling_method::saltelli) {
            unit = saltelli_design(spec.points, dims);
        } else {
            const sobol_sequence seq(static_cast<int>(dims));
            // Point 0 of the sequence is the origin (every parameter at its low end); skip it.
            for (int i = 0; i < spec.points; ++i) unit.push_back(seq.point(static_cast<std::uint32_t>(i) + 1));
        }
        for (const auto& u : unit) {
            std::vector<std::string> row(dims);
            for (std::size_t j = 0; j < dims; ++j) row[j] = value_at(spec.parameters[j], u[j]);
            point_values.push_back(std::move(row));
        }
    }
    plan.points = static_cast<int>(point_values.size());
    const int pw = std::max(4, digits(plan.points - 1));
    const int rw = std::max(2, digits(spec.replicates - 1));
    for (int p = 0; p < plan.points; ++p) {
        for (int r = 0; r < spec.replicates; ++r) {
            sweep_run run;
            run.id = padded('p', p, pw) + "-" + padded('r', r, rw);
            run.index = static_cast<int>(plan.runs.size());
            run.point = p;
            run.replicate = r;
            // The same rule as `laborsim run --replicates`: replicate k of a sweep point and
            // replicate k of a plain replicate run share a seed (common random numbers).
            run.seed = replicate_seed(spec.base_seed, static_cast<std::uint64_t>(r));
            run.values = point_values[static_cast<std::size_t>(p)];
            plan.runs.push_back(std::move(run));
        }
    }
    return plan;
}

std::vector<std::string> sweep_plan::overrides(const sweep_run& run) const {
    std::vector<std::string> out = spec.settings;
    for (std::size_t j = 0; j < spec.parameters.size(); ++j)
        out.push_back(spec.parameters[j].key + "=" + run.values[j]);
    return out;
}

std::string sweep_plan::listing() const {
    std::ostringstream out;
    out << "# sweep " << spec.name << ": " << spec.parameters.size() << " parameters, " << points << " points ("
        << method_name(spec.method) << ") x " << spec.replicates << " replicates = " << runs.size() << " runs\n";
    for (const auto& s : spec.settings) out << "# set " << s << "\n";
    out << "run_id\tseed";
    for (const auto& p : spec.parameters) out << "\t" << p.key;
    out << "\n";
    for (const auto& r : runs) {
        out << r.id << "\t" << r.seed;
        for (const auto& v : r.values) out << "\t" << v;
        out << "\n";
    }
    return out.str();
}

}  // namespace laborsim
