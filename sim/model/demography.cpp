// Demography: everyone ages a month; workers leave at the statutory retirement age or by
// death (Gompertz hazard); school leavers enter to replace exits and follow the region's
// labour-force growth. Students abroad age but do not leave while abroad.
//   hazard_month(age) = a/12 * exp(b/12 * (age_months - 180))
//   retire when age >= retirement_age (men / women)
//   entrants_r = exits_r + N_r0 * g_r / 12   (stochastically rounded)
// An entrant is aged U(entrant_age_min, entrant_age_max), has the region's entrant
// education mix (default: its labour-force mix), log skill ~ N(offset, sd), and enters
// unemployed with the entry wage as its wage reference, or inactive with probability
// 1 - logistic(x_i) (participation.cpp).
#include <algorithm>
#include <cmath>

#include "core/branchless.hpp"
#include "core/draw_slots.hpp"
#include "core/parallel.hpp"
#include "core/rng_batch.hpp"
#include "core/units.hpp"
#include "model/participation.hpp"
#include "model/phases.hpp"
#include "model/shares.hpp"

namespace laborsim {

namespace {

void add_entrant(world& w, std::size_t r) {
    const auto& sc = *w.sc;
    const auto& spec = sc.regions[r];
    const auto& m = sc.model;
    auto& ws = w.workers;
    const std::uint32_t id = w.next_worker_id++;
    const std::size_t i = ws.push_back(id);
    auto u = w.rng.uniforms(draws::entry::entrant_demographics, 0, id);
    auto v = w.rng.uniforms(draws::entry::entrant_human_capital, 0, id);
    const bool female = u[2] < m.share_women;
    ws.region[i] = static_cast<std::uint16_t>(r);
    ws.age_months[i] =
        static_cast<std::uint16_t>(12.0 * (m.entrant_age_min + (m.entrant_age_max - m.entrant_age_min) * u[0]));
    ws.flags[i] = static_cast<std::uint8_t>((female ? worker_flag::female : 0) |
                                            (u[3] >= spec.urban_share ? worker_flag::rural : 0));
    double entrant_total = 0;
    for (double s : spec.entrant_education_shares) entrant_total += s;
    ws.level[i] = static_cast<std::uint8_t>(
        pick_share(entrant_total > 0 ? spec.entrant_education_shares : spec.education_shares, u[1]));
    ws.field[i] = static_cast<std::uint8_t>(pick_share(spec.field_shares, v[0]));
    ws.skill[i] = static_cast<float>(m.entrant_skill_offset + m.initial_skill_sd * counter_rng::normal(v[1], v[2]));
    ws.status[i] = static_cast<std::uint8_t>(worker_status::unemployed);
    ws.months_in_status[i] = 0;
    ws.wage_vnd[i] = static_cast<std::uint32_t>(w.entry_wage(i));
    // Youth after school: some stay outside the labour force (participation.cpp).
    set_entrant_participation(w, i);
}

}  // namespace

void run_demography(world& w) {
    const auto& m = w.sc->model;
    auto& ws = w.workers;
    const std::uint32_t month = w.month_key();
    const int retire_men = static_cast<int>(std::lround(m.retirement_age_men * 12));
    const int retire_women = static_cast<int>(std::lround(m.retirement_age_women * 12));
    const double a = m.mortality_gompertz_a / 12.0, b = m.mortality_gompertz_b / 12.0;
    constexpr auto abroad = static_cast<std::uint8_t>(worker_status::abroad);
    // Monthly hazard by age in months, looked up rather than computed per worker.
    constexpr int table_months = lookup_table_months;
    std::vector<double> hazard_at(table_months);
    for (int k = 0; k < table_months; ++k) hazard_at[k] = a * std::exp(b * (k - mortality_reference_age_months));

    // Columns as local pointers: the byte stores to flags could alias anything reached
    // through the store, which would make the compiler reload every column each iteration.
    std::uint16_t* const ages = ws.age_months.data();
    std::uint8_t* const flags = ws.flags.data();
    const std::uint8_t* const status = ws.status.data();
    const double* const hazards = hazard_at.data();
    auto leavers =
        gather_blocks<std::uint32_t>(ws.size(), w.block_size, [&](std::size_t lo, std::size_t hi, auto& out) {
            for_each_drawn(w.rng, draws::demography::exit, month, ws.id.data(), lo, hi,
                           [&, ages, flags, status, hazards](std::size_t i, const draw_words& d, std::size_t j) {
                               const int age = std::min(ages[i] + 1, max_age_months);
                               ages[i] = static_cast<std::uint16_t>(age);
                               // Last month's moves have been read (talent_attraction, in the policy phase).
                               const auto f = static_cast<std::uint8_t>(flags[i] & ~worker_flag::moved);
                               flags[i] = f;
                               if (status[i] == abroad) return;
                               const int retire = select((f & worker_flag::female) != 0, retire_women, retire_men);
                               bool leave = age >= retire;
                               if (!leave && a > 0) {
                                   const double hazard = age < table_months
                                                             ? hazards[age]
                                                             : a * std::exp(b * (age - mortality_reference_age_months));
                                   leave = d.unit(j, 0) < hazard;
                               }
                               if (leave) out.push_back(static_cast<std::uint32_t>(i));
                           });
        });
    const std::size_t R = w.region_count();
    std::vector<std::int64_t> exits(R, 0);
    for (auto i : leavers) exits[ws.region[i]] += 1;
    remove_workers(w, leavers);
    for (std::size_t r = 0; r < R; ++r) {
        w.add_flow(r, flow::exits, exits[r]);
        const double expected = static_cast<double>(exits[r]) + w.regions[r].workers_target_growth;
        const double u =
            counter_rng::to_unit(w.rng.words(draws::entry::entrant_count, month, static_cast<std::uint32_t>(r))[0]);
        const auto entrants = std::max<std::int64_t>(0, stochastic_round(expected, u));
        for (std::int64_t k = 0; k < entrants; ++k) add_entrant(w, r);
        w.add_flow(r, flow::entries, entrants);
    }
}

}  // namespace laborsim
