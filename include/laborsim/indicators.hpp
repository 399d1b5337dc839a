// The monthly indicators per region: one table that the model fills, the recorder writes
// and the docs list, so the three cannot drift apart.
#pragma once
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "laborsim/types.hpp"

namespace laborsim {

enum class indicator : int {
    labor_force,
    employed,
    unemployed,
    unemployment_rate,
    students,
    trained_rate,
    certified_rate,
    high_quality_rate,
    mean_wage,
    wage_p10,
    wage_p50,
    wage_p90,
    vacancies,
    hires,
    separations,
    job_finding_rate,
    vacancy_filling_rate,
    mismatch_rate,
    enrolments,
    graduates,
    migration_in,
    migration_out,
    mean_skill,
    doctors_per_10k,
    population,
    entrants,
    exits,
    dropouts,
    layoffs,
    overqualification_rate,
    students_abroad,
    abroad_departures,
    abroad_returns,
    abroad_emigrants,
    firm_trained,
    participation_rate,
    inactive,
    neet_youth,
    informal_share,
    formal_employed,
    formal_mean_wage,
    formal_at_minimum_share,
    population_15plus,
    count_
};
inline constexpr int indicator_count = static_cast<int>(indicator::count_);

struct indicator_info {
    std::string_view name;
    std::string_view units;        // laborsim's unit words; the file's UDUNITS form: output/output_common.hpp
    std::string_view long_name;    // short, for plot labels (CF long_name)
    std::string_view description;  // the full sentence
};

inline constexpr std::array<indicator_info, indicator_count> indicator_table{{
    {"labor_force", "persons", "labour force", "labour force (employed + unemployed), aged 15+"},
    {"employed", "persons", "employed persons", "employed persons"},
    {"unemployed", "persons", "unemployed persons", "unemployed persons (searching, not employed)"},
    {"unemployment_rate", "1", "unemployment rate", "unemployed / labour force"},
    {"students", "persons", "full-time students", "persons enrolled full time in a school (outside the labour force)"},
    {"trained_rate", "1", "share trained (short course or above)",
     "share of the labour force with level >= short_course"},
    {"certified_rate", "1", "share certified (elementary or above)",
     "share of the labour force with a degree or certificate (level >= elementary)"},
    {"high_quality_rate", "1", "share with university or above", "share of the labour force with level >= university"},
    {"mean_wage", "VND/month", "mean monthly wage", "mean monthly wage of the employed"},
    {"wage_p10", "VND/month", "monthly wage, 10th percentile", "10th percentile of monthly wages of the employed"},
    {"wage_p50", "VND/month", "median monthly wage", "median monthly wage of the employed"},
    {"wage_p90", "VND/month", "monthly wage, 90th percentile", "90th percentile of monthly wages of the employed"},
    {"vacancies", "jobs", "open vacancies", "open vacancies at the start of matching"},
    {"hires", "persons/month", "hires", "hires this month"},
    {"separations", "persons/month", "separations", "separations (quits, layoffs, exogenous) this month"},
    {"job_finding_rate", "1/month", "job-finding rate", "hires from unemployment / unemployed searchers"},
    {"vacancy_filling_rate", "1/month", "vacancy-filling rate", "hires / vacancies"},
    {"mismatch_rate", "1", "underqualification rate", "share of the employed below their job's required level"},
    {"enrolments", "persons/month", "enrolments", "admissions to schools and policy courses this month"},
    {"graduates", "persons/month", "graduates", "completions of schools and policy courses this month"},
    {"migration_in", "persons/month", "in-migration", "workers moving into the region this month"},
    {"migration_out", "persons/month", "out-migration", "workers moving out of the region this month"},
    {"mean_skill", "log points", "mean log human capital", "mean log human capital of the labour force"},
    {"doctors_per_10k", "1/10000 persons", "doctors per 10,000 population",
     "employed health workers with level >= university per 10,000 population"},
    {"population", "persons", "population",
     "people modelled in the region (labour force, students, inactive; not those abroad)"},
    {"entrants", "persons/month", "labour-market entrants", "school leavers entering the labour force this month"},
    {"exits", "persons/month", "retirements and deaths", "retirements and deaths this month"},
    {"dropouts", "persons/month", "school dropouts", "students leaving a school without its qualification this month"},
    {"layoffs", "persons/month", "layoffs",
     "separations beyond the exogenous rate (firms shrinking or closing) this month"},
    {"overqualification_rate", "1", "overqualification rate",
     "share of the employed at least overqualification_gap levels above their job's required level"},
    {"students_abroad", "persons", "students abroad", "people of the region studying abroad"},
    {"abroad_departures", "persons/month", "departures to study abroad", "people leaving to study abroad this month"},
    {"abroad_returns", "persons/month", "returns from study abroad", "people returning from study abroad this month"},
    {"abroad_emigrants", "persons/month", "emigrants after study abroad",
     "people staying abroad after their studies this month (leave the population)"},
    {"firm_trained", "persons/month", "trained by their firm",
     "employees trained by their own firm this month (firms' own training, subsidised or not)"},
    {"participation_rate", "1", "labour-force participation rate",
     "labour force / population 15+ (labour force, students, inactive of working age, and the inactive above the "
     "retirement age, a count per region)"},
    {"inactive", "persons", "inactive of working age",
     "people below the retirement age outside the labour force and not in school (students excluded)"},
    {"neet_youth", "persons", "NEET youth (15-24)",
     "aged 15-24, unemployed or inactive, not in a school, general education or a policy course"},
    {"informal_share", "1", "informal employment share", "employed in informal jobs / employed"},
    {"formal_employed", "persons", "formal employment", "employed in formal jobs (public employers included)"},
    {"formal_mean_wage", "VND/month", "mean monthly wage, formal jobs", "mean monthly wage of formal employees"},
    {"formal_at_minimum_share", "1", "formal jobs at the minimum wage",
     "share of formal employees paid the regional minimum wage (to 1 VND)"},
    {"population_15plus", "persons", "population 15+",
     "the denominator of participation_rate: labour force, students, working-age inactive and the inactive above "
     "the retirement age"},
}};

[[nodiscard]] inline std::string_view indicator_name(indicator i) { return indicator_table[static_cast<int>(i)].name; }

// One month of results: values[indicator][region], plus breakdowns [region][level|field].
struct month_stats {
    int month_index = 0;                                                        // year*12 + month - 1
    std::vector<std::array<double, indicator_count>> by_region;                 // [region][indicator]
    std::vector<std::array<double, education_count>> labor_force_by_education;  // [region][level]
    std::vector<std::array<double, field_count>> employed_by_field;             // [region][field]
    std::vector<std::array<double, education_count>> enrolments_by_education;   // [region][level of the program]
    std::vector<std::array<double, education_count>> graduates_by_education;    // [region][level reached]

