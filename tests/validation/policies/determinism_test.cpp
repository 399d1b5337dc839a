// Every policy type together: results are identical for any thread count and block size.
#include <tbb/global_control.h>

#include "policy_run.hpp"

using namespace laborsim;
using namespace laborsim::policy_test;

namespace {

const char* all_policies = R"(schools:
  - {id: weak, region: a, kind: vocational_centre, seats_per_year: 2000, program_months: 6, quality: 0.3}
  - {id: college, region: b, kind: vocational_college, seats_per_year: 2000, program_months: 12}
policies:
  - {id: q, type: vocational_training_quota, region: a, seats_per_year: 2000, cost_per_trainee_vnd: 1000000, annual_budget_vnd: 1000000000}
  - {id: mw, type: minimum_wage, region: b, steps: [{from: 2021-06, wage_vnd: 4000000}]}
  - {id: t, type: talent_attraction, region: a, target: {min_level: college}, bonus_vnd: 50000000, commitment_months: 6, recipients: movers_and_residents, max_recipients_per_year: 500}
  - {id: acc, type: school_accreditation, region: a, standard: 0.5, upgrade_cost_vnd: 1, upgrade_months: 3}
  - {id: sep, type: school_enterprise_partnership, schools: [college], ordered_seats_per_year: 500}
  - {id: sa, type: study_abroad, region: b, target: {min_level: university}, places_per_year: 500, study_months: 3, return_obligation_months: 3}
  - {id: d, type: digital_skills_program, seats_per_year: 2000}
  - {id: pr, type: public_recruitment, region: a, target_per_10k: 80}
  - {id: fts, type: firm_training_subsidy, region: b, subsidy_per_trainee_vnd: 5000000, training_cost_vnd: 10000000, annual_budget_vnd: 10000000000}
)";

run_record run_with(int threads, std::size_t block) {
    const scenario sc =
        load_scenario_text(base_yaml(all_policies, "2021-12", "migration_rate: 0.01"), "determinism.yaml");
    run_record rec;
    recording_observer obs(rec, {});
    run_options opts;
    opts.threads = threads;
    opts.block_size = block;
    run_scenario(sc, opts, {&obs});
    return rec;
}

}  // namespace

TEST_CASE("policy runs do not depend on threads or block size", "[policy][determinism]") {
    const auto one = run_with(1, 100000);
    const auto two = run_with(2, 700);
    REQUIRE(one.months.size() == two.months.size());
    for (std::size_t t = 0; t < one.months.size(); ++t) {
        CHECK(one.months[t].by_region == two.months[t].by_region);
        for (std::size_t k = 0; k < one.reports[t].size(); ++k)
            CHECK(one.reports[t][k].series == two.reports[t][k].series);
    }
    // Every policy reported something.
    for (const auto& rep : one.reports.back()) CHECK(!rep.series.empty());
}
