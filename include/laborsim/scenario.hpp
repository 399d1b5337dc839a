// The scenario: plain, immutable input structs. The engine sees only these, never YAML.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "laborsim/calendar.hpp"
#include "laborsim/policy.hpp"
#include "laborsim/types.hpp"

namespace laborsim {

struct calendar_spec {
    year_month start{2021, 1};
    year_month end{2025, 12};
    [[nodiscard]] int months() const { return end.index() - start.index() + 1; }
};

// Five-year-ish age bands of the working-age population: 15-24, 25-34, 35-44, 45-54, 55-64.
inline constexpr int age_band_count = 5;

struct region_spec {
    std::string id;
    std::string name;
    double population = 0;                                   // persons
    double labor_force = 0;                                  // persons aged 15+ in the labour force
    double urban_share = 0.37;                               // of the labour force
    double unemployment_rate = 0.022;                        // initial, of the labour force
    std::array<double, education_count> education_shares{};  // of the labour force, sum 1
    std::array<double, field_count> field_shares{};          // of the labour force, sum 1
    std::array<double, age_band_count> age_shares{0.17, 0.25, 0.24, 0.21, 0.13};
    double mean_wage_vnd = 6.6e6;      // monthly, employed workers
    double min_wage_vnd = 3.43e6;      // monthly statutory regional minimum (2021 zone II)
    double amenity = 0;                // utility units, migration logit
    double labor_force_growth = 0.01;  // per year
    double latitude = 21.0;            // degrees, for the distance matrix
    double longitude = 105.8;
    double firms_per_1000_workers = 40;  // employers incl. household businesses, sampled
    // Levels of school leavers entering the labour force; all zero: the region's education_shares.
    std::array<double, education_count> entrant_education_shares{};
    // Real productivity growth by year from growth.first_year (last value kept); empty: growth's.
    std::vector<double> productivity_growth;
};

// Prices and trend productivity (sim/model/productivity.cpp): annual rates by calendar year
// from first_year, the last rate kept for later years; years before first_year grow at the first.
struct growth_spec {
    int first_year = 2021;
    // CPI, annual average change (GSO): 2021 1.84%, 2022 3.15%, 2023 3.25%, 2024 3.63%, 2025 3.31%.
    std::vector<double> inflation{0.0184, 0.0315, 0.0325, 0.0363, 0.0331};
    // Trend productivity: labour productivity at constant prices (GSO: 2021 4.71%, 2022 4.8%,
    // 2023 3.65%, 2024 5.88%) less the 2.0 points a year that the model's own accumulation of
    // skill and education adds to wages without a trend (docs/model.md).
    std::vector<double> productivity_growth{0.0271, 0.028, 0.0165, 0.0388};
};

// A shock to labour demand in some markets over a window of months (sim/model/shocks.cpp).
struct shock_spec {
    std::string id;
    year_month start{2021, 1};
    year_month end{2021, 1};
    std::vector<std::string> regions;  // empty: all
    std::vector<field_kind> fields;    // empty: all
    double demand = 0;                 // share of private jobs lost: desired headcount x (1 - demand)
    double separation = 0;             // extra monthly layoff probability of employees
    double productivity = 0;           // log points added to the regions' productivity (wages of all matches)
};

struct school_spec {
    std::string id;
    std::string region;
    school_kind kind = school_kind::vocational_centre;
    field_kind field = field_kind::industry;
    double seats_per_year = 0;  // persons
    int program_months = 3;
    double completion_rate = 0.85;
    double skill_gain = 0.1;  // log-skill points added on graduation
    double tuition_vnd_year = 0;
    double recruitment_intensity = 1.0;    // multiplies the application rate
    double quality = 0.6;                  // 0..1, accreditation compares against it
    std::optional<education_level> level;  // on graduation; unset: set by kind
};

// Behavioural parameters: defaults are documented in docs/model.md with their sources.
// Every number a phase uses lives here (and in the schema's "model" section), none in code.
// All members are doubles (whole numbers and a level too: the loader checks them), so the
// struct has no padding and tests can compare it as an array.
struct model_params {
    // demography
    double retirement_age_men = 60.25;  // years, Labour Code 2019 schedule for 2021
    double retirement_age_women = 55.33;
    double mortality_gompertz_a = 0.0003;  // annual hazard at age 15
    double mortality_gompertz_b = 0.085;   // per year of age
    double share_women = 0.47;             // of the labour force
    double entrant_age_min = 15;           // years, school leavers entering the labour force
    double entrant_age_max = 24;
    // initial state and entrants
    double initial_wage_share = 0.8;     // wage / match productivity at the start and for entrants
    double initial_skill_sd = 0.25;      // sd of log skill in the initial stock and of entrants
    double entrant_skill_offset = -0.1;  // mean log skill of entrants (no experience yet)
    // Firm agents are strata of establishments (sim/model/firm_strata.hpp): at most this many
    // a market (whole), each standing for about this many establishments.
    double firm_agents_per_market = 32;
    double establishments_per_firm_agent = 40;
    // Public employers by field (hospitals, schools, administration).
    std::array<double, field_count> public_employer_share{0.05, 0.05, 0.05, 0.9, 0.9, 0.05};
    // Required education level of a firm's jobs, by field: shares over levels.
    std::array<std::array<double, education_count>, field_count> job_level_shares{{
        {0.9, 0, 0.1, 0, 0, 0, 0},      // agriculture
        {0.6, 0, 0.3, 0, 0.1, 0, 0},    // industry
        {0.6, 0, 0.25, 0, 0, 0.15, 0},  // services
        {0, 0, 0, 0.5, 0, 0.5, 0},      // health
        {0, 0, 0, 0, 0.3, 0.7, 0},      // education
        {0, 0, 0, 0, 0.4, 0.6, 0},      // digital
    }};
    // separations and search
    double separation_rate = 0.012;        // monthly, exogenous
    double matching_efficiency = 0.55;     // A in M = A S^alpha V^(1-alpha)
    double matching_elasticity = 0.5;      // alpha
    double on_the_job_search = 0.03;       // share of employed searching each month
    double nash_share = 0.3;               // worker bargaining share
    double reservation_replacement = 0.8;  // reservation wage / market wage at the start of unemployment
    double reservation_decay = 0.97;       // per month unemployed
    double mismatch_penalty = 0.15;        // productivity loss when under-qualified
    double score_noise = 0.2;              // Gumbel scale of what firms cannot see of an applicant
    double placement_priority = 0.3;       // score bonus of applicants with placement support
    double outside_search_share = 0.2;     // searchers who also apply beyond their region x field market
    double outside_applications = 2;       // applications to other markets (a whole number, at most 3)
    double search_distance_cost = 0.1;     // PER 100 KM: log wage points of a job elsewhere (x hundreds_of_km(km))
    double field_switch_penalty = 0.1;     // log productivity lost in a job of another field
    double overqualification_gap = 3;      // levels above the job's requirement that count as over-qualified (whole)
    // firms
    double productivity_sigma = 0.45;      // log-normal cross-section
    double productivity_rho = 0.97;        // monthly AR(1) of the transitory shock
    double productivity_shock_sd = 0.02;   // monthly innovation sd of the transitory shock
    double aggregate_shock_sd = 0.0;       // common regional shock sd (Beveridge-curve runs)
    double labor_demand_elasticity = 1.0;  // desired headcount response to log productivity
    double jobs_labor_force_elasticity =
        0.5;                           // private jobs' response to the region's labour force (vs its input trend)
    double vacancy_rate = 0.015;       // vacancies posted per desired worker per month at balance
    double layoff_threshold = 0.15;    // layoffs when headcount exceeds desired by this share
    double firm_entry_rate = 0.002;    // monthly, firms re-drawn
    double unfilled_exit_months = 12;  // a private firm whose posts stay unfilled this long exits (0: never; whole)
    // education
    double young_age_years = 25;           // "young" below this age (application rate, study abroad)
    double application_rate_young = 0.02;  // monthly, young, not in school
    double application_rate_adult = 0.002;
    double schooling_return_weight = 1.0;   // weight on expected wage gain in the application odds
    double application_odds_cap = 4.0;      // the odds multiplier is at most this
    double school_distance_cost = 0.5;      // PER 100 KM: decay of a school's choice weight (x hundreds_of_km(km))
    double progression_rate = 0.2;          // graduates applying straight to the next level
    double in_program_dropout_share = 0.8;  // of non-completion that happens during the program
    double fixed_job_finding_rate =
        0;  // >0: every unemployed searcher finds a job with this monthly probability (validation mode)
    // training abroad (the baseline, self-funded programme; policies may add others)
    double study_abroad_rate = 0.0004;  // monthly, young, below the programme's level
    double abroad_level = static_cast<double>(education_level::university);  // an education_level
    double abroad_program_months = 48;                                       // whole months
    double abroad_completion_rate = 0.85;
    double abroad_skill_gain = 0.3;
    double abroad_return_probability = 0.5;
    // human capital
    double learning_rate = 0.0015;     // log-skill per month employed
    double depreciation_rate = 0.002;  // log-skill per month unemployed
    // firms' own training (every scenario; firm_training_subsidy adds to it)
    double firm_training_review_rate = 0.0417;  // about 1/24: monthly chance a firm reviews a worker's training
    double firm_training_cost_vnd = 30e6;       // cost of a course to the firm
    double firm_training_skill_gain = 0.05;     // log points
    std::array<double, education_count> level_wage_premium{0.0, 0.08, 0.25, 0.15, 0.20, 0.46, 0.70};
    // migration
    double migration_rate = 0.0015;          // monthly probability of considering a move
    double migration_income_weight = 2.0;    // logit weight on log expected income
    double migration_distance_cost = 0.004;  // PER KM (not per 100 km): utility of a move
    double migration_stay_bonus = 4.0;       // utility of staying (moving costs)
    // returns to levels: premium_l += epsilon [ln(D_l / D_l,0) - ln(S_l / S_l,0)] (productivity.cpp)
    double level_premium_supply_elasticity = 0.5;  // epsilon = 1/sigma, sigma = 2
    // participation (sim/model/participation.cpp; docs/model.md, participation)
    double participation_rate_15plus = 0.685;  // of the population 15+ at the start (0: no inactive state)
    // Participation of the working-age population by age band (15-24, ..., 55-64) below the
    // retirement age, men and women: the centre of the participation logit.
    std::array<double, age_band_count> participation_men{0.50, 0.93, 0.96, 0.94, 0.85};
    std::array<double, age_band_count> participation_women{0.44, 0.84, 0.87, 0.83, 0.65};
    double participation_turnover = 0.02;           // kappa: monthly hazards kappa p(x), kappa (1 - p(x))
    double participation_education_effect = 0.3;    // log odds, level >= elementary (centred on the region)
    double participation_job_finding_effect = 0.5;  // log odds per log point of the job-finding rate vs its start
    double participation_income_effect = -0.3;      // log odds per log point of expected income vs its start
    double discouragement_effect = 0.5;      // log odds lost per year unemployed (the unemployed, at most 2 years)
    double inactive_youth_in_school = 0.87;  // initial inactive aged 15-24 in general education (not NEET)
    // formal and informal jobs (sim/model/formality.cpp; docs/model.md, formal and informal jobs)
    std::array<double, field_count> informal_share{0.97, 0.5, 0.6, 0.1, 0.1, 0.3};  // of each field's employers
    double social_insurance_rate = 0.215;      // employer contributions on a formal wage
    double informal_on_the_job_search = 0.03;  // share of informal employees searching each month
    double formal_job_value = 0.1;             // log points a worker adds to a formal offer (insurance, security)
};

struct output_spec {
    std::string path;                 // empty: results/<name>.h5
    std::int64_t panel = 0;           // workers followed monthly
    std::vector<std::string> events;  // hire, separation, enrol, graduate, migrate, policy
    int snapshots_every_months = 0;   // 0: none
};

struct scenario {
    std::string name;
    std::string title;  // for people: "Cao Bằng" (empty: the name)
    std::string description;
    std::string source_path;    // the file it came from
    std::string resolved_yaml;  // the fully resolved text, for provenance
    calendar_spec calendar;
    std::uint64_t seed = 1;
    double scale = 1.0;  // agents per person
    model_params model;
    std::vector<region_spec> regions;
    std::vector<school_spec> schools;
    std::vector<policy_spec> policies;
    growth_spec growth;
    std::vector<shock_spec> shocks;
    output_spec output;
};

}  // namespace laborsim
