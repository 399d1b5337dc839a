// Formal and informal jobs (sim/model/formality.cpp; docs/model.md, formal and informal jobs).
#pragma once
#include <vector>

#include "core/branchless.hpp"
#include "model/world.hpp"

namespace laborsim {

// build_world: marks each firm formal or informal (public employers are formal).
void assign_formality(world& w);
// The log-productivity lost in a job: mismatch_penalty below the job's required level,
// field_switch_penalty in another field (without a branch: formality.cpp).
[[nodiscard]] inline double match_penalty(const model_params& m, std::uint8_t level, std::uint8_t required,
                                          std::uint8_t field, std::uint8_t job_field) {
    return masked(level < required, m.mismatch_penalty) + masked(field != job_field, m.field_switch_penalty);
}
// The log of worker i's productivity in firm f without the region's scale:
//   a_f + z_f + skill + premium[level] - penalties   (match_productivity = P_r exp of it)
[[nodiscard]] double match_log_productivity(const world& w, std::size_t i, std::size_t f);
// Productivity of worker i in firm f, VND a month:
//   p = P_r exp(a_f + z_f + skill + premium[level] - penalty [level < required] - penalty_field [field differs])
[[nodiscard]] double match_productivity(const world& w, std::size_t i, std::size_t f);
// What the firm's side of the bargain is worth: p / (1 + social_insurance_rate) in a formal
// firm (it pays the contributions on top of the wage), p in an informal one.
[[nodiscard]] double net_productivity(const world& w, double p, std::size_t f);
// The wage floor of firm f: the region's minimum wage if formal, else none (0).
[[nodiscard]] double wage_floor_vnd(const world& w, std::size_t f);
[[nodiscard]] inline bool is_formal_job(const world& w, std::size_t i) {
    return w.workers.status[i] == static_cast<std::uint8_t>(worker_status::employed) &&
           w.firms.is_formal[static_cast<std::size_t>(w.workers.employer[i])] != 0;
}
// build_world, after the regional productivity scales are set: initial workers whose formal
// match is worth less than the minimum wage plus social insurance work in an informal firm of
// their market instead (drawn by size), and the scales are re-set to the regions' mean wages.
void place_initial_formal_workers(world& w);
// separations: a formal match whose net productivity fell below the minimum wage ends.
// Built once a month; below(w, i) tells whether employee i's match is such a one. A cut per
// firm on the log of productivity settles almost every worker without an exp: only those
// within 1e-6 log points of the cut are tested with the exact formula, so the answer is
// the formula's.
class minimum_wage_test {
public:
    explicit minimum_wage_test(const world& w);
    [[nodiscard]] bool below(const world& w, std::size_t i) const;

private:
    std::vector<double> cut_;  // per firm: ln(m_r (1 + s) / P_r) + margin; -inf when no floor binds
};

}  // namespace laborsim
