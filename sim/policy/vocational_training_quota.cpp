// vocational_training_quota: each month seats_per_year / 12 places (times scale) go to
// members of the target group chosen at random; the budget caps the places at
// (annual budget - spent) / cost. Trainees stay in the labour force during the course.
// On completion (probability completion_rate) their level rises to the course level, their
// skill by skill_gain, and the unemployed get placement support in matching.
//   trained_t ~ seats/12 * completion   (after course_months)
#include <algorithm>
#include <cmath>
#include <tuple>

#include "core/parallel.hpp"
#include "policy/policy_apply.hpp"

namespace laborsim {

namespace {

bool in_target(const world& w, std::size_t i, const target_group& g, const std::vector<std::uint8_t>& region_on) {
    const auto& ws = w.workers;
    if (!region_on[ws.region[i]]) return false;
    if (!ws.in_labor_force(i) || ws.course[i] != no_course) return false;
    if (g.rural && ws.has(i, worker_flag::rural) != *g.rural) return false;
    if (g.unemployed && (ws.status[i] == static_cast<std::uint8_t>(worker_status::unemployed)) != *g.unemployed) return false;
    if (g.min_level && ws.level[i] < static_cast<std::uint8_t>(*g.min_level)) return false;
    if (g.max_level && ws.level[i] > static_cast<std::uint8_t>(*g.max_level)) return false;
    if (g.field && ws.field[i] != static_cast<std::uint8_t>(*g.field)) return false;
    const int age = ws.age_months[i] / 12;
    return age >= g.min_age && age <= g.max_age;
}

}  // namespace

void apply_vocational_training_quota(world& w, std::size_t k, const policy_spec& p, const vocational_training_quota& q) {
    auto& st = w.policies[k];
    auto& ws = w.workers;
    std::vector<std::uint8_t> region_on(w.region_count(), 0);
    for (auto r : target_regions(w, p)) region_on[r] = 1;
    const double seats = st.seat_credit + q.seats_per_year * w.scale / 12.0;
    auto places = static_cast<std::int64_t>(std::floor(seats));
    st.seat_credit = seats - std::floor(seats);
    if (q.cost_per_trainee_vnd > 0) {
        // Spending is in persons: one agent stands for 1/scale people.
        const double per_agent = q.cost_per_trainee_vnd / w.scale;
        places = std::min<std::int64_t>(places, static_cast<std::int64_t>(std::floor(budget_left_vnd(w, k, p) / per_agent)));
    }
    if (places <= 0) return;
    const std::uint32_t month = w.month_key();
    // Candidates get a random priority; the lowest priorities win the places.
    struct candidate { std::uint32_t priority, id, index; };
    auto cands = gather_blocks<candidate>(ws.size(), w.block_size, [&](std::size_t b, std::size_t e, auto& out) {
        for (std::size_t i = b; i < e; ++i)
            if (in_target(w, i, q.target, region_on))
                out.push_back({w.rng.words(rng_stream::policy, month, ws.id[i], static_cast<std::uint32_t>(k))[0], ws.id[i],
                               static_cast<std::uint32_t>(i)});
    });
    const auto n = std::min<std::size_t>(static_cast<std::size_t>(places), cands.size());
    std::partial_sort(cands.begin(), cands.begin() + static_cast<std::ptrdiff_t>(n), cands.end(),
                      [](const candidate& a, const candidate& b) { return std::tie(a.priority, a.id) < std::tie(b.priority, b.id); });
    for (std::size_t c = 0; c < n; ++c) {
        const auto i = cands[c].index;
        ws.course[i] = static_cast<std::uint8_t>(k);
        ws.course_months_left[i] = static_cast<std::uint8_t>(std::clamp(q.course_months, 1, 255));
    }
    const double persons = static_cast<double>(n) / w.scale;
    st.spent_this_year_vnd += persons * q.cost_per_trainee_vnd;
    st.add("spending_vnd", persons * q.cost_per_trainee_vnd);
    st.add("beneficiaries", persons);
}

void progress_policy_courses(world& w) {
    auto& ws = w.workers;
    const auto& policies = w.sc->policies;
    if (policies.empty()) return;
    const std::uint32_t month = w.month_key();
    const std::size_t P = policies.size();
    // Per policy: completed, completed while employed (placed), dropped out.
    const auto c = count_blocks(ws.size(), w.block_size, P * 3, [&](std::size_t b, std::size_t e, std::int64_t* cnt) {
        for (std::size_t i = b; i < e; ++i) {
            const auto k = ws.course[i];
            if (k == no_course) continue;
            if (--ws.course_months_left[i] > 0) continue;
            ws.course[i] = no_course;
            const auto* q = std::get_if<vocational_training_quota>(&policies[k].params);
            if (q == nullptr) continue;
            const double u = counter_rng::to_unit(w.rng.words(rng_stream::policy, month, ws.id[i], 1000)[0]);
            if (u >= q->completion_rate) { cnt[k * 3 + 2] += 1; continue; }
            ws.level[i] = std::max(ws.level[i], static_cast<std::uint8_t>(q->course_level));
            ws.field[i] = static_cast<std::uint8_t>(q->course_field);
            ws.skill[i] = static_cast<float>(ws.skill[i] + q->skill_gain);
            ws.set(i, worker_flag::trained_by_policy, true);
            const bool employed = ws.status[i] == static_cast<std::uint8_t>(worker_status::employed);
            if (!employed && q->placement_support > 0) ws.set(i, worker_flag::placement, true);
            cnt[k * 3] += 1;
            cnt[k * 3 + 1] += employed;
        }
    });
    for (std::size_t k = 0; k < P; ++k) {
        if (!std::holds_alternative<vocational_training_quota>(policies[k].params)) continue;
        w.policies[k].add("trained", static_cast<double>(c[k * 3]) / w.scale);
        w.policies[k].add("trained_employed", static_cast<double>(c[k * 3 + 1]) / w.scale);
        w.policies[k].add("dropouts", static_cast<double>(c[k * 3 + 2]) / w.scale);
    }
}

}  // namespace laborsim
