// Participation: who of working age is in the labour force (sim/model/participation.cpp;
// docs/model.md, participation).
#pragma once
#include "model/world.hpp"

namespace laborsim {

// The inactive state is modelled (model.participation_rate_15plus > 0).
[[nodiscard]] inline bool participation_on(const model_params& m) { return m.participation_rate_15plus > 0; }
// The participation of worker i's age band and sex (model.participation_men / _women); with
// out_of_school, that of the youngest band's people outside general education:
//   p' = p / (p + (1 - q) (1 - p)),  q = inactive_youth_in_school.
[[nodiscard]] double participation_target(const model_params& m, bool female, int age_months, bool out_of_school);
// The participation index x_i (log odds) of worker i this month (out of school, as the
// hazards use it; with_pupils: centred on the whole band's participation, as entrants use it).
[[nodiscard]] double participation_index(const world& w, std::size_t i, bool with_pupils = false);
// build_world: adds the initial working-age inactive population, sets the count of the
// inactive above the retirement age and the references of the participation index.
void add_initial_inactive(world& w);
// demography: entrant i starts outside the labour force with probability 1 - logistic(x_i),
// and then in general education with probability inactive_youth_in_school (its own draws).
void set_entrant_participation(world& w, std::size_t i);
// statistics: last months' job-finding rate, read by the participation index.
void update_participation_state(world& w, const month_stats& s);
// The inactive above the retirement age in region r, in agents, for a modelled population
// (agents in the store, not abroad) of `alive`.
[[nodiscard]] double retired_agents(const world& w, std::size_t r, std::int64_t alive);

}  // namespace laborsim
