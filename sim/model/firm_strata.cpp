#include "model/firm_strata.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/units.hpp"

namespace laborsim {

namespace {

// Standard normal quantile by Newton steps on the CDF (p in (0, 1); a few dozen calls a market).
double normal_quantile(double p) {
    double z = 0;
    for (int k = 0; k < 60; ++k) {
        const double cdf = 0.5 * std::erfc(-z / std::sqrt(2.0));
        const double pdf = std::exp(-0.5 * z * z) / std::sqrt(2.0 * 3.141592653589793);
        const double step = (cdf - p) / std::max(pdf, 1e-300);
        z -= std::clamp(step, -1.0, 1.0);
        if (std::abs(step) < 1e-12) break;
    }
    return z;
}

struct cell {
    std::uint8_t level;
    bool is_public;
    double share;
    std::size_t agents = 0;
};

// K agents over the cells in proportion to their shares, by largest remainder (ties: the
// earlier cell), so the allocation is a function of the shares alone.
void allocate(std::vector<cell>& cells, std::size_t K) {
    const double total =
        std::accumulate(cells.begin(), cells.end(), 0.0, [](double a, const cell& c) { return a + c.share; });
    std::vector<double> rest(cells.size());
    std::size_t given = 0;
    for (std::size_t c = 0; c < cells.size(); ++c) {
        const double exact = static_cast<double>(K) * cells[c].share / total;
        cells[c].agents = static_cast<std::size_t>(std::floor(exact));
        rest[c] = exact - std::floor(exact);
        given += cells[c].agents;
    }
    while (given < K) {
        const auto c = static_cast<std::size_t>(std::max_element(rest.begin(), rest.end()) - rest.begin());
        cells[c].agents += 1;
        rest[c] = -1;
        ++given;
    }
}

}  // namespace

double market_persons(const region_spec& r, std::size_t field) {
    const double total = std::accumulate(r.field_shares.begin(), r.field_shares.end(), 0.0);
    return total > 0 ? r.labor_force * r.field_shares[field] / total : 0.0;
}

std::vector<firm_stratum> market_strata(const model_params& m, const region_spec& r, std::size_t field) {
    if (r.field_shares[field] <= 0) return {};
    const double establishments = market_persons(r, field) * r.firms_per_1000_workers / 1000.0;
    const double per_agent = std::max(1.0, m.establishments_per_firm_agent);
    const auto K = static_cast<std::size_t>(
        std::clamp(std::ceil(establishments / per_agent), 1.0, std::max(1.0, std::floor(m.firm_agents_per_market))));
    const double pub = std::clamp(m.public_employer_share[field], 0.0, 1.0);
    std::vector<cell> cells;
    const auto& levels = m.job_level_shares[field];
    const double level_total = std::accumulate(levels.begin(), levels.end(), 0.0);
    for (std::size_t l = 0; l < levels.size(); ++l) {
        const double s = level_total > 0 ? levels[l] / level_total : (l == 0 ? 1.0 : 0.0);
        if (s <= 0) continue;
        if (pub < 1) cells.push_back({static_cast<std::uint8_t>(l), false, s * (1 - pub)});
        if (pub > 0) cells.push_back({static_cast<std::uint8_t>(l), true, s * pub});
    }
    allocate(cells, K);
    // Each agent stands for an equal share of the market's jobs: a cell's share is rounded to
    // whole agents (largest remainder), so no agent is smaller than the market / K.
    std::vector<firm_stratum> out;
    for (const auto& c : cells)
        for (std::size_t j = 0; j < c.agents; ++j) {
            const double q = (static_cast<double>(j) + 0.5) / static_cast<double>(c.agents);
            out.push_back(
                {c.level, c.is_public, m.productivity_sigma * normal_quantile(q), 1.0 / static_cast<double>(K)});
        }
    return out;
}

supported_scale minimum_supported_scale(const scenario& sc) {
    supported_scale out;
    for (const auto& r : sc.regions)
        for (std::size_t f = 0; f < field_count; ++f) {
            const double employed = market_persons(r, f) * (1 - r.unemployment_rate);
            for (const auto& s : market_strata(sc.model, r, f)) {
                const double persons = employed * s.weight;
                if (persons <= 0) continue;
                const double needed = min_agents_per_firm_agent / persons;
                if (needed > out.scale) out = {needed, r.id + "." + std::string(field_names[f]), persons};
            }
        }
    return out;
}

}  // namespace laborsim
