// Education: students progress; at the end of the program each completes with the
// school's completion rate (graduating to its level and field, with its skill gain) or
// drops out. Then labour-force members apply, and schools admit by capacity.
//   P(apply to s) = rate_age * intensity_s * exp(weight * (premium[level_s] - premium[level]) - cost_s)
//   cost_s = tuition_s * months_s / 12 / (12 * wage)       (years of income the program costs)
//   admitted_s,t = min(applicants_s,t, floor(credit_s + seats_s / 12))   (random priority)
#include <algorithm>
#include <atomic>
#include <cmath>
#include <tuple>

#include "core/parallel.hpp"
#include "model/phases.hpp"

namespace laborsim {

namespace {

void progress_students(world& w) {
    auto& ws = w.workers;
    auto& sch = w.schools;
    const std::uint32_t month = w.month_key();
    const auto grads = count_blocks(ws.size(), w.block_size, w.region_count(), [&](std::size_t b, std::size_t e, std::int64_t* c) {
        for (std::size_t i = b; i < e; ++i) {
            if (ws.status[i] != static_cast<std::uint8_t>(worker_status::student)) continue;
            const auto s = ws.employer[i];
            ws.months_in_status[i] = static_cast<std::uint16_t>(ws.months_in_status[i] + 1);
            if (ws.months_in_status[i] < sch.program_months[s]) continue;
            const double u = counter_rng::to_unit(w.rng.words(rng_stream::education, month, ws.id[i])[0]);
            if (u < sch.completion_rate[s]) {
                ws.level[i] = std::max(ws.level[i], sch.output_level[s]);
                ws.field[i] = sch.field[s];
                ws.skill[i] = static_cast<float>(ws.skill[i] + sch.skill_gain[s]);
                c[ws.region[i]] += 1;
                // Policy hook (school_enterprise_partnership): graduates of a partner school
                // get placement priority and that policy follows them.
                if (sch.partner_policy[s] != no_policy) {
                    ws.set(i, worker_flag::placement, true);
                    if (ws.tag_policy[i] == no_policy) { ws.tag_policy[i] = sch.partner_policy[s]; ws.tag_months[i] = 0; }
                }
            }
            std::atomic_ref<std::int32_t>(sch.enrolled[s]).fetch_sub(1, std::memory_order_relaxed);
            ws.status[i] = static_cast<std::uint8_t>(worker_status::unemployed);
            ws.employer[i] = no_employer;
            ws.months_in_status[i] = 0;
        }
    });
    for (std::size_t r = 0; r < w.region_count(); ++r) w.add_flow(r, flow::graduates, grads[r]);
}

struct application {
    std::uint32_t school;
    std::uint32_t priority;
    std::uint32_t worker;  // index
    friend bool operator<(const application& a, const application& b) {
        return std::tie(a.school, a.priority, a.worker) < std::tie(b.school, b.priority, b.worker);
    }
};

void admit_applicants(world& w) {
    const auto& m = w.sc->model;
    auto& ws = w.workers;
    auto& sch = w.schools;
    if (sch.size() == 0) return;
    const std::uint32_t month = w.month_key();
    // Per region: cumulative choice weights over open schools.
    std::vector<std::vector<double>> cum(w.region_count());
    for (std::size_t r = 0; r < w.region_count(); ++r) {
        double acc = 0;
        for (auto s : w.region_schools[r]) {
            acc += sch.open[s] ? sch.seats_per_month[s] * sch.recruitment_intensity[s] : 0.0;
            cum[r].push_back(acc);
        }
    }
    auto apps = gather_blocks<application>(ws.size(), w.block_size, [&](std::size_t b, std::size_t e, auto& out) {
        for (std::size_t i = b; i < e; ++i) {
            if (!ws.in_labor_force(i) || ws.course[i] != no_course) continue;
            const auto& c = cum[ws.region[i]];
            if (c.empty() || c.back() <= 0) continue;
            const bool young = ws.age_months[i] < 25 * 12;
            const double rate = young ? m.application_rate_young : m.application_rate_adult;
            auto u = w.rng.uniforms(rng_stream::education, month, ws.id[i], 1);
            if (u[0] >= rate * 4.0) continue;  // cheap pre-filter: the full odds are at most 4x the base rate
            const auto k = static_cast<std::size_t>(std::upper_bound(c.begin(), c.end(), u[1] * c.back()) - c.begin());
            const auto s = w.region_schools[ws.region[i]][std::min(k, c.size() - 1)];
            if (sch.output_level[s] <= ws.level[i]) continue;
            const double gain = w.wage_premium(sch.output_level[s]) - w.wage_premium(ws.level[i]);
            const double income = std::max(1.0, static_cast<double>(ws.wage_vnd[i]) * 12.0);
            const double cost = sch.tuition_vnd_year[s] * sch.program_months[s] / 12.0 / income;
            const double p = std::min(4.0, sch.recruitment_intensity[s] * std::exp(m.schooling_return_weight * gain - cost)) * rate;
            if (u[0] >= p) continue;
            out.push_back({s, w.rng.words(rng_stream::education, month, ws.id[i], 2)[0], static_cast<std::uint32_t>(i)});
        }
    });
    std::sort(apps.begin(), apps.end());
    std::vector<std::int64_t> enrol(w.region_count(), 0);
    for (std::size_t a = 0; a < apps.size();) {
        const auto s = apps[a].school;
        std::size_t end = a;
        while (end < apps.size() && apps[end].school == s) ++end;
        const double available = sch.seat_credit[s] + sch.seats_per_month[s];
        const auto seats = static_cast<std::size_t>(std::floor(available));
        sch.seat_credit[s] = available - std::floor(available);  // only the fraction carries over
        const std::size_t admitted = std::min(seats, end - a);
        for (const auto* app = apps.data() + a; app != apps.data() + a + admitted; ++app) {
            const auto i = app->worker;
            if (ws.status[i] == static_cast<std::uint8_t>(worker_status::employed)) w.firms.headcount[ws.employer[i]] -= 1;
            ws.status[i] = static_cast<std::uint8_t>(worker_status::student);
            ws.employer[i] = static_cast<std::int32_t>(s);
            ws.months_in_status[i] = 0;
            ws.set(i, worker_flag::mismatched, false);
            sch.enrolled[s] += 1;
            enrol[ws.region[i]] += 1;
        }
        a = end;
    }
    for (std::size_t r = 0; r < w.region_count(); ++r) w.add_flow(r, flow::enrolments, enrol[r]);
}

}  // namespace

void run_education(world& w) {
    progress_students(w);
    admit_applicants(w);
}

}  // namespace laborsim
