// Education: students progress month by month, may drop out during the program, and
// at its end pass (graduating to the school's level and field, with its skill gain) or
// fail. Students abroad complete their programme and return, or stay abroad (emigrate).
// Young people may leave to study abroad (before the progress pass, like the departures a
// study_abroad policy makes earlier in the month). Then labour-force members apply to
// schools (anywhere, with a distance cost), new graduates may progress straight to the
// next level, and schools admit by capacity with a random priority.
//   completion c_s = (1 - d_s)^T_s * pass_s,  d_s = 1 - c_s^(share / T_s),  pass_s = c_s^(1 - share)
//   choice of school s from region o, eligible if level_s > level:
//       weight_os = seats_s * intensity_s * exp(-school_distance_cost * km_os / 100)
//   P(apply) = rate_age * min(cap, intensity_s * exp(weight * (premium[level_s] - premium[level]) - cost_s))
//   cost_s = tuition_s * months_s / 12 / (12 * wage)       (years of income the program costs)
//   P(graduate applies to the next level) = progression_rate   (schools of its region)
//   P(go abroad) = study_abroad_rate      (young, level below the programme's)
//   admitted_s,t = min(applicants_s,t, floor(credit_s + seats_s / 12))   (random priority)
#include <algorithm>
#include <array>
#include <cmath>
#include <tuple>

#include "core/draw_slots.hpp"
#include "core/parallel.hpp"
#include "core/rng_batch.hpp"
#include "core/units.hpp"
#include "model/phases.hpp"
#include "model/population_detail.hpp"

