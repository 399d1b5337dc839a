// Participation: people of working age join and leave the labour force. Each month a
// person outside a course and outside school (general education included) has the index
//   x_i = logit(p_band,sex) + b_e ([level >= elementary] - c_r) + b_j clamp(ln(f_r / f_r0), -1, 1)
//         + b_y ln(Y_r / Y_r0) - b_d min(months unemployed, 24) / 12 [unemployed]
// (f_r: smoothed job-finding rate, Y_r: expected income, c_r: certified share at the start)
// and the monthly hazards
//   inactive -> unemployed: kappa logistic(x_i);   employed or unemployed -> inactive: kappa logistic(-x_i)
// so that a group's steady-state participation is logistic(x): p_band,sex where the region is
// as it started. In the youngest band the hazards use the participation of those outside
// general education, p' = p / (p + (1 - q) (1 - p)), q = inactive_youth_in_school; people in
// general education (a flag of the inactive) leave it at 25, joining the labour force with
// probability logistic(x_i). Entrants start inactive with probability logistic(-x_i), and of those a
// share inactive_youth_in_school in general education (not NEET), as the initial inactive youth.
// The initial population adds, per age band and sex below the retirement age, the inactive
// LF_b,s (1 - p_b,s) / p_b,s (the youngest band less the students in school); the inactive above
// the retirement age are a count per region, the rest of the 15+ population at
// participation_rate_15plus:  R_r = max(0, LF_r / p15 - LF_r - students_r - inactive_r),
// growing with the region's modelled population.
#include "model/participation.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>

#include "core/draw_slots.hpp"
#include "core/parallel.hpp"
#include "core/rng_batch.hpp"
#include "model/phases.hpp"
#include "model/shares.hpp"

