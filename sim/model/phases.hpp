// The monthly phases, in the order the engine runs them. Equations: docs/model.md.
#pragma once
#include "model/world.hpp"

namespace laborsim {

void run_firm_training(world& w);       // firms' own training (before the policies: subsidies see it)
void run_policy_schedule(world& w);     // sim/policy/schedule.cpp
void run_demography(world& w);          // ageing, retirement, death, entry
void run_firms(world& w);               // shocks, desired headcount, vacancies, layoffs, entry/exit
void run_education(world& w);           // graduation, dropout, applications, admission
void run_separations(world& w);         // exogenous separations and layoffs
void run_participation(world& w);       // joining and leaving the labour force
void run_migration(world& w);           // logit over regions
void run_matching(world& w);            // search and matching per region x field market
void run_wages_and_learning(world& w);  // on-the-job learning, depreciation, wage drift
void collect_statistics(const world& w, month_stats& out);
// What next month's phases read from this month's statistics (expected income, population).
void update_region_state(world& w, const month_stats& s);

}  // namespace laborsim