namespace laborsim {

namespace {

enum class event_kind : std::uint8_t { graduated, dropped_out, failed, departed, returned, stayed, abroad_done };

struct student_event {
    std::uint32_t index;
    std::uint32_t program;  // abroad events: the programme
    event_kind kind;
};

struct application {
    std::uint32_t school;
    std::uint32_t priority;
    std::uint32_t worker;  // index
    friend bool operator<(const application& a, const application& b) {
        return std::tie(a.school, a.priority, a.worker) < std::tie(b.school, b.priority, b.worker);
    }
};

struct education_month {
    std::vector<std::uint32_t> graduates;  // ascending indexes, for progression
    std::vector<std::uint32_t> emigrants;  // ascending indexes, removed at the end of the phase
};

// Monthly dropout hazard and final pass probability of each school.
struct school_rates {
    std::vector<double> hazard, pass;
};

school_rates make_school_rates(const world& w) {
    const auto& m = w.sc->model;
    const auto& sch = w.schools;
    school_rates r{std::vector<double>(sch.size()), std::vector<double>(sch.size())};
    for (std::size_t s = 0; s < sch.size(); ++s) {
        const double c = std::clamp(sch.completion_rate[s], 0.0, 1.0);
        const double T = sch.program_months[s];
        r.hazard[s] = 1.0 - std::pow(c, m.in_program_dropout_share / T);
        r.pass[s] = std::pow(c, 1.0 - m.in_program_dropout_share);
    }
    return r;
}

// Young people below the baseline programme's level may leave to study abroad (with
// probability study_abroad_rate a month, drawn at education.abroad_departure).
bool may_study_abroad(const world& w, std::size_t i) {
    const auto& m = w.sc->model;
    const auto& ws = w.workers;
    const auto& programs = w.abroad_programs;
    if (m.study_abroad_rate <= 0 || programs.empty()) return false;
    return (ws.age_months[i] < m.young_age_years * 12.0) & ws.in_labor_force(i) & (ws.course[i] == no_course) &
           (ws.level[i] < static_cast<std::uint8_t>(programs[0].level));
}

// A month abroad: gone at the start of month d (the policy phase or the departures above),
// back at the end of month d + months, or staying abroad (emigrating).
void progress_abroad(world& w, std::size_t i, const std::array<double, 4>& u, std::vector<student_event>& out) {
    auto& ws = w.workers;
    const auto s = ws.abroad_program(i);
    const auto& p = w.abroad_programs[s];
    const auto index = static_cast<std::uint32_t>(i);
    if (ws.months_in_status[i] <= p.months) return;
    if (u[0] < p.completion_rate) {
        ws.level[i] = std::max(ws.level[i], static_cast<std::uint8_t>(p.level));
        if (p.field >= 0) ws.field[i] = static_cast<std::uint8_t>(p.field);
        ws.skill[i] = static_cast<float>(ws.skill[i] + p.skill_gain);
        out.push_back({index, s, event_kind::abroad_done});
    }
    if (u[1] < p.return_probability) {
        ws.status[i] = static_cast<std::uint8_t>(worker_status::unemployed);
        ws.employer[i] = no_employer;
        ws.months_in_status[i] = 0;
        ws.wage_vnd[i] = std::max(ws.wage_vnd[i], static_cast<std::uint32_t>(w.entry_wage(i)));
        out.push_back({index, s, event_kind::returned});
    } else {
        out.push_back({index, s, event_kind::stayed});
    }
}

// A month at school s: dropout, or at the end of the programme pass or fail.
void progress_at_school(world& w, std::size_t i, const std::array<double, 4>& u, const school_rates& rates,
                        std::vector<student_event>& out) {
    auto& ws = w.workers;
    auto& sch = w.schools;
    const auto s = static_cast<std::size_t>(ws.employer[i]);
    event_kind kind;
    if (u[0] < rates.hazard[s]) {
        kind = event_kind::dropped_out;
    } else if (ws.months_in_status[i] < sch.program_months[s]) {
        return;
    } else if (u[1] < rates.pass[s]) {
        kind = event_kind::graduated;
        ws.level[i] = std::max(ws.level[i], sch.output_level[s]);
        ws.field[i] = sch.field[s];
        ws.skill[i] = static_cast<float>(ws.skill[i] + sch.skill_gain[s]);
        ws.wage_vnd[i] = std::max(ws.wage_vnd[i], static_cast<std::uint32_t>(w.entry_wage(i)));
        // Policy hook (school_enterprise_partnership): graduates of a partner school
        // get placement priority and that policy follows them.
        if (sch.partner_policy[s] != no_policy) {
            ws.set(i, worker_flag::placement, true);
            if (ws.tag_policy[i] == no_policy) {
                ws.tag_policy[i] = sch.partner_policy[s];
                ws.tag_months[i] = 0;
            }
        }
    } else {
        kind = event_kind::failed;
    }
    release_position(w, i);
    ws.status[i] = static_cast<std::uint8_t>(worker_status::unemployed);
    ws.employer[i] = no_employer;
    ws.months_in_status[i] = 0;
    out.push_back({static_cast<std::uint32_t>(i), 0, kind});
}

// Counts the month's student events into flows and programme counts (in worker order).
education_month count_student_events(world& w, const std::vector<student_event>& events) {
    const auto& ws = w.workers;
    education_month result;
    for (auto& c : w.abroad_month) c = {};
    for (const auto& ev : events) {
        const std::size_t i = ev.index;
        const std::size_t r = ws.region[i];
        switch (ev.kind) {
            case event_kind::graduated:
                w.add_flow(r, flow::graduates, 1);
                w.add_flow(r, graduates_at(ws.level[i]), 1);
                result.graduates.push_back(ev.index);
                break;
            case event_kind::dropped_out:
            case event_kind::failed: w.add_flow(r, flow::dropouts, 1); break;
            case event_kind::departed: w.add_flow(r, flow::abroad_departures, 1); break;
            case event_kind::abroad_done: w.abroad_month[ev.program].completed += 1; break;
            case event_kind::returned:
                w.add_flow(r, flow::abroad_returns, 1);
                w.abroad_month[ev.program].returned += 1;
                break;
            case event_kind::stayed:
                w.add_flow(r, flow::abroad_stayers, 1);
                w.abroad_month[ev.program].stayed += 1;
                result.emigrants.push_back(ev.index);
                break;
        }
    }
    return result;
}

education_month progress_students(world& w) {
    auto& ws = w.workers;
    const std::uint32_t month = w.month_key();
    const auto rates = make_school_rates(w);
    constexpr auto student = static_cast<std::uint8_t>(worker_status::student);
    constexpr auto abroad = static_cast<std::uint8_t>(worker_status::abroad);
    const double abroad_rate = w.sc->model.study_abroad_rate;
    // Chunk by chunk: who leaves to study abroad (drawn for those who may), then the month of
    // every student and student abroad, the new ones included, in worker order.
    auto events = gather_blocks<student_event>(ws.size(), w.block_size, [&](std::size_t b, std::size_t e, auto& out) {
        std::uint8_t departs[draw_chunk];
        for (std::size_t c = b; c < e; c += draw_chunk) {
            const std::size_t ce = std::min(e, c + draw_chunk);
            std::fill(departs, departs + (ce - c), std::uint8_t{0});
            for_each_drawn_if(
                w.rng, draws::education::abroad_departure, month, ws.id.data(), c, ce,
                [&](std::size_t i) { return may_study_abroad(w, i); },
                [&](std::size_t i, const draw_words& d, std::size_t j) {
                    departs[i - c] = d.unit(j, 0) < abroad_rate;
                });
            auto in_school = [&](std::size_t i) {
                return (ws.status[i] == student) | (ws.status[i] == abroad) | (departs[i - c] != 0);
            };
            for_each_drawn_if(w.rng, draws::education::progress, month, ws.id.data(), c, ce, in_school,
                              [&](std::size_t i, const draw_words& d, std::size_t j) {
                                  if (departs[i - c]) {
                                      depart_abroad(w, i, 0);
                                      out.push_back({static_cast<std::uint32_t>(i), 0, event_kind::departed});
                                  }
                                  ws.months_in_status[i] = static_cast<std::uint16_t>(ws.months_in_status[i] + 1);
                                  const std::array<double, 4> u{d.unit(j, 0), d.unit(j, 1), d.unit(j, 2), d.unit(j, 3)};
                                  if (ws.status[i] == abroad) progress_abroad(w, i, u, out);
                                  else progress_at_school(w, i, u, rates, out);
                              });
        }
    });
    return count_student_events(w, events);
}

// Cumulative choice weights over schools for each (origin region, current level).
struct school_choice {
    std::size_t schools = 0;
    std::vector<double> cum;  // [(region * levels + level) * schools + s]
    [[nodiscard]] const double* row(std::size_t r, std::size_t level) const {
        return cum.data() + (r * education_count + level) * schools;
    }
};

school_choice make_school_choice(const world& w) {
    const auto& m = w.sc->model;
    const auto& sch = w.schools;
    const std::size_t R = w.region_count(), S = sch.size();
    school_choice c;
    c.schools = S;
    c.cum.assign(R * education_count * S, 0.0);
    for (std::size_t r = 0; r < R; ++r) {
        for (std::size_t level = 0; level < education_count; ++level) {
            double acc = 0;
            double* row = c.cum.data() + (r * education_count + level) * S;
            for (std::size_t s = 0; s < S; ++s) {
                if (sch.open[s] && sch.output_level[s] > level) {
                    const double km = w.distance_km[r * R + sch.region[s]];
                    acc += sch.seats_per_month[s] * sch.recruitment_intensity[s] *
                           std::exp(-m.school_distance_cost * hundreds_of_km(km));
                }
                row[s] = acc;
            }
        }
    }
    return c;
}

// Draws a school from a cumulative row; S when none is eligible.
std::size_t draw_school(const double* row, std::size_t S, double u) {
    if (S == 0 || row[S - 1] <= 0) return S;
    const auto k = static_cast<std::size_t>(std::upper_bound(row, row + S, u * row[S - 1]) - row);
    return std::min(k, S - 1);
}

// New graduates who go straight on to the next level compete for the same seats, at a
// school of the region where they studied (studying elsewhere goes through the regular
// channel from the next month: one move a month).
void add_progression_applications(const world& w, const education_month& month_events, std::vector<application>& apps) {
    const auto& m = w.sc->model;
    const auto& ws = w.workers;
    const auto& sch = w.schools;
    const std::uint32_t month = w.month_key();
    std::vector<double> local;
    for (const auto i : month_events.graduates) {
        const auto u = w.rng.uniforms(draws::education::progression, month, ws.id[i]);
        if (u[0] >= m.progression_rate) continue;
        const auto& here = w.region_schools[ws.region[i]];
        local.assign(here.size(), 0.0);
        double acc = 0;
        for (std::size_t k = 0; k < here.size(); ++k) {
            const auto t = here[k];
            if (sch.open[t] && sch.output_level[t] > ws.level[i])
                acc += sch.seats_per_month[t] * sch.recruitment_intensity[t];
            local[k] = acc;
        }
        const std::size_t k = draw_school(local.data(), local.size(), u[1]);
        if (k == local.size()) continue;
        const std::size_t s = here[k];
        apps.push_back(
            {static_cast<std::uint32_t>(s), w.rng.words(draws::education::admission_priority, month, ws.id[i])[0], i});
    }
}

// Worker i takes a seat at school s (students live where they study).
void enrol_student(world& w, std::size_t i, std::size_t s) {
    auto& ws = w.workers;
    release_position(w, i);
    const std::size_t from = ws.region[i], r = w.schools.region[s];
    if (from != r) {
        w.add_flow(from, flow::migration_out, 1);
        w.add_flow(r, flow::migration_in, 1);
        ws.region[i] = static_cast<std::uint16_t>(r);
        ws.set(i, worker_flag::moved, true);  // policy hook: talent_attraction counts movers
    }
    ws.status[i] = static_cast<std::uint8_t>(worker_status::student);
    ws.employer[i] = static_cast<std::int32_t>(s);
    ws.months_in_status[i] = 0;
    ws.set(i, worker_flag::mismatched, false);
    ws.set(i, worker_flag::placement, false);
    w.schools.enrolled[s] += 1;
}

void admit_applicants(world& w, const education_month& month_events) {
    const auto& m = w.sc->model;
    auto& ws = w.workers;
    auto& sch = w.schools;
    const std::uint32_t month = w.month_key();
    const std::size_t S = sch.size();
    const auto choice = make_school_choice(w);
    const double max_rate = std::max(m.application_rate_young, m.application_rate_adult) * m.application_odds_cap;
    const double young_months = m.young_age_years * 12.0;
    if (S == 0) return;

    auto apps = gather_blocks<application>(ws.size(), w.block_size, [&](std::size_t b, std::size_t e, auto& out) {
        // Who changed status this month (entrants, graduates, dropouts, returners) waits;
        // new graduates have their own progression channel below.
        auto may_apply = [&](std::size_t i) {
            return ws.in_labor_force(i) & (ws.course[i] == no_course) &
                   !((ws.months_in_status[i] == 0) &
                     (ws.status[i] == static_cast<std::uint8_t>(worker_status::unemployed)));
        };
        for_each_drawn_if(w.rng, draws::education::application, month, ws.id.data(), b, e, may_apply,
                          [&](std::size_t i, const draw_words& d, std::size_t j) {
                              const double u0 = d.unit(j, 0);
                              const bool young = ws.age_months[i] < young_months;
                              if (u0 >= max_rate)
                                  return;  // cheap pre-filter: the full odds are at most cap x the base rate
                              const double rate = young ? m.application_rate_young : m.application_rate_adult;
                              const std::size_t s = draw_school(choice.row(ws.region[i], ws.level[i]), S, d.unit(j, 1));
                              if (s == S) return;
                              const double gain = w.wage_premium(sch.output_level[s]) - w.wage_premium(ws.level[i]);
                              const double income = std::max(1.0, static_cast<double>(ws.wage_vnd[i]) * 12.0);
                              const double cost = sch.tuition_vnd_year[s] * sch.program_months[s] / 12.0 / income;
                              const double odds = std::min(
                                  m.application_odds_cap,
                                  sch.recruitment_intensity[s] * std::exp(m.schooling_return_weight * gain - cost));
                              if (u0 >= odds * rate) return;
                              out.push_back({static_cast<std::uint32_t>(s),
                                             w.rng.words(draws::education::admission_priority, month, ws.id[i])[0],
                                             static_cast<std::uint32_t>(i)});
                          });
    });
    add_progression_applications(w, month_events, apps);
    std::sort(apps.begin(), apps.end());
    for (std::size_t a = 0; a < apps.size();) {
        const auto s = apps[a].school;
        std::size_t end = a;
        while (end < apps.size() && apps[end].school == s) ++end;
        const double available = sch.seat_credit[s] + sch.seats_per_month[s];
        const auto seats = static_cast<std::size_t>(std::floor(available));
        sch.seat_credit[s] = available - std::floor(available);  // only the fraction carries over
        const std::size_t admitted = std::min(seats, end - a);
        const std::size_t r = sch.region[s];
        for (std::size_t k = a; k < a + admitted; ++k) enrol_student(w, apps[k].worker, s);
        w.add_flow(r, flow::enrolments, static_cast<std::int64_t>(admitted));
        w.add_flow(r, enrolments_at(sch.output_level[s]), static_cast<std::int64_t>(admitted));
        a = end;
    }
}

}  // namespace

void run_education(world& w) {
    const auto month_events = progress_students(w);
    admit_applicants(w, month_events);
    remove_workers(w, month_events.emigrants);
}

}  // namespace laborsim
