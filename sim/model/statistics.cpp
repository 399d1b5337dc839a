// Monthly statistics per region, from integer counts (so they never depend on the thread
// count): stocks by status and level, wage sums and a log-wage histogram for quantiles,
// plus the flows the phases counted. Outputs are in persons (agent counts / scale).
// Over-qualification is read from the employer's required level at the time of counting.
#include <cmath>

#include "core/parallel.hpp"
#include "model/phases.hpp"

namespace laborsim {

namespace {

enum slot : int {
    lf, emp, unemp, students, trained, certified, hq, wage_sum, mismatched, skill_sum_micro,
    doctors, alive, abroad, overqualified, lf_level0, emp_field0 = lf_level0 + education_count,
    hist0 = emp_field0 + field_count
};
constexpr int wage_bins = 512;
constexpr double wage_bin_base = 1.0e5;   // VND; bin k covers base * exp(k / 40) upward
constexpr double wage_bins_per_log = 40.0;
constexpr int width = hist0 + wage_bins;

int wage_bin(double wage) {
    if (wage <= wage_bin_base) return 0;
    return std::min(wage_bins - 1, static_cast<int>(std::log(wage / wage_bin_base) * wage_bins_per_log));
}

double wage_quantile(const std::int64_t* hist, std::int64_t total, double q) {
    if (total == 0) return 0;
    const double target = q * static_cast<double>(total);
    std::int64_t acc = 0;
    for (int k = 0; k < wage_bins; ++k) {
        if (acc + hist[k] >= target && hist[k] > 0) {
            const double frac = (target - static_cast<double>(acc)) / static_cast<double>(hist[k]);
            return wage_bin_base * std::exp((k + frac) / wage_bins_per_log);
        }
        acc += hist[k];
    }
    return wage_bin_base * std::exp(wage_bins / wage_bins_per_log);
}

}  // namespace

void collect_statistics(const world& w, month_stats& out) {
    const auto& ws = w.workers;
    const auto& fs = w.firms;
    const std::size_t R = w.region_count();
    const int gap = static_cast<int>(w.sc->model.overqualification_gap);
    const auto c = count_blocks(ws.size(), w.block_size, R * width, [&](std::size_t b, std::size_t e, std::int64_t* cnt) {
        for (std::size_t i = b; i < e; ++i) {
            std::int64_t* x = cnt + static_cast<std::size_t>(ws.region[i]) * width;
            const auto st = ws.status[i];
            if (st == static_cast<std::uint8_t>(worker_status::abroad)) { x[abroad] += 1; continue; }
            x[alive] += 1;
            if (st == static_cast<std::uint8_t>(worker_status::student)) { x[students] += 1; continue; }
            if (!ws.in_labor_force(i)) continue;
            const int level = ws.level[i];
            x[lf] += 1;
            x[lf_level0 + level] += 1;
            x[trained] += level >= 1;
            x[certified] += level >= 2;
            x[hq] += level >= 5;
            x[skill_sum_micro] += std::llround(ws.skill[i] * 1e6);
            if (st == static_cast<std::uint8_t>(worker_status::employed)) {
                x[emp] += 1;
                x[emp_field0 + ws.field[i]] += 1;
                x[wage_sum] += ws.wage_vnd[i];
                x[mismatched] += ws.has(i, worker_flag::mismatched);
                x[overqualified] += level >= fs.min_level[ws.employer[i]] + gap;
                x[doctors] += ws.field[i] == static_cast<std::uint8_t>(field_kind::health) && level >= 5;
                x[hist0 + wage_bin(ws.wage_vnd[i])] += 1;
            } else {
                x[unemp] += 1;
            }
        }
    });
    out.reset(R);
    const double per = 1.0 / w.scale;
    auto ratio = [](double a, double b) { return b > 0 ? a / b : 0.0; };
    for (std::size_t r = 0; r < R; ++r) {
        const std::int64_t* x = &c[r * width];
        const auto& fl = w.flows[r];
        auto F = [&](flow f) { return static_cast<double>(fl[static_cast<int>(f)]); };
        const double L = static_cast<double>(x[lf]), E = static_cast<double>(x[emp]);
        out.at(r, indicator::labor_force) = L * per;
        out.at(r, indicator::employed) = E * per;
        out.at(r, indicator::unemployed) = static_cast<double>(x[unemp]) * per;
        out.at(r, indicator::unemployment_rate) = ratio(static_cast<double>(x[unemp]), L);
        out.at(r, indicator::students) = static_cast<double>(x[students]) * per;
        out.at(r, indicator::trained_rate) = ratio(static_cast<double>(x[trained]), L);
        out.at(r, indicator::certified_rate) = ratio(static_cast<double>(x[certified]), L);
        out.at(r, indicator::high_quality_rate) = ratio(static_cast<double>(x[hq]), L);
        out.at(r, indicator::mean_wage) = ratio(static_cast<double>(x[wage_sum]), E);
        out.at(r, indicator::wage_p10) = wage_quantile(x + hist0, x[emp], 0.1);
        out.at(r, indicator::wage_p50) = wage_quantile(x + hist0, x[emp], 0.5);
        out.at(r, indicator::wage_p90) = wage_quantile(x + hist0, x[emp], 0.9);
        out.at(r, indicator::vacancies) = F(flow::vacancies) * per;
        out.at(r, indicator::hires) = F(flow::hires) * per;
        out.at(r, indicator::separations) = F(flow::separations) * per;
        out.at(r, indicator::job_finding_rate) = ratio(F(flow::hires_from_unemployment), F(flow::unemployed_searchers));
        out.at(r, indicator::vacancy_filling_rate) = ratio(F(flow::hires), F(flow::vacancies));
        out.at(r, indicator::mismatch_rate) = ratio(static_cast<double>(x[mismatched]), E);
        out.at(r, indicator::enrolments) = F(flow::enrolments) * per;
        out.at(r, indicator::graduates) = F(flow::graduates) * per;
        out.at(r, indicator::migration_in) = F(flow::migration_in) * per;
        out.at(r, indicator::migration_out) = F(flow::migration_out) * per;
        out.at(r, indicator::mean_skill) = ratio(static_cast<double>(x[skill_sum_micro]) * 1e-6, L);
        // The region's total population grows with the modelled one (15+ in the labour force or in school).
        const double population = w.sc->regions[r].population > 0
            ? w.sc->regions[r].population * static_cast<double>(x[alive]) /
                  static_cast<double>(std::max<std::int64_t>(1, w.regions[r].population_agents_initial))
            : static_cast<double>(x[alive]) * per;
        out.at(r, indicator::doctors_per_10k) = ratio(static_cast<double>(x[doctors]) * per * 1e4, population);
        out.at(r, indicator::population) = static_cast<double>(x[alive]) * per;
        out.at(r, indicator::entrants) = F(flow::entries) * per;
        out.at(r, indicator::exits) = F(flow::exits) * per;
        out.at(r, indicator::dropouts) = F(flow::dropouts) * per;
        out.at(r, indicator::layoffs) = F(flow::layoffs) * per;
        out.at(r, indicator::overqualification_rate) = ratio(static_cast<double>(x[overqualified]), E);
        out.at(r, indicator::students_abroad) = static_cast<double>(x[abroad]) * per;
        out.at(r, indicator::abroad_departures) = F(flow::abroad_departures) * per;
        out.at(r, indicator::abroad_returns) = F(flow::abroad_returns) * per;
        out.at(r, indicator::abroad_emigrants) = F(flow::abroad_stayers) * per;
        for (int k = 0; k < education_count; ++k) {
            out.enrolments_by_education[r][k] = F(enrolments_at(k)) * per;
            out.graduates_by_education[r][k] = F(graduates_at(k)) * per;
        }
        for (int k = 0; k < education_count; ++k) out.labor_force_by_education[r][k] = static_cast<double>(x[lf_level0 + k]) * per;
        for (int k = 0; k < field_count; ++k) out.employed_by_field[r][k] = static_cast<double>(x[emp_field0 + k]) * per;
    }
}

void update_region_state(world& w, const month_stats& s) {
    for (std::size_t r = 0; r < w.region_count(); ++r) {
        auto& reg = w.regions[r];
        reg.expected_income = s.at(r, indicator::mean_wage) * (1.0 - s.at(r, indicator::unemployment_rate));
        reg.population_agents = std::llround(s.at(r, indicator::population) * w.scale);
        reg.labor_force_agents = s.at(r, indicator::labor_force) * w.scale;
    }
}

}  // namespace laborsim
