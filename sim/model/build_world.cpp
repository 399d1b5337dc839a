// Initial state: workers drawn from each region's labour-force distributions, firms per
// region x field market sized to employ them, schools from the scenario.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/draw_slots.hpp"
#include "core/parallel.hpp"
#include "core/units.hpp"
#include "laborsim/errors.hpp"
#include "model/firm_strata.hpp"
#include "model/formality.hpp"
#include "model/panel_sample.hpp"
#include "model/participation.hpp"
#include "model/productivity.hpp"
#include "model/shares.hpp"
#include "model/world.hpp"

namespace laborsim {

namespace {

double haversine_km(double lat1, double lon1, double lat2, double lon2) {
    constexpr double rad = 3.141592653589793 / 180.0;
    const double dlat = (lat2 - lat1) * rad, dlon = (lon2 - lon1) * rad;
    const double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
                     std::cos(lat1 * rad) * std::cos(lat2 * rad) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2 * 6371.0 * std::asin(std::sqrt(std::min(1.0, a)));
}

education_level school_output_level(const school_spec& spec) {
    if (spec.level) return *spec.level;
    switch (spec.kind) {
        case school_kind::vocational_centre: return education_level::elementary;
        case school_kind::vocational_college: return education_level::college;
        case school_kind::university: return education_level::university;
    }
    return education_level::elementary;
}

// Firm agents per market from the data (firm_strata.hpp), never from the agent count; the
// strata's weights are the draw weights of the initial employers.
void build_firms(world& w) {
    const auto& sc = *w.sc;
    const std::size_t R = sc.regions.size();
    w.market_firm_begin.assign(w.market_count() + 1, 0);
    std::vector<std::vector<firm_stratum>> strata(w.market_count());
    for (std::size_t r = 0; r < R; ++r)
        for (std::size_t f = 0; f < field_count; ++f) {
            strata[world::market_of(r, f)] = market_strata(sc.model, sc.regions[r], f);
            w.market_firm_begin[world::market_of(r, f) + 1] = strata[world::market_of(r, f)].size();
        }
    std::partial_sum(w.market_firm_begin.begin(), w.market_firm_begin.end(), w.market_firm_begin.begin());
    w.firms.resize(w.market_firm_begin.back());
    for (std::size_t mk = 0; mk < w.market_count(); ++mk)
        for (std::size_t k = 0; k < strata[mk].size(); ++k) {
            const std::size_t i = w.market_firm_begin[mk] + k;
            const auto& s = strata[mk][k];
            w.firms.region[i] = static_cast<std::uint16_t>(mk / field_count);
            w.firms.field[i] = static_cast<std::uint8_t>(mk % field_count);
            w.firms.min_level[i] = s.min_level;
            w.firms.is_public[i] = s.is_public ? 1 : 0;
            w.firms.log_productivity[i] = static_cast<float>(s.log_productivity);
            w.firms.base_size[i] = static_cast<float>(s.weight);
        }
}

void build_schools(world& w) {
    const auto& sc = *w.sc;
    w.schools.resize(sc.schools.size());
    w.region_schools.assign(sc.regions.size(), {});
    for (std::size_t s = 0; s < sc.schools.size(); ++s) {
        const auto& spec = sc.schools[s];
        std::size_t r = 0;
        while (r < sc.regions.size() && sc.regions[r].id != spec.region) ++r;
        if (r == sc.regions.size()) throw internal_error("school " + spec.id + " has an unknown region");
        w.schools.region[s] = static_cast<std::uint16_t>(r);
        w.schools.kind[s] = static_cast<std::uint8_t>(spec.kind);
        w.schools.field[s] = static_cast<std::uint8_t>(spec.field);
        w.schools.output_level[s] = static_cast<std::uint8_t>(school_output_level(spec));
        w.schools.open[s] = 1;
        w.schools.seats_per_month[s] = spec.seats_per_year * w.scale / 12.0;
        w.schools.program_months[s] = std::max(1, spec.program_months);
        w.schools.completion_rate[s] = spec.completion_rate;
        w.schools.skill_gain[s] = spec.skill_gain;
        w.schools.tuition_vnd_year[s] = spec.tuition_vnd_year;
        w.schools.recruitment_intensity[s] = spec.recruitment_intensity;
        w.schools.quality[s] = spec.quality;
        w.region_schools[r].push_back(static_cast<std::uint32_t>(s));
    }
}

// Schools start in their steady state: each cohort still enrolled, admitted k months ago,
// is the monthly intake times the share that has not yet dropped out (education.cpp).
void seed_students(world& w) {
    const auto& m = w.sc->model;
    auto& ws = w.workers;
    auto& sch = w.schools;
    for (std::size_t s = 0; s < sch.size(); ++s) {
        const std::size_t r = sch.region[s];
        const auto& spec = w.sc->regions[r];
        const int T = sch.program_months[s];
        const double stay = std::pow(std::clamp(sch.completion_rate[s], 1e-9, 1.0), m.in_program_dropout_share / T);
        for (int k = 0; k < T; ++k) {
            const auto u0 = w.rng.uniforms(draws::school_init::cohort_size, static_cast<std::uint32_t>(k),
                                           static_cast<std::uint32_t>(s));
            const auto count = stochastic_round(sch.seats_per_month[s] * std::pow(stay, k), u0[0]);
            for (std::int64_t c = 0; c < count; ++c) {
                const std::uint32_t id = w.next_worker_id++;
                const std::size_t i = ws.push_back(id);
                auto u = w.rng.uniforms(draws::init::demographics, 0, id);
                auto v = w.rng.uniforms(draws::init::human_capital, 0, id);
                const bool female = u[2] < m.share_women;
                // Aged as an entrant admitted k months ago.
                const double age = 0.5 * (m.entrant_age_min + m.entrant_age_max) + static_cast<double>(k) / 12.0 + u[0];
                ws.region[i] = static_cast<std::uint16_t>(r);
                ws.age_months[i] = static_cast<std::uint16_t>(12.0 * age);
                ws.flags[i] = static_cast<std::uint8_t>((female ? worker_flag::female : 0) |
                                                        (u[3] >= spec.urban_share ? worker_flag::rural : 0));
                ws.level[i] = static_cast<std::uint8_t>(education_level::none);  // secondary school leavers
                ws.field[i] = static_cast<std::uint8_t>(pick_share(spec.field_shares, u[1]));
                ws.skill[i] =
                    static_cast<float>(m.entrant_skill_offset + m.initial_skill_sd * counter_rng::normal(v[0], v[1]));
                ws.status[i] = static_cast<std::uint8_t>(worker_status::student);
                ws.employer[i] = static_cast<std::int32_t>(s);
                ws.months_in_status[i] = static_cast<std::uint16_t>(k);
                ws.wage_vnd[i] = static_cast<std::uint32_t>(w.entry_wage(i));
                sch.enrolled[s] += 1;
                w.regions[r].population_agents += 1;
            }
        }
    }
    for (auto& reg : w.regions) reg.population_agents_initial = reg.population_agents;
}

// Ages are uniform within each band; the part of a band past the retirement age is not in
// the labour force, so each band weighs by the part below it.
std::array<double, age_band_count> band_weights(const region_spec& spec, double retire) {
    std::array<double, age_band_count> out{};
    for (int k = 0; k < age_band_count; ++k)
        out[k] = spec.age_shares[k] * std::clamp((retire - age_band_start_years(k)) / age_band_years, 0.0, 1.0);
    return out;
}

// Employer draw weights: cumulative firm sizes within each market.
std::vector<double> cumulative_firm_sizes(const world& w) {
    std::vector<double> size_cum(w.firms.size());
    for (std::size_t mk = 0; mk < w.market_count(); ++mk) {
        double acc = 0;
        for (std::size_t f = w.market_firm_begin[mk]; f < w.market_firm_begin[mk + 1]; ++f)
            size_cum[f] = acc += w.firms.base_size[f];
    }
    return size_cum;
}

// Workers [0, N) of the labour force, region r holding [first[r], first[r + 1]): independent
// draws keyed by id, so the split into blocks does not matter.
void draw_initial_workers(world& w, const std::vector<std::size_t>& first, const std::vector<double>& size_cum) {
    const auto& sc = *w.sc;
    const auto& m = sc.model;
    auto& ws = w.workers;
    const std::size_t N = first.back();
    for_blocks(N, w.block_size, [&](std::size_t b, std::size_t e) {
        std::size_t r = static_cast<std::size_t>(std::upper_bound(first.begin(), first.end(), b) - first.begin()) - 1;
        for (std::size_t i = b; i < e; ++i) {
            while (i >= first[r + 1]) ++r;
            const auto& spec = sc.regions[r];
            const auto band_weight_men = band_weights(spec, m.retirement_age_men);
            const auto band_weight_women = band_weights(spec, m.retirement_age_women);
            const auto id = static_cast<std::uint32_t>(i);
            auto u = w.rng.uniforms(draws::init::demographics, 0, id);
            auto v = w.rng.uniforms(draws::init::human_capital, 0, id);
            auto x = w.rng.uniforms(draws::init::job, 0, id);
            const bool female = u[2] < m.share_women;
            const double retire = female ? m.retirement_age_women : m.retirement_age_men;
            // Ages are uniform within each band; the part of a band past the retirement age
            // is not in the labour force, so each band weighs by the part below it.
            const auto& band_weight = female ? band_weight_women : band_weight_men;
            const std::size_t band = pick_share(band_weight, u[0]);
            const double lo = age_band_start_years(static_cast<int>(band));
            const double hi = std::min(lo + age_band_years, retire);
            const double age_years = lo + (std::max(hi, lo + 0.1) - lo) * u[1];
            ws.id[i] = id;
            ws.region[i] = static_cast<std::uint16_t>(r);
            ws.age_months[i] = static_cast<std::uint16_t>(std::min(age_years * 12.0, retire * 12.0 - 1.0));
            ws.flags[i] = static_cast<std::uint8_t>((female ? worker_flag::female : 0) |
                                                    (u[3] >= spec.urban_share ? worker_flag::rural : 0));
            ws.level[i] = static_cast<std::uint8_t>(pick_share(spec.education_shares, v[0]));
            ws.field[i] = static_cast<std::uint8_t>(pick_share(spec.field_shares, v[1]));
            ws.skill[i] = static_cast<float>(m.initial_skill_sd * counter_rng::normal(v[2], v[3]));
            ws.course[i] = no_course;
            ws.course_months_left[i] = 0;
            ws.tag_policy[i] = no_policy;
            ws.tag_months[i] = 0;
            ws.months_in_status[i] = static_cast<std::uint16_t>(x[1] * 12);
            const bool unemployed = x[0] < spec.unemployment_rate;
            ws.status[i] = static_cast<std::uint8_t>(unemployed ? worker_status::unemployed : worker_status::employed);
            ws.employer[i] = no_employer;
            if (!unemployed) {
                // Employer drawn in proportion to firm size within the worker's market.
                const std::size_t mk = world::market_of(r, ws.field[i]);
                const std::size_t fb = w.market_firm_begin[mk], fe = w.market_firm_begin[mk + 1];
                if (fe > fb) {
                    const auto* lo = size_cum.data() + fb;
                    const auto* hi = size_cum.data() + fe;
                    const auto k = static_cast<std::size_t>(std::upper_bound(lo, hi, x[2] * size_cum[fe - 1]) - lo);
                    ws.employer[i] = static_cast<std::int32_t>(fb + std::min(k, fe - fb - 1));
                } else {
                    ws.status[i] = static_cast<std::uint8_t>(worker_status::unemployed);
                }
            }
        }
    });
}

// Firm headcounts and the regional productivity scale that reproduces the mean wage.
void calibrate_regions(world& w, const std::vector<std::size_t>& per_region) {
    const auto& sc = *w.sc;
    const auto& m = sc.model;
    auto& ws = w.workers;
    const std::size_t R = sc.regions.size(), N = ws.size();
    std::vector<double> exp_sum(R, 0.0);
    std::vector<std::size_t> employed(R, 0);
    for (std::size_t i = 0; i < N; ++i) {
        const auto f = ws.employer[i];
        if (f == no_employer) continue;
        w.firms.headcount[f] += 1;
        const double lp = w.firms.log_productivity[f] + ws.skill[i] + w.wage_premium(ws.level[i]);
        exp_sum[ws.region[i]] += std::exp(lp);
        employed[ws.region[i]] += 1;
        if (ws.level[i] < w.firms.min_level[f]) ws.set(i, worker_flag::mismatched, true);
    }
    for (std::size_t r = 0; r < R; ++r) {
        const double mean_exp = employed[r] > 0 ? exp_sum[r] / static_cast<double>(employed[r]) : 1.0;
        w.regions[r].productivity_scale = sc.regions[r].mean_wage_vnd / (m.initial_wage_share * mean_exp);
        w.regions[r].expected_income = sc.regions[r].mean_wage_vnd * (1 - sc.regions[r].unemployment_rate);
        w.regions[r].population_agents = w.regions[r].population_agents_initial =
            static_cast<std::int64_t>(per_region[r]);
        w.regions[r].labor_force_agents = w.regions[r].labor_force_agents_initial = static_cast<double>(per_region[r]);
    }
}

// Public staffing norms start at the initial ratio of public staff to population.
void init_public_staffing(world& w, const std::vector<std::size_t>& per_region) {
    const auto& sc = *w.sc;
    const std::size_t R = sc.regions.size();
    std::vector<std::array<double, field_count>> public_staff(R, std::array<double, field_count>{});
    for (std::size_t f = 0; f < w.firms.size(); ++f)
        if (w.firms.is_public[f]) public_staff[w.firms.region[f]][w.firms.field[f]] += w.firms.headcount[f];
    for (std::size_t r = 0; r < R; ++r) {
        const double persons =
            sc.regions[r].population > 0 ? sc.regions[r].population : static_cast<double>(per_region[r]) / sc.scale;
        for (std::size_t k = 0; k < field_count; ++k) {
            const double norm = persons > 0 ? public_staff[r][k] / sc.scale / persons * 1e4 : 0.0;
            w.regions[r].public_staff_per_10k[k] = w.regions[r].public_staff_per_10k_initial[k] = norm;
        }
    }
}

void settle_firms(world& w) {
    const auto& m = w.sc->model;
    for (std::size_t f = 0; f < w.firms.size(); ++f) {
        // Balanced start: desired headcount is the initial headcount plus open posts.
        w.firms.base_size[f] = static_cast<float>(w.firms.headcount[f] * (1.0 + m.vacancy_rate));
        w.firms.desired[f] = static_cast<std::int32_t>(std::lround(w.firms.base_size[f]));
        // Firms start at random points of their history, so exits of unviable firms do not
        // all fall in the same month.
        const auto u = w.rng.uniforms(draws::firm_init::history, 0, static_cast<std::uint32_t>(f));
        w.firms.months_unfilled[f] = static_cast<std::uint16_t>(u[0] * std::max(0.0, m.unfilled_exit_months));
    }
}

void set_initial_wages(world& w) {
    const auto& m = w.sc->model;
    auto& ws = w.workers;
    const std::size_t N = ws.size();
    for_blocks(N, w.block_size, [&](std::size_t b, std::size_t e) {
        for (std::size_t i = b; i < e; ++i) {
            const auto& reg = w.regions[ws.region[i]];
            const auto f = ws.employer[i];
            const double lp =
                (f == no_employer ? 0.0 : w.firms.log_productivity[f]) + ws.skill[i] + w.wage_premium(ws.level[i]);
            const double wage = m.initial_wage_share * reg.productivity_scale * std::exp(lp);
            const double floor = f != no_employer && w.firms.is_formal[f] ? reg.min_wage_vnd : 0.0;
            ws.wage_vnd[i] = static_cast<std::uint32_t>(std::clamp(std::max(wage, floor), 0.0, wage_cap_vnd_month));
        }
    });
}

}  // namespace

void policy_state::add(const char* name, double value) {
    for (auto& [k, v] : month_series)
        if (k == name) {
            v += value;
            return;
        }
    month_series.emplace_back(name, value);
}

void world::add_flows(const std::vector<std::int64_t>& counts, std::initializer_list<flow> fs) {
    const std::size_t width = fs.size();
    for (std::size_t r = 0; r < regions.size(); ++r) {
        std::size_t k = 0;
        for (flow f : fs) add_flow(r, f, counts[r * width + k++]);
    }
}

world build_world(const scenario& sc, std::size_t block_size) {
    world w;
    w.sc = &sc;
    w.rng = counter_rng(sc.seed);
    w.block_size = std::max<std::size_t>(64, block_size);
    w.now = sc.calendar.start;
    w.scale = sc.scale;
    const auto& m = sc.model;
    const std::size_t R = sc.regions.size();
    w.regions.resize(R);
    w.flows.assign(R, {});
    w.policies.resize(sc.policies.size());

    std::vector<std::size_t> per_region(R), first(R + 1, 0);
    for (std::size_t r = 0; r < R; ++r) {
        per_region[r] = static_cast<std::size_t>(std::llround(sc.regions[r].labor_force * sc.scale));
        first[r + 1] = first[r] + per_region[r];
        w.regions[r].min_wage_vnd = sc.regions[r].min_wage_vnd;
        w.regions[r].workers_target_growth =
            static_cast<double>(per_region[r]) * sc.regions[r].labor_force_growth / 12.0;
    }
    w.distance_km.assign(R * R, 0);
    for (std::size_t a = 0; a < R; ++a)
        for (std::size_t b = 0; b < R; ++b)
            w.distance_km[a * R + b] = haversine_km(sc.regions[a].latitude, sc.regions[a].longitude,
                                                    sc.regions[b].latitude, sc.regions[b].longitude);

    build_firms(w);
    assign_formality(w);
    build_schools(w);
    add_abroad_program(w, abroad_program{static_cast<education_level>(static_cast<int>(m.abroad_level)), -1,
                                         std::max(1, static_cast<int>(m.abroad_program_months)),
                                         m.abroad_completion_rate, m.abroad_skill_gain, m.abroad_return_probability});
    w.workers.resize(first[R]);
    w.next_worker_id = static_cast<std::uint32_t>(first[R]);
    draw_initial_workers(w, first, cumulative_firm_sizes(w));
    calibrate_regions(w, per_region);
    place_initial_formal_workers(w);
    init_public_staffing(w, per_region);
    settle_firms(w);
    set_initial_wages(w);
    seed_students(w);
    add_initial_inactive(w);  // after the students, whom it counts
    init_productivity(w);
    mark_panel(w, sc.output.panel);  // followed in the output's /panel
    w.decay_pow.resize(lookup_table_months);
    for (std::size_t k = 0; k < w.decay_pow.size(); ++k)
        w.decay_pow[k] = std::pow(sc.model.reservation_decay, static_cast<double>(k));
    return w;
}

}  // namespace laborsim
