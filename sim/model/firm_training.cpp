// Firms' own training, in every scenario. Each month a firm reviews each employee with
// probability firm_training_review_rate and trains when its share of the productivity gain
// over the expected tenure covers the cost:
//   (1 - beta) * g * wage_i * T >= c,   T = min(120, 1 / separation_rate) months
// (beta: the worker's bargaining share, g: firm_training_skill_gain, c: firm_training_cost_vnd).
// A trainee gains g in skill and its wage its share of the gain: wage *= exp(beta * g).
// The month's trainees are listed in world::firm_trained_this_month, which
// firm_training_subsidy reads to tell the training it pays for but would have happened
// anyway (deadweight) from the training it adds. The phase runs before the policy schedule.
#include <algorithm>
#include <cmath>

#include "core/draw_slots.hpp"
#include "core/parallel.hpp"
#include "core/rng_batch.hpp"
#include "core/units.hpp"
#include "model/firm_training.hpp"
#include "model/phases.hpp"

namespace laborsim {

bool firm_trained_this_month(const world& w, std::size_t i) {
    return std::binary_search(w.firm_trained_this_month.begin(), w.firm_trained_this_month.end(),
                              static_cast<std::uint32_t>(i));
}

double firm_review_draw(const world& w, std::size_t i) {
    const auto& d = draws::training::firm_review;
    return counter_rng::to_unit(w.rng.words(d.stream, w.month_key(), w.workers.id[i], d.index)[0]);
}

double training_value_per_vnd(const model_params& m, double skill_gain) {
    const double tenure = std::min(120.0, 1.0 / std::max(m.separation_rate, 1e-6));
    return (1.0 - m.nash_share) * skill_gain * tenure;
}

void run_firm_training(world& w) {
    const auto& m = w.sc->model;
    auto& ws = w.workers;
    const double value_per_vnd = training_value_per_vnd(m, m.firm_training_skill_gain);
    const double wage_factor = std::exp(m.nash_share * m.firm_training_skill_gain);
    const float gain = static_cast<float>(m.firm_training_skill_gain);
    w.firm_trained_this_month = gather_blocks<std::uint32_t>(
        ws.size(), w.block_size, [&](std::size_t b, std::size_t e, std::vector<std::uint32_t>& out) {
            // The draws are firm_review_draw's, batched over the employees worth training.
            auto worth_training = [&](std::size_t i) {
                return (ws.status[i] == static_cast<std::uint8_t>(worker_status::employed)) &
                       (ws.course[i] == no_course) & (value_per_vnd * ws.wage_vnd[i] >= m.firm_training_cost_vnd);
            };
            for_each_drawn_if(w.rng, draws::training::firm_review, w.month_key(), ws.id.data(), b, e, worth_training,
                              [&](std::size_t i, const draw_words& d, std::size_t j) {
                                  if (d.unit(j, 0) >= m.firm_training_review_rate) return;
                                  ws.skill[i] += gain;
                                  ws.wage_vnd[i] = static_cast<std::uint32_t>(
                                      std::min(wage_cap_vnd_month, ws.wage_vnd[i] * wage_factor));
                                  out.push_back(static_cast<std::uint32_t>(i));
                              });
        });
    for (const auto i : w.firm_trained_this_month) w.add_flow(ws.region[i], flow::firm_trained, 1);
}

}  // namespace laborsim