    void reset(std::size_t regions) {
        by_region.assign(regions, {});
        labor_force_by_education.assign(regions, {});
        employed_by_field.assign(regions, {});
        enrolments_by_education.assign(regions, {});
        graduates_by_education.assign(regions, {});
    }
    double& at(std::size_t region, indicator i) { return by_region[region][static_cast<int>(i)]; }
    [[nodiscard]] double at(std::size_t region, indicator i) const { return by_region[region][static_cast<int>(i)]; }
};

// Units of a policy series, from its name: *_vnd -> VND, *_per_10k -> 1/10000 persons,
// schools_* / upgrades_* -> schools, mean_quality / incentive_utility -> 1 or utility,
// anything else persons (docs/policies.md lists every series).
[[nodiscard]] inline std::string_view policy_series_units(std::string_view name) {
    auto ends_with = [&](std::string_view s) {
        return name.size() >= s.size() && name.substr(name.size() - s.size()) == s;
    };
    if (ends_with("_vnd")) return "VND";
    if (ends_with("_per_10k")) return "1/10000 persons";
    if (name.substr(0, 8) == "schools_" || name.substr(0, 9) == "upgrades_") return "schools";
    if (name == "mean_quality") return "1";
    if (name == "incentive_utility") return "utility";
    if (name == "seats_capped" || name == "ordered_seats") return "persons/year";
    return "persons";
}

// What a policy did this month: named series such as spending_vnd, beneficiaries, trained.
struct policy_month_report {
    std::string id;
    std::string type;
    std::vector<std::pair<std::string, double>> series;
};

}  // namespace laborsim