namespace laborsim {

namespace {

constexpr double max_discouraged_months = 24;
constexpr double job_finding_smoothing = 0.2;  // weight of this month in the smoothed rate
constexpr double young_limit_months = 25 * 12;

double logistic(double x) { return 1.0 / (1.0 + std::exp(-x)); }

int band_of(int age_months) {
    const double years = age_months / 12.0;
    return std::clamp(static_cast<int>((years - first_band_age_years) / age_band_years), 0, age_band_count - 1);
}

// Age bands weighted by the part of each below the retirement age, as the initial labour
// force's (build_world.cpp).
std::array<double, age_band_count> working_band_weights(const region_spec& spec, double retire) {
    std::array<double, age_band_count> out{};
    double total = 0;
    for (int k = 0; k < age_band_count; ++k)
        total += out[k] =
            spec.age_shares[k] * std::clamp((retire - age_band_start_years(k)) / age_band_years, 0.0, 1.0);
    for (auto& x : out) x = total > 0 ? x / total : 0.0;
    return out;
}

struct region_counts {
    double labor_force = 0, students = 0, certified = 0;
};

std::vector<region_counts> count_regions(const world& w) {
    const auto& ws = w.workers;
    std::vector<region_counts> out(w.region_count());
    for (std::size_t i = 0; i < ws.size(); ++i) {
        auto& c = out[ws.region[i]];
        if (ws.status[i] == static_cast<std::uint8_t>(worker_status::student)) c.students += 1;
        if (!ws.in_labor_force(i)) continue;
        c.labor_force += 1;
        c.certified += ws.level[i] >= static_cast<std::uint8_t>(education_level::elementary) ? 1 : 0;
    }
    return out;
}

// Inactive people of region r by cell (sex * age_band_count + band), in agents.
std::array<double, 2 * age_band_count> inactive_cells(const world& w, std::size_t r, const region_counts& c) {
    const auto& m = w.sc->model;
    std::array<double, 2 * age_band_count> cells{};
    for (int sex = 0; sex < 2; ++sex) {
        const double share = sex == 1 ? m.share_women : 1.0 - m.share_women;
        const auto bands =
            working_band_weights(w.sc->regions[r], sex == 1 ? m.retirement_age_women : m.retirement_age_men);
        const auto& p = sex == 1 ? m.participation_women : m.participation_men;
        for (int b = 0; b < age_band_count; ++b)
            cells[sex * age_band_count + b] = c.labor_force * share * bands[b] * (1.0 - p[b]) / p[b];
        // Students in school are the young outside the labour force already held.
        auto& young = cells[sex * age_band_count];
        young = std::max(0.0, young - c.students * share);
    }
    return cells;
}

void add_inactive_person(world& w, std::size_t r, const std::array<double, 2 * age_band_count>& cells) {
    const auto& m = w.sc->model;
    const auto& spec = w.sc->regions[r];
    auto& ws = w.workers;
    const std::uint32_t id = w.next_worker_id++;
    const std::size_t i = ws.push_back(id);
    const auto u = w.rng.uniforms(draws::participation::initial, 0, id);
    const auto v = w.rng.uniforms(draws::init::human_capital, 0, id);
    const std::size_t cell = pick_share(cells, u[0]);
    const bool female = cell >= static_cast<std::size_t>(age_band_count);
    const int band = static_cast<int>(cell % age_band_count);
    const double retire = female ? m.retirement_age_women : m.retirement_age_men;
    const double lo = age_band_start_years(band), hi = std::max(std::min(lo + age_band_years, retire), lo + 0.1);
    ws.region[i] = static_cast<std::uint16_t>(r);
    ws.age_months[i] = static_cast<std::uint16_t>(std::min((lo + (hi - lo) * u[1]) * 12.0, retire * 12.0 - 1.0));
    const bool schooling = ws.age_months[i] < young_limit_months && u[3] < m.inactive_youth_in_school;
    ws.flags[i] = static_cast<std::uint8_t>((female ? worker_flag::female : 0) |
                                            (u[2] >= spec.urban_share ? worker_flag::rural : 0) |
                                            (schooling ? worker_flag::schooling : 0));
    ws.level[i] = static_cast<std::uint8_t>(pick_share(spec.education_shares, v[0]));
    ws.field[i] = static_cast<std::uint8_t>(pick_share(spec.field_shares, v[1]));
    ws.skill[i] = static_cast<float>(m.initial_skill_sd * counter_rng::normal(v[2], v[3]));
    ws.status[i] = static_cast<std::uint8_t>(worker_status::inactive);
    ws.months_in_status[i] = static_cast<std::uint16_t>(u[3] * 24);
    ws.wage_vnd[i] = static_cast<std::uint32_t>(w.entry_wage(i));
}

}  // namespace

double participation_target(const model_params& m, bool female, int age_months, bool out_of_school) {
    const auto& shares = female ? m.participation_women : m.participation_men;
    const int band = band_of(age_months);
    double p = shares[static_cast<std::size_t>(band)];
    if (out_of_school && band == 0) p = p / (p + (1.0 - m.inactive_youth_in_school) * (1.0 - p));
    return std::clamp(p, 1e-4, 1.0 - 1e-4);
}

double participation_index(const world& w, std::size_t i, bool with_pupils) {
    const auto& m = w.sc->model;
    const auto& ws = w.workers;
    const auto& reg = w.regions[ws.region[i]];
    const double p = participation_target(m, ws.has(i, worker_flag::female), ws.age_months[i], !with_pupils);
    double x = std::log(p / (1.0 - p));
    const bool certified = ws.level[i] >= static_cast<std::uint8_t>(education_level::elementary);
    x += m.participation_education_effect * ((certified ? 1.0 : 0.0) - reg.certified_share_initial);
    if (reg.job_finding_rate > 0 && reg.job_finding_rate_initial > 0)
        x += m.participation_job_finding_effect *
             std::clamp(std::log(reg.job_finding_rate / reg.job_finding_rate_initial), -1.0, 1.0);
    if (reg.expected_income > 0 && reg.expected_income_initial > 0)
        x += m.participation_income_effect * std::log(reg.expected_income / reg.expected_income_initial);
    if (ws.status[i] == static_cast<std::uint8_t>(worker_status::unemployed))
        x -= m.discouragement_effect * std::min<double>(ws.months_in_status[i], max_discouraged_months) / 12.0;
    return x;
}

void add_initial_inactive(world& w) {
    const auto& m = w.sc->model;
    const auto counts = count_regions(w);
    for (std::size_t r = 0; r < w.region_count(); ++r) {
        auto& reg = w.regions[r];
        const auto& c = counts[r];
        reg.certified_share_initial = c.labor_force > 0 ? c.certified / c.labor_force : 0.0;
        reg.expected_income_initial = reg.expected_income;
        if (!participation_on(m) || c.labor_force <= 0) continue;
        const auto cells = inactive_cells(w, r, c);
        double total = 0;
        for (double x : cells) total += x;
        const auto n = static_cast<std::int64_t>(std::llround(total));
        for (std::int64_t k = 0; k < n; ++k) add_inactive_person(w, r, cells);
        const auto added = static_cast<double>(n);
        reg.retired_agents_initial =
            std::max(0.0, c.labor_force / m.participation_rate_15plus - c.labor_force - c.students - added);
        // Entrants keep the whole working-age population, not only the labour force, growing.
        reg.workers_target_growth *= (c.labor_force + added) / c.labor_force;
        reg.population_agents += n;
        reg.population_agents_initial = reg.population_agents;
    }
}

void set_entrant_participation(world& w, std::size_t i) {
    const auto& m = w.sc->model;
    if (!participation_on(m)) return;
    auto& ws = w.workers;
    const auto u = w.rng.uniforms(draws::participation::entrant, w.month_key(), ws.id[i]);
    if (u[0] < logistic(participation_index(w, i, true))) return;
    ws.status[i] = static_cast<std::uint8_t>(worker_status::inactive);
    ws.set(i, worker_flag::schooling, u[1] < m.inactive_youth_in_school && ws.age_months[i] < young_limit_months);
}

double retired_agents(const world& w, std::size_t r, std::int64_t alive) {
    const auto& reg = w.regions[r];
    if (reg.population_agents_initial <= 0) return 0;
    return reg.retired_agents_initial * static_cast<double>(alive) / static_cast<double>(reg.population_agents_initial);
}

void update_participation_state(world& w, const month_stats& s) {
    for (std::size_t r = 0; r < w.region_count(); ++r) {
        auto& reg = w.regions[r];
        const double f = s.at(r, indicator::job_finding_rate);
        if (f <= 0) continue;
        reg.job_finding_rate = reg.job_finding_rate > 0
                                   ? (1 - job_finding_smoothing) * reg.job_finding_rate + job_finding_smoothing * f
                                   : f;
        if (reg.job_finding_rate_initial <= 0) reg.job_finding_rate_initial = f;
    }
}

void run_participation(world& w) {
    const auto& m = w.sc->model;
    if (!participation_on(m) || m.participation_turnover <= 0) return;
    auto& ws = w.workers;
    auto& fs = w.firms;
    const double kappa = m.participation_turnover;
    constexpr auto inactive = static_cast<std::uint8_t>(worker_status::inactive);
    constexpr auto employed = static_cast<std::uint8_t>(worker_status::employed);
    constexpr auto unemployed = static_cast<std::uint8_t>(worker_status::unemployed);
    const auto moves =
        count_blocks(ws.size(), w.block_size, 2 * w.region_count(), [&](std::size_t b, std::size_t e, std::int64_t* c) {
            // Not in a course, nor in general education below 25 (`&` rather than `&&`: no branches).
            auto moves_in_or_out = [&](std::size_t i) {
                const auto st = ws.status[i];
                return ((st == inactive) | (st == employed) | (st == unemployed)) & (ws.course[i] == no_course) &
                       !(ws.has(i, worker_flag::schooling) & (ws.age_months[i] < young_limit_months));
            };
            for_each_drawn_if(w.rng, draws::participation::transition, w.month_key(), ws.id.data(), b, e,
                              moves_in_or_out, [&](std::size_t i, const draw_words& d, std::size_t j) {
                                  const auto st = ws.status[i];
                                  const bool pupil = ws.has(i, worker_flag::schooling);
                                  // Leaving general education at 25 (the hazard otherwise).
                                  const double u = pupil ? d.unit(j, 1) * kappa : d.unit(j, 0);
                                  if (u >= kappa) return;  // both hazards are at most kappa
                                  const double p = logistic(participation_index(w, i));
                                  if (st == inactive) {
                                      ws.set(i, worker_flag::schooling, false);
                                      if (u >= kappa * p) return;
                                      ws.status[i] = static_cast<std::uint8_t>(worker_status::unemployed);
                                      ws.set(i, worker_flag::schooling, false);
                                      c[2 * ws.region[i]] += 1;
                                  } else {
                                      if (u >= kappa * (1.0 - p)) return;
                                      if (st == employed) {
                                          std::atomic_ref<std::int32_t>(fs.headcount[ws.employer[i]])
                                              .fetch_sub(1, std::memory_order_relaxed);
                                          ws.employer[i] = no_employer;
                                          ws.set(i, worker_flag::mismatched, false);
                                      }
                                      ws.status[i] = inactive;
                                      ws.set(i, worker_flag::placement, false);
                                      c[2 * ws.region[i] + 1] += 1;
                                  }
                                  ws.months_in_status[i] = 0;
                              });
        });
    w.add_flows(moves, {flow::activations, flow::deactivations});
}

}  // namespace laborsim
