#include "scenario/schema.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <tuple>

#include "core/units.hpp"
#include "laborsim/errors.hpp"
#include "laborsim/scenario.hpp"
#include "policy/policy_hooks.hpp"
#include "scenario/scenario_tree.hpp"

namespace laborsim {

namespace {

using vt = value_type;

// The `policy.<type>` section of each type in list order, then the sections they nest.
void add_policy_sections(std::vector<section_spec>& out) {
    std::vector<section_spec> nested;
    for_each_policy_type([&]<class T>() {
        auto ps = policy_hooks<T>::schema();
        out.push_back({policy_section_name<T>(), ps.doc, std::move(ps.keys)});
        for (auto& n : ps.nested) nested.push_back(std::move(n));
    });
    for (auto& n : nested) out.push_back(std::move(n));
}

// The values a numeric key accepts, by its unit: wide enough for any real scenario (Vietnam:
// 1.0e8 people, a state budget near 2e15 VND a year, wages near 1e7 VND a month), narrow
// enough that no value overflows a count, a one-byte counter or the memory before the
// run starts (issue 18: a 1e300 budget or firm density, 1e15 seats). Fractions are [0, 1]
// whatever their unit; a nonneg key never goes below 0.
struct unit_range {
    std::string_view unit;
    double min, max;
};
constexpr unit_range unit_ranges[] = {
    {"persons", 0, 1.5e9},          // the most populous country
    {"persons/year", 0, 1e8},       // seats and places: more than any country's school leavers
    {"workers", 0, 1e7},            // a followed panel
    {"VND", 0, 1e12},               // one person's cost, bonus or subsidy
    {"VND/month", 0, 1e11},         // wages and monthly costs
    {"VND/year", 0, 1e16},          // tuition; budgets (5 times Viet Nam's state budget)
    {"VND/school", 0, 1e14},        // one school's upgrade
    {"months", 0, 1200},            // a century
    {"years", 0, 100},              // ages
    {"1", 0, 100},                  // multipliers and elasticities
    {"1/year", -1, 1},              // growth and hazards per year
    {"1/year of age", 0, 1},        // Gompertz slope
    {"1/1000 workers", 0, 1000},    // at most one employer per worker
    {"1/10000 persons", 0, 10000},  // at most everyone
    {"1/100 km", 0, 100},
    {"log points", -10, 10},  // e^10: a factor of 22,000
    {"log points/month", -1, 1},
    {"log points/100 km", 0, 100},
    {"utility", -100, 100},
    {"utility/km", 0, 10},
    {"log odds", -20, 20},  // e^20: odds of 5e8 to 1
    {"log odds/year", 0, 20},
    {"firm agents", 1, 4096},       // per market: the firm store stays small at any scale
    {"establishments", 1e-3, 1e9},  // per firm agent
};
// Keys whose range is not their unit's.
const std::vector<key_range> key_ranges = {
    {"scenario.seed", 0, 9.0e15},  // a whole number exactly held in a double
    {"region.latitude", -90, 90},
    {"region.longitude", -180, 180},
    {"region.age_shares", 0, 1},
    {"model.outside_applications", 0, 3},
    {"model.overqualification_gap", 0, education_count - 1},
    {"growth.first_year", 1900, 2200},  // the calendar year of the first rates
    // A year's change of a price or productivity index: halved at worst, at most doubled.
    {"growth.inflation", -0.5, 1},
    {"growth.productivity_growth", -0.5, 1},
    {"region.productivity_growth", -0.5, 1},
    {"model.participation_men", 0, 1},  // participation by age band
    {"model.participation_women", 0, 1},
};

}  // namespace

void assign_ranges(std::vector<section_spec>& schema, const std::vector<key_range>& key_ranges) {
    for (auto& s : schema) {
        for (auto& k : s.keys) {
            if (!k.is_numeric()) continue;
            const std::string name = std::string(s.name) + "." + std::string(k.key);
            bool found = false;
            for (const auto& r : key_ranges)
                if (r.key == name) std::tie(k.min, k.max, found) = std::tuple(r.min, r.max, true);
            for (const auto& r : unit_ranges)
                if (!found && r.unit == k.unit) std::tie(k.min, k.max, found) = std::tuple(r.min, r.max, true);
            const bool shares = k.type == vt::fraction || k.type == vt::level_shares || k.type == vt::field_shares ||
                                k.type == vt::field_fractions;
            if (shares) std::tie(k.min, k.max, found) = std::tuple(0.0, 1.0, true);
            if (!found)
                throw internal_error("schema key " + name + " (unit '" + std::string(k.unit) + "') has no range");
            if (k.type == vt::nonneg || k.type == vt::integer) k.min = std::max(k.min, 0.0);
        }
    }
}

namespace {

std::vector<section_spec> make_schema() {
    const auto levels = choices_of(education_names);
    const auto fields = choices_of(field_names);
    std::vector<section_spec> schema{
        // clang-format off
        {"scenario", "The top level of a scenario file.", {
            {"name", vt::identifier, "required", "", "Scenario name; also the default output file name."},
            {"description", vt::string, "\"\"", "", "Free text shown by `laborsim info` and reports."},
            {"title", vt::string, "the name", "", "Display name for people, with diacritics (\"Cao Bằng\"): the workbench and reports show it."},
            {"extends", vt::string, "none", "", "Path of a parent scenario (relative to this file); this file's keys are merged over it (see Composing scenarios)."},
            {"calendar", vt::mapping, "required", "", "Simulated period.", {}, "calendar"},
            {"seed", vt::integer, "1", "", "Run seed; every random draw is keyed by it."},
            {"scale", vt::fraction, "1", "agents per person", "Sampling rate: 0.01 runs one agent per 100 people; outputs stay in persons."},
            {"model", vt::mapping, "defaults", "", "Behavioural parameters (docs/model.md).", {}, "model"},
            {"regions", vt::mapping_list, "required", "", "Regions (provinces), at least one.", {}, "region"},
            {"schools", vt::mapping_list, "[]", "", "Schools and vocational institutions.", {}, "school"},
            {"policies", vt::mapping_list, "[]", "", "Scheduled policies.", {}, "policy"},
            {"growth", vt::mapping, "GSO 2021-2025 rates", "", "Price index and trend productivity (docs/model.md, productivity and prices).", {}, "growth"},
            {"shocks", vt::mapping_list, "[]", "", "Shocks to labour demand in some regions and fields over a window (docs/model.md, shocks).", {}, "shock"},
            {"output", vt::mapping, "defaults", "", "What to write and where.", {}, "output"},
        }},
        {"calendar", "Simulated period, month by month, both ends included.", {
            {"start", vt::date, "required", "YYYY-MM", "First simulated month."},
            {"end", vt::date, "required", "YYYY-MM", "Last simulated month."},
        }},
        {"region", "One region (province). Shares are of the labour force.", {
            {"id", vt::identifier, "required", "", "Stable id used by policies, schools and the output `region` coordinate.", {}, {}, bind_to<&region_spec::id>()},
            {"name", vt::string, "id", "", "Display name.", {}, {}, bind_to<&region_spec::name>()},
            {"population", vt::nonneg, "0", "persons", "Total population (for per-10,000 ratios).", {}, {}, bind_to<&region_spec::population>()},
            {"labor_force", vt::nonneg, "required", "persons", "Labour force aged 15+ at the start.", {}, {}, bind_to<&region_spec::labor_force>()},
            {"urban_share", vt::fraction, "0.37", "1", "Urban share of the labour force.", {}, {}, bind_to<&region_spec::urban_share>()},
            {"unemployment_rate", vt::fraction, "0.022", "1", "Initial unemployment rate.", {}, {}, bind_to<&region_spec::unemployment_rate>()},
            {"education_shares", vt::level_shares, "required", "1", "Labour force by highest level, summing to 1.", levels, {}, bind_to<&region_spec::education_shares>()},
            {"field_shares", vt::field_shares, "required", "1", "Labour force by field, summing to 1.", fields, {}, bind_to<&region_spec::field_shares>()},
            {"age_shares", vt::number_list, "[0.17, 0.25, 0.24, 0.21, 0.13]", "1", "Labour force in age bands 15-24, 25-34, 35-44, 45-54, 55-64.", {}, {}, bind_to<&region_spec::age_shares>()},
            {"mean_wage_vnd", vt::nonneg, "6600000", "VND/month", "Mean monthly wage of the employed at the start.", {}, {}, bind_to<&region_spec::mean_wage_vnd>()},
            {"min_wage_vnd", vt::nonneg, "3430000", "VND/month", "Regional minimum wage at the start.", {}, {}, bind_to<&region_spec::min_wage_vnd>()},
            {"amenity", vt::number, "0", "utility", "Amenity term of the migration logit.", {}, {}, bind_to<&region_spec::amenity>()},
            {"labor_force_growth", vt::number, "0.01", "1/year", "Growth of the labour force from new entrants.", {}, {}, bind_to<&region_spec::labor_force_growth>()},
            {"latitude", vt::number, "21.0", "degrees", "Centroid latitude (distance matrix).", {}, {}, bind_to<&region_spec::latitude>()},
            {"longitude", vt::number, "105.8", "degrees", "Centroid longitude (distance matrix).", {}, {}, bind_to<&region_spec::longitude>()},
            {"firms_per_1000_workers", vt::nonneg, "40", "1/1000 workers", "Employers (incl. household businesses) per 1,000 workers.", {}, {}, bind_to<&region_spec::firms_per_1000_workers>()},
            {"entrant_education_shares", vt::level_shares, "education_shares", "1", "Levels of school leavers entering the labour force, summing to 1.", levels, {}, bind_to<&region_spec::entrant_education_shares>()},
            {"productivity_growth", vt::number_list, "growth.productivity_growth", "1/year", "Real productivity growth by year from growth.first_year, overriding the national path here (the last rate is kept).", {}, {}, bind_to<&region_spec::productivity_growth>()},
        }},
        {"growth", "Prices and trend productivity: annual rates by calendar year from first_year; the last rate is kept for later years, the first for earlier ones. Nominal values (wages, minimum wages, unit costs) are in VND of their month.", {
            {"first_year", vt::integer, "2021", "year", "Calendar year of each list's first rate.", {}, {}, bind_to<&growth_spec::first_year>()},
            {"inflation", vt::number_list, "[0.0184, 0.0315, 0.0325, 0.0363, 0.0331]", "1/year", "CPI, annual average change (GSO 2021-2025).", {}, {}, bind_to<&growth_spec::inflation>()},
            {"productivity_growth", vt::number_list, "[0.0271, 0.028, 0.0165, 0.0388]", "1/year", "Trend productivity growth: GSO labour productivity growth 2021-2024 less the 2.0 points a year the model's own skill and education growth adds (docs/model.md).", {}, {}, bind_to<&growth_spec::productivity_growth>()},
        }},
        {"shock", "A shock to labour demand in the markets of some regions and fields, in force from start to end (both included).", {
            {"id", vt::identifier, "required", "", "Stable id.", {}, {}, bind_to<&shock_spec::id>()},
            {"start", vt::date, "required", "YYYY-MM", "First month in force.", {}, {}, bind_to<&shock_spec::start>()},
            {"end", vt::date, "required", "YYYY-MM", "Last month in force.", {}, {}, bind_to<&shock_spec::end>()},
            {"regions", vt::string_list, "all", "", "Region ids (`all`: every region).", {}, {}, bind_to<&shock_spec::regions>()},
            {"fields", vt::string_list, "all", "", "Fields of the jobs hit.", fields, {}, bind_to<&shock_spec::fields>()},
            {"demand", vt::fraction, "0", "1", "Share of private jobs that disappear: desired headcount x (1 - demand).", {}, {}, bind_to<&shock_spec::demand>()},
            {"separation", vt::fraction, "0", "1/month", "Extra monthly layoff probability of every employee in the markets.", {}, {}, bind_to<&shock_spec::separation>()},
            {"productivity", vt::number, "0", "log points", "Added to the regions' productivity while in force (wages of new and existing matches).", {}, {}, bind_to<&shock_spec::productivity>()},
        }},
        {"school", "A school: kind sets its output level (vocational_centre -> elementary, vocational_college -> college, university -> university).", {
            {"id", vt::identifier, "required", "", "Stable id.", {}, {}, bind_to<&school_spec::id>()},
            {"region", vt::identifier, "required", "", "Region id.", {}, {}, bind_to<&school_spec::region>()},
            {"kind", vt::choice, "vocational_centre", "", "Kind of school.", choices_of(school_kind_names), {}, bind_to<&school_spec::kind>()},
            {"field", vt::choice, "industry", "", "Field of its graduates.", fields, {}, bind_to<&school_spec::field>()},
            {"seats_per_year", vt::nonneg, "required", "persons/year", "Admissions capacity.", {}, {}, bind_to<&school_spec::seats_per_year>()},
            {"program_months", vt::integer, "3", "months", "Program length.", {}, {}, bind_to<&school_spec::program_months>()},
            {"completion_rate", vt::fraction, "0.85", "1", "Share of entrants who graduate.", {}, {}, bind_to<&school_spec::completion_rate>()},
            {"skill_gain", vt::number, "0.1", "log points", "Skill added on graduation.", {}, {}, bind_to<&school_spec::skill_gain>()},
            {"tuition_vnd_year", vt::nonneg, "0", "VND/year", "Tuition (enters the application odds).", {}, {}, bind_to<&school_spec::tuition_vnd_year>()},
            {"recruitment_intensity", vt::nonneg, "1", "1", "Multiplier on applications it draws.", {}, {}, bind_to<&school_spec::recruitment_intensity>()},
            {"quality", vt::fraction, "0.6", "1", "Quality index (accreditation compares against it).", {}, {}, bind_to<&school_spec::quality>()},
            {"level", vt::choice, "by kind", "", "Level of its graduates, overriding the kind's (e.g. intermediate at a vocational college, postgraduate at a university).", levels, {}, bind_to<&school_spec::level>()},
        }},
        {"model", "Behavioural parameters. Equations, defaults and their sources: docs/model.md.", {
            {"retirement_age_men", vt::nonneg, "60.25", "years", "Statutory retirement age, men (Labour Code 2019, 2021 step)."},
            {"retirement_age_women", vt::nonneg, "55.33", "years", "Statutory retirement age, women (2021 step)."},
            {"mortality_gompertz_a", vt::nonneg, "0.0003", "1/year", "Death hazard at age 15."},
            {"mortality_gompertz_b", vt::nonneg, "0.085", "1/year of age", "Gompertz slope."},
            {"share_women", vt::fraction, "0.47", "1", "Women in the labour force."},
            {"entrant_age_min", vt::nonneg, "15", "years", "Youngest age of school leavers entering the labour force."},
            {"entrant_age_max", vt::nonneg, "24", "years", "Oldest age of school leavers entering the labour force."},
            {"initial_wage_share", vt::fraction, "0.8", "1", "Wage / match productivity at the start and for newcomers."},
            {"initial_skill_sd", vt::nonneg, "0.25", "log points", "Sd of log skill at the start and of entrants."},
            {"entrant_skill_offset", vt::number, "-0.1", "log points", "Mean log skill of entrants (no experience yet)."},
            {"firm_agents_per_market", vt::integer, "32", "firm agents", "Most firm agents (strata of establishments) in a region x field market; their number does not depend on the scale."},
            {"establishments_per_firm_agent", vt::nonneg, "40", "establishments", "Establishments one firm agent stands for, below the cap (the market's establishments from firms_per_1000_workers)."},
            {"public_employer_share", vt::field_fractions, "agriculture 0.05, industry 0.05, services 0.05, health 0.9, education 0.9, digital 0.05", "1",
             "Share of employers in each field that are public (staff to a norm, never exit).", fields},
            {"job_level_shares", vt::mapping, "see docs/model.md", "", "Required education level of jobs, by field.", {}, "job_level_shares"},
            {"separation_rate", vt::fraction, "0.012", "1/month", "Exogenous monthly separation probability."},
            {"matching_efficiency", vt::nonneg, "0.55", "1", "A in M = A S^alpha V^(1-alpha)."},
            {"matching_elasticity", vt::fraction, "0.5", "1", "alpha, elasticity of matches to searchers."},
            {"on_the_job_search", vt::fraction, "0.03", "1/month", "Share of the employed searching each month."},
            {"nash_share", vt::fraction, "0.3", "1", "Worker's share of the match surplus."},
            {"reservation_replacement", vt::nonneg, "0.8", "1", "Reservation wage / the worker's market wage, at the start of unemployment."},
            {"reservation_decay", vt::fraction, "0.97", "1/month", "Reservation wage decay per month unemployed."},
            {"mismatch_penalty", vt::nonneg, "0.15", "log points", "Productivity loss when below the job's required level."},
            {"score_noise", vt::nonneg, "0.2", "log points", "Gumbel scale of what firms cannot see of an applicant."},
            {"placement_priority", vt::number, "0.3", "log points", "Ranking bonus of applicants with placement support."},
            {"outside_search_share", vt::fraction, "0.2", "1", "Share of searchers who also apply beyond their region x field market (other fields here, any field elsewhere)."},
            {"outside_applications", vt::integer, "2", "applications", "Applications to other markets by such a searcher (at most 3)."},
            {"search_distance_cost", vt::nonneg, "0.1", "log points/100 km", "Cost of a job elsewhere, in log wage per 100 km."},
            {"field_switch_penalty", vt::nonneg, "0.1", "log points", "Productivity lost in a job of another field (field-specific skill)."},
            {"overqualification_gap", vt::integer, "3", "levels", "Levels above the job's requirement that count as over-qualified."},
            {"productivity_sigma", vt::nonneg, "0.45", "log points", "Cross-section sd of firm log productivity."},
            {"productivity_rho", vt::fraction, "0.97", "1", "Monthly persistence of productivity shocks."},
            {"productivity_shock_sd", vt::nonneg, "0.02", "log points", "Monthly sd of firm shocks."},
            {"aggregate_shock_sd", vt::nonneg, "0", "log points", "Monthly sd of a common regional demand shock."},
            {"labor_demand_elasticity", vt::nonneg, "1", "1", "Desired headcount response to log productivity."},
            {"jobs_labor_force_elasticity", vt::fraction, "0.5", "1", "How far private jobs follow the region's actual labour force (1) rather than its input trend labor_force_growth (0)."},
            {"vacancy_rate", vt::nonneg, "0.015", "1", "Open posts per filled job at balance."},
            {"layoff_threshold", vt::nonneg, "0.15", "1", "Excess headcount share that triggers layoffs."},
            {"firm_entry_rate", vt::fraction, "0.002", "1/month", "Monthly exit (and re-entry) probability of a private firm."},
            {"unfilled_exit_months", vt::integer, "12", "months", "A private firm whose posts stay open this long without a hire exits (0: never)."},
            {"young_age_years", vt::nonneg, "25", "years", "Age below which people count as young (application rate, study abroad)."},
            {"application_rate_young", vt::fraction, "0.02", "1/month", "Base application rate to schools of the young."},
            {"application_rate_adult", vt::fraction, "0.002", "1/month", "Base application rate to schools from young_age_years on."},
            {"schooling_return_weight", vt::nonneg, "1", "1", "Weight of the expected wage gain in the application odds."},
            {"application_odds_cap", vt::nonneg, "4", "1", "Upper bound of the application odds multiplier."},
            {"school_distance_cost", vt::nonneg, "0.5", "1/100 km", "Decay of a school's choice weight with distance."},
            {"progression_rate", vt::fraction, "0.2", "1", "Share of new graduates applying straight to a higher level."},
            {"in_program_dropout_share", vt::fraction, "0.8", "1", "Part of non-completion (in log terms) that happens during the program rather than at its end."},
            {"fixed_job_finding_rate", vt::fraction, "0", "1/month", "Validation mode: constant job-finding probability (0: off)."},
            {"study_abroad_rate", vt::fraction, "0.0004", "1/month", "Monthly probability that a young person leaves to study abroad."},
            {"abroad_level", vt::choice, "university", "", "Level reached by completing the baseline programme abroad.", levels},
            {"abroad_program_months", vt::integer, "48", "months", "Length of study abroad."},
            {"abroad_completion_rate", vt::fraction, "0.85", "1", "Share of students abroad who complete."},
            {"abroad_skill_gain", vt::number, "0.3", "log points", "Skill added on completing abroad."},
            {"abroad_return_probability", vt::fraction, "0.5", "1", "Probability of coming back after study abroad (the rest emigrate)."},
            {"learning_rate", vt::number, "0.0015", "log points/month", "On-the-job skill growth."},
            {"depreciation_rate", vt::number, "0.002", "log points/month", "Skill loss while unemployed."},
            {"firm_training_review_rate", vt::fraction, "0.0417", "1/month",
             "Monthly chance a firm reviews an employee's training (firms' own training, every scenario)."},
            {"firm_training_cost_vnd", vt::nonneg, "30000000", "VND", "Cost to the firm of training one employee."},
            {"firm_training_skill_gain", vt::number, "0.05", "log points", "Skill added by a firm's training."},
            {"level_wage_premium", vt::level_numbers, "none 0, short_course 0.08, elementary 0.25, intermediate 0.15, college 0.2, university 0.46, postgraduate 0.7", "log points", "Wage premium by level over `none`.", levels},
            {"migration_rate", vt::fraction, "0.0015", "1/month", "Probability of considering a move."},
            {"migration_income_weight", vt::nonneg, "2", "1", "Logit weight on log expected income."},
            {"migration_distance_cost", vt::nonneg, "0.004", "utility/km", "Moving cost per km."},
            {"migration_stay_bonus", vt::number, "4", "utility", "Utility of staying put."},
            {"level_premium_supply_elasticity", vt::nonneg, "0.5", "1", "epsilon: a level's wage premium moves by epsilon x (log change of the share of jobs requiring it - log change of the share of the labour force holding it)."},
            {"participation_rate_15plus", vt::fraction, "0.685", "1", "Labour-force participation of the population 15+ at the start; sets the inactive population above the retirement age (0: no inactive state)."},
            {"participation_men", vt::number_list, "[0.5, 0.93, 0.96, 0.94, 0.85]", "1", "Participation of men below the retirement age in bands 15-24, 25-34, 35-44, 45-54, 55-64 (each in (0, 1])."},
            {"participation_women", vt::number_list, "[0.44, 0.84, 0.87, 0.83, 0.65]", "1", "Participation of women below the retirement age, same bands."},
            {"participation_turnover", vt::fraction, "0.02", "1/month", "kappa: monthly hazards of joining (kappa p) and leaving (kappa (1 - p)) the labour force."},
            {"participation_education_effect", vt::number, "0.3", "log odds", "Participation log odds of a certified person (level >= elementary), centred on the region's start."},
            {"participation_job_finding_effect", vt::number, "0.5", "log odds", "Participation log odds per log point of the region's job-finding rate against its start."},
            {"participation_income_effect", vt::number, "-0.3", "log odds", "Participation log odds per log point of the region's expected income against its start."},
            {"discouragement_effect", vt::nonneg, "0.5", "log odds/year", "Participation log odds an unemployed person loses per year unemployed (at most two years)."},
            {"inactive_youth_in_school", vt::fraction, "0.87", "1", "Share of the initial inactive aged 15-24 who are in general education (not NEET until they leave it at 25 or join the labour force)."},
            {"informal_share", vt::field_fractions, "agriculture 0.97, industry 0.5, services 0.6, health 0.1, education 0.1, digital 0.3", "1",
             "Share of each field's employers that are informal (the least productive; public employers are formal).", fields},
            {"social_insurance_rate", vt::nonneg, "0.215", "1", "Employer social, health and unemployment insurance on a formal wage."},
            {"informal_on_the_job_search", vt::fraction, "0.03", "1/month", "Share of informal employees searching each month."},
            {"formal_job_value", vt::number, "0.1", "log points", "What a worker adds to the log wage of a formal offer (insurance, security)."},
        }},
        {"job_level_shares", "Required education level of a firm's jobs, by field: shares over levels summing to 1 (drawn per firm).", {
            {"agriculture", vt::level_shares, "none 0.9, elementary 0.1", "1", "Agriculture jobs.", levels},
            {"industry", vt::level_shares, "none 0.6, elementary 0.3, college 0.1", "1", "Industry jobs.", levels},
            {"services", vt::level_shares, "none 0.6, elementary 0.25, university 0.15", "1", "Services jobs.", levels},
            {"health", vt::level_shares, "intermediate 0.5, university 0.5", "1", "Health jobs.", levels},
            {"education", vt::level_shares, "college 0.3, university 0.7", "1", "Education jobs.", levels},
            {"digital", vt::level_shares, "college 0.4, university 0.6", "1", "Digital jobs.", levels},
        }},
        {"output", "What the run writes.", {
            {"path", vt::string, "results/<name>.h5", "", "HDF5 output path (relative to the working directory)."},
            {"panel", vt::integer, "0", "workers", "Workers followed monthly in /panel."},
            {"events", vt::string_list, "[]", "", "Event tables to record.", {"hire", "separation", "enrol", "graduate", "migrate", "policy"}},
            {"snapshots_every_months", vt::integer, "0", "months", "Full agent tables every N months (0: none)."},
        }},
        {"policy", "A scheduled policy. The keys below are common; `type` adds its own (sections policy.<type>).", {
            {"id", vt::identifier, "required", "", "Stable id; output under /policies/<id>."},
            {"type", vt::choice, "required", "", "Policy type (docs/policies.md).", {policy_type_names.begin(), policy_type_names.end()}},
            {"region", vt::string_list, "all", "", "Region id, list of ids, or `all`."},
            {"start", vt::date, "calendar start", "YYYY-MM", "First month in force."},
            {"end", vt::date, "calendar end", "YYYY-MM", "Last month in force."},
            {"annual_budget_vnd", vt::nonneg, "0 (no cap)", "VND/year", "Spending cap per calendar year."},
        }},
        // clang-format on
    };
    add_policy_sections(schema);
    schema.push_back(
        section_spec{"target",
                     "A target group; omitted keys mean anyone.",
                     {
                         {"rural", vt::boolean, "any", "", "Rural (true) or urban (false) workers."},
                         {"unemployed", vt::boolean, "any", "", "Unemployed (true) or employed (false)."},
                         {"inactive", vt::boolean, "false", "",
                          "Working-age people outside the labour force (true; not students) instead of its members "
                          "(false). Training completed activates them: they join the labour force as searchers."},
                         {"min_level", vt::choice, "none", "", "Lowest education level.", levels},
                         {"max_level", vt::choice, "postgraduate", "", "Highest education level.", levels},
                         {"field", vt::choice, "any", "", "Field.", fields},
                         {"min_age", vt::integer, "15", "years", "Youngest age."},
                         {"max_age", vt::integer, "64", "years", "Oldest age."},
                     }});
    assign_ranges(schema, key_ranges);
    return schema;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

}  // namespace

bool key_spec::is_numeric() const {
    switch (type) {
        case vt::integer:
        case vt::number:
        case vt::nonneg:
        case vt::fraction:
        case vt::level_shares:
        case vt::field_shares:
        case vt::level_numbers:
        case vt::field_fractions:
        case vt::number_list: return true;
        default: return false;
    }
}

std::string short_number(double v) {
    char buf[32];
    if (v == std::floor(v) && std::fabs(v) < 1e7) {
        std::snprintf(buf, sizeof buf, "%.0f", v);
        return buf;
    }
    std::snprintf(buf, sizeof buf, "%.6g", v);
    std::string out = buf;  // 1e+16 -> 1e16, 2.5e-05 -> 2.5e-5
    if (const auto e = out.find('e'); e != std::string::npos) {
        std::string mantissa = out.substr(0, e), exponent = out.substr(e + 1);
        const bool negative = exponent[0] == '-';
        exponent.erase(0, exponent.find_first_not_of("+-0"));
        out = mantissa + "e" + (negative ? "-" : "") + exponent;
    }
    return out;
}

std::string range_text(const key_spec& k) {
    if (!k.is_numeric()) return "";
    return short_number(k.min) + " to " + short_number(k.max);
}

const key_spec* section_spec::find(std::string_view key) const {
    for (const auto& k : keys)
        if (k.key == key) return &k;
    return nullptr;
}

const std::vector<section_spec>& scenario_schema() {
    static const std::vector<section_spec> schema = make_schema();
    return schema;
}

const section_spec& schema_section(std::string_view name) {
    for (const auto& s : scenario_schema())
        if (s.name == name) return s;
    throw internal_error("no schema section " + std::string(name));
}

std::string_view value_type_text(const key_spec& k) {
    switch (k.type) {
        case vt::integer: return "non-negative integer";
        case vt::number: return "number";
        case vt::nonneg: return "non-negative number";
        case vt::fraction: return "number in [0, 1]";
        case vt::boolean: return "true or false";
        case vt::string: return "string";
        case vt::identifier: return "identifier (letters, digits, '-', '_')";
        case vt::date: return "date YYYY-MM";
        case vt::choice: return "one of the choices";
        case vt::string_list: return "string or list of strings";
        case vt::level_shares: return "map education level -> share (sum 1)";
        case vt::field_shares: return "map field -> share (sum 1)";
        case vt::level_numbers: return "map education level -> number";
        case vt::field_fractions: return "map field -> number in [0, 1]";
        case vt::number_list: return "list of numbers";
        case vt::mapping: return "mapping";
        case vt::mapping_list: return "list of mappings";
    }
    return "value";
}

std::string schema_markdown() {
    std::ostringstream out;
    out << "# Scenario file reference\n\n"
        << "Generated by `laborsim schema` from the loader's schema (sim/scenario/schema.cpp); a test keeps this\n"
        << "file equal to that output. Dates are `YYYY-MM`. Money is VND. Shares are fractions in [0, 1].\n"
        << "\n## Composing scenarios\n\n"
        << "- `extends: parent.yaml` (top level, relative to the file) loads the parent, fully resolved (it may\n"
        << "  extend another; a cycle is an error that lists the chain), and merges this file over it.\n"
        << "- Merging: mappings merge key by key (this file wins); a list whose items all have an `id`\n"
        << "  (`regions`, `schools`, `policies`) merges by id: an item with an inherited id overrides only the\n"
        << "  keys it gives, a new id is appended, and `{id: x, remove: true}` drops the inherited item x. Any\n"
        << "  other value (a scalar, a list without ids, an empty list) replaces the inherited one; `key: ~`\n"
        << "  restores the default.\n"
        << "- `include: file.yaml`: a mapping with an `include` key is replaced by the content of that file\n"
        << "  (relative to the including file; includes may nest). Other keys beside `include` are merged over\n"
        << "  the included mapping. In a list, an item `{include: file.yaml}` whose file holds a list is\n"
        << "  replaced by that list's items, e.g. `regions: [{include: regions/northeast.yaml}, {id: ...}]`\n"
        << "  or `regions: {include: regions/northeast.yaml}`.\n"
        << "- `--set key.path=value` (run, validate) applies after composition; list items are addressed by\n"
        << "  index or id (`policies.cb-rural-training.seats_per_year=8000`, `regions[0].amenity=0.5`); the\n"
        << "  value is YAML, typed like a value in the file; its errors are reported as `--set[i]`.\n"
        << "- `laborsim validate --print FILE` prints the resolved scenario; the same text is stored in the\n"
        << "  output's `scenario` attribute.\n"
        << "- Errors name the file, line and column where the offending value was written, in whichever\n"
        << "  file of the chain that is.\n"
        << "\n## Limits\n\n"
        << "Every number has a range (the `range` column; both ends included): wide enough for any real\n"
        << "scenario, narrow enough that no value overflows a count or the memory. The loader also refuses, with a\n"
        << "located error (exit 2): a file over " << (max_scenario_file_bytes >> 20)
        << " MiB or that is not a regular file (a pipe,\n"
        << "a device, a directory); `extends`/`include` nested over " << max_file_nesting << " files deep or over "
        << max_files_loaded << " files in all;\n"
        << "a document nested over " << max_tree_depth << " levels or of over " << max_tree_nodes
        << " nodes once YAML aliases are\n"
        << "expanded; a `--set` key path of over " << max_key_path_steps << " steps. At most " << max_listed_diagnostics
        << " errors are listed,\n"
        << "then how many more there are. `--scenario-root DIR` (validate, run, sweep) refuses an `extends` or\n"
        << "`include` outside DIR (after resolving symbolic links). Before a run builds its world, its memory is\n"
        << "estimated from the agents' columns and the run is refused when it would not fit (see `laborsim run "
           "--help`).\n";
    for (const auto& s : scenario_schema()) {
        out << "\n## `" << s.name << "`\n\n"
            << s.doc << "\n\n"
            << "| key | type | default | unit | range | meaning |\n|---|---|---|---|---|---|\n";
        for (const auto& k : s.keys) {
            std::string type(value_type_text(k));
            if (!k.choices.empty() && (k.type == vt::choice || k.type == vt::string_list)) {
                type = "one of ";
                for (std::size_t i = 0; i < k.choices.size(); ++i)
                    type += (i ? ", `" : "`") + std::string(k.choices[i]) + "`";
            }
            if (!k.section.empty()) type += " (`" + std::string(k.section) + "`)";
            out << "| `" << k.key << "` | " << type << " | " << k.default_text << " | " << k.unit << " | "
                << range_text(k) << " | " << k.doc << " |\n";
        }
    }
    return out.str();
}

std::string closest_match(std::string_view word, const std::vector<std::string_view>& candidates) {
    std::string best;
    std::size_t best_d = std::max<std::size_t>(2, word.size() / 3) + 1;
    for (auto c : candidates) {
        const std::size_t d = edit_distance(word, c);
        if (d < best_d) {
            best_d = d;
            best = std::string(c);
        }
    }
    return best;
}

}  // namespace laborsim
