// Monthly statistics per region, from integer counts (so they never depend on the thread
// count): stocks by status and level, wage sums and a log-wage histogram for quantiles,
// plus the flows the phases counted. Outputs are in persons (agent counts / scale).
// Over-qualification is read from the employer's required level at the time of counting.
#include <algorithm>
#include <cmath>

#include "core/branchless.hpp"
#include "core/parallel.hpp"
#include "core/units.hpp"
#include "model/participation.hpp"
#include "model/phases.hpp"
#include "model/wage_bins.hpp"

namespace laborsim {

namespace {

enum slot : int {
    lf,
    emp,
    unemp,
    students,
    trained,
    certified,
    hq,
    wage_sum,
    mismatched,
    skill_sum_micro,
    doctors,
    alive,
    abroad,
    overqualified,
    inactive,
    neet,
    formal_emp,
    formal_wage_sum,
    formal_at_min,
    lf_level0,
    emp_field0 = lf_level0 + education_count,
    hist0 = emp_field0 + field_count
};
constexpr int width = hist0 + wage_bins::count;

// What the worker pass counts per region: one joint count by (status, level, field,
// mismatched, over-qualified) instead of a dozen separate counters (each a read-modify-write
// a worker), then sums that need the worker's values, then the wage histogram. The slots
// above are derived from it per region.
constexpr int status_count = static_cast<int>(worker_status_names.size());
constexpr int joint_count = status_count * education_count * field_count * 4;
enum raw_slot : int {
    raw_skill_sum_micro,
    raw_wage_sum,
    raw_neet,
    raw_formal_emp,
    raw_formal_wage_sum,
    raw_formal_at_min,
    raw_joint0,
    raw_hist0 = raw_joint0 + joint_count
};
constexpr int raw_width = raw_hist0 + wage_bins::count;

void derive_slots(const std::int64_t* raw, std::int64_t* x) {
    x[skill_sum_micro] = raw[raw_skill_sum_micro];
    x[wage_sum] = raw[raw_wage_sum];
    x[neet] = raw[raw_neet];
    x[formal_emp] = raw[raw_formal_emp];
    x[formal_wage_sum] = raw[raw_formal_wage_sum];
    x[formal_at_min] = raw[raw_formal_at_min];
    for (int k = 0; k < wage_bins::count; ++k) x[hist0 + k] = raw[raw_hist0 + k];
    constexpr auto employed = static_cast<int>(worker_status::employed);
    constexpr auto unemployed = static_cast<int>(worker_status::unemployed);
    // Indicators by level: trained >= short_course, certified >= elementary, high quality >= university.
    constexpr auto short_course = static_cast<int>(education_level::short_course);
    constexpr auto elementary = static_cast<int>(education_level::elementary);
    constexpr auto university = static_cast<int>(education_level::university);
    constexpr auto health = static_cast<int>(field_kind::health);
    for (int st = 0; st < status_count; ++st)
        for (int level = 0; level < education_count; ++level)
            for (int field = 0; field < field_count; ++field)
                for (int mo = 0; mo < 4; ++mo) {
                    const std::int64_t n =
                        raw[raw_joint0 + ((st * education_count + level) * field_count + field) * 4 + mo];
                    if (n == 0) continue;
                    if (st == static_cast<int>(worker_status::abroad)) {
                        x[abroad] += n;
                        continue;
                    }
                    x[alive] += n;
                    if (st == static_cast<int>(worker_status::student)) {
                        x[students] += n;
                        continue;
                    }
                    if (st == static_cast<int>(worker_status::inactive)) {
                        x[inactive] += n;
                        continue;
                    }
                    if (st != employed && st != unemployed) continue;
                    x[lf] += n;
                    x[lf_level0 + level] += n;
                    x[trained] += level >= short_course ? n : 0;
                    x[certified] += level >= elementary ? n : 0;
                    x[hq] += level >= university ? n : 0;
                    if (st == employed) {
                        x[emp] += n;
                        x[emp_field0 + field] += n;
                        x[mismatched] += (mo & 2) ? n : 0;
                        x[overqualified] += (mo & 1) ? n : 0;
                        x[doctors] += field == health && level >= university ? n : 0;
                    } else {
                        x[unemp] += n;
                    }
                }
}

// std::llround (half away from zero) without the library call, exact for |x| < 2^52.
std::int64_t round_half_away(double x) {
    const double a = std::fabs(x);
    if (!(a < 4.0e18)) return std::isnan(x) ? 0 : (x < 0 ? -4'000'000'000'000'000'000 : 4'000'000'000'000'000'000);
    const auto t = static_cast<std::int64_t>(a);
    const std::int64_t r = t + (a - static_cast<double>(t) >= 0.5);
    return select(x < 0, -r, r);
}

double wage_quantile(const std::int64_t* hist, std::int64_t total, double q) {
    if (total == 0) return 0;
    const double target = q * static_cast<double>(total);
    std::int64_t acc = 0;
    for (int k = 0; k < wage_bins::count; ++k) {
        if (acc + hist[k] >= target && hist[k] > 0) {
            const double frac = (target - static_cast<double>(acc)) / static_cast<double>(hist[k]);
            return wage_bins::wage_at(k + frac);
        }
        acc += hist[k];
    }
    return wage_bins::wage_at(wage_bins::count);
}

// The worker pass: raw counts per region, [region * raw_width + raw_slot].
std::vector<std::int64_t> count_workers(const world& w) {
    const auto& ws = w.workers;
    const auto& fs = w.firms;
    const std::size_t R = w.region_count();
    const int gap = static_cast<int>(w.sc->model.overqualification_gap);
    const auto& bin_of = wage_bins::table();
    // A formal wage at most 1 VND above the minimum is at the minimum (wages are whole VND).
    std::vector<std::uint32_t> at_minimum(R);
    for (std::size_t r = 0; r < R; ++r)
        at_minimum[r] =
            static_cast<std::uint32_t>(std::clamp(w.regions[r].min_wage_vnd + 1.0, 0.0, wage_cap_vnd_month));
    constexpr int youth_months = 25 * 12;
    return count_blocks(ws.size(), w.block_size, R * raw_width, [&](std::size_t b, std::size_t e, std::int64_t* cnt) {
        const std::uint16_t* const region = ws.region.data();
        const std::uint8_t* const status = ws.status.data();
        const std::uint8_t* const level = ws.level.data();
        const std::uint8_t* const field = ws.field.data();
        const std::uint8_t* const flags = ws.flags.data();
        const std::uint16_t* const age = ws.age_months.data();
        const std::uint8_t* const course = ws.course.data();
        const float* const skill = ws.skill.data();
        const std::uint32_t* const wage = ws.wage_vnd.data();
        const std::int32_t* const employer = ws.employer.data();
        const std::uint8_t* const min_level = column_or_zero(fs.min_level);
        const std::uint8_t* const formal = column_or_zero(fs.is_formal);
        constexpr auto employed = static_cast<std::uint8_t>(worker_status::employed);
        constexpr auto unemployed = static_cast<std::uint8_t>(worker_status::unemployed);
        constexpr auto inactive = static_cast<std::uint8_t>(worker_status::inactive);
        // Sums over a run of workers of one region stay in registers (workers are stored mostly
        // region by region) and are added to the region's slots when the region changes; the
        // worker's status and formality choose by masks, not branches.
        std::size_t r = b < e ? region[b] : 0;
        std::int64_t skill_sum = 0, wage_sum = 0, neet = 0, formal_emp = 0, formal_wage = 0, formal_min = 0;
        auto flush = [&] {
            std::int64_t* x = cnt + r * raw_width;
            x[raw_skill_sum_micro] += skill_sum;
            x[raw_wage_sum] += wage_sum;
            x[raw_neet] += neet;
            x[raw_formal_emp] += formal_emp;
            x[raw_formal_wage_sum] += formal_wage;
            x[raw_formal_at_min] += formal_min;
            skill_sum = wage_sum = neet = formal_emp = formal_wage = formal_min = 0;
        };
        for (std::size_t i = b; i < e; ++i) {
            if (region[i] != r) {
                flush();
                r = region[i];
            }
            std::int64_t* x = cnt + r * raw_width;
            const auto st = status[i];
            const int lv = level[i];
            const bool emp = st == employed;
            const auto f = static_cast<std::size_t>(select(emp, employer[i], 0));
            const int match = ((flags[i] & worker_flag::mismatched) ? 2 : 0) + (lv >= min_level[f] + gap ? 1 : 0);
            const int joint = ((st * education_count + lv) * field_count + field[i]) * 4 + masked(emp, match);
            const std::int64_t pay = wage[i];
            wage_sum += masked(emp, pay);
            x[raw_hist0 + bin_of(wage[i])] += emp;
            const bool in_formal = emp & (formal[f] != 0);
            formal_emp += in_formal;
            formal_wage += masked(in_formal, pay);
            formal_min += in_formal & (wage[i] <= at_minimum[r]);
            // Not employed, not in education or training.
            const bool idle = (st == unemployed) | ((st == inactive) & !(flags[i] & worker_flag::schooling));
            neet += idle & (age[i] < youth_months) & (course[i] == no_course);
            skill_sum += masked(emp | (st == unemployed), round_half_away(skill[i] * 1e6));
            x[raw_joint0 + joint] += 1;
        }
        if (b < e) flush();
    });
}

}  // namespace

void collect_statistics(const world& w, month_stats& out) {
    const std::size_t R = w.region_count();
    const auto raw = count_workers(w);
    std::vector<std::int64_t> c(R * width, 0);
    for (std::size_t r = 0; r < R; ++r) derive_slots(&raw[r * raw_width], &c[r * width]);
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
        const double population =
            w.sc->regions[r].population > 0
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
        out.at(r, indicator::firm_trained) = F(flow::firm_trained) * per;
        const double outside =
            static_cast<double>(x[students] + x[inactive]) + retired_agents(w, r, x[alive]);  // of the 15+ population
        out.at(r, indicator::participation_rate) = ratio(L, L + outside);
        out.at(r, indicator::population_15plus) = (L + outside) * per;
        out.at(r, indicator::inactive) = static_cast<double>(x[inactive]) * per;
        out.at(r, indicator::neet_youth) = static_cast<double>(x[neet]) * per;
        const double formal_jobs = static_cast<double>(x[formal_emp]);
        out.at(r, indicator::informal_share) = ratio(E - formal_jobs, E);
        out.at(r, indicator::formal_employed) = formal_jobs * per;
        out.at(r, indicator::formal_mean_wage) = ratio(static_cast<double>(x[formal_wage_sum]), formal_jobs);
        out.at(r, indicator::formal_at_minimum_share) = ratio(static_cast<double>(x[formal_at_min]), formal_jobs);
        for (int k = 0; k < education_count; ++k) {
            out.enrolments_by_education[r][k] = F(enrolments_at(k)) * per;
            out.graduates_by_education[r][k] = F(graduates_at(k)) * per;
        }
        for (int k = 0; k < education_count; ++k)
            out.labor_force_by_education[r][k] = static_cast<double>(x[lf_level0 + k]) * per;
        for (int k = 0; k < field_count; ++k)
            out.employed_by_field[r][k] = static_cast<double>(x[emp_field0 + k]) * per;
    }
}

void update_region_state(world& w, const month_stats& s) {
    for (std::size_t r = 0; r < w.region_count(); ++r) {
        auto& reg = w.regions[r];
        reg.expected_income = s.at(r, indicator::mean_wage) * (1.0 - s.at(r, indicator::unemployment_rate));
        reg.population_agents = std::llround(s.at(r, indicator::population) * w.scale);
        reg.labor_force_agents = s.at(r, indicator::labor_force) * w.scale;
    }
    update_participation_state(w, s);
}

}  // namespace laborsim
