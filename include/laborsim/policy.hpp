// Policies are data: one small struct per type, held in a variant, plus one apply function
// each (sim/policy/). Adding a type touches its struct here, its file there and its schema entry.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "laborsim/calendar.hpp"
#include "laborsim/types.hpp"

namespace laborsim {

// Who a policy is aimed at; an unset member means "anyone".
struct target_group {
    std::optional<bool> rural;
    std::optional<bool> unemployed;
    std::optional<education_level> min_level;
    std::optional<education_level> max_level;
    std::optional<field_kind> field;
    int min_age = 15;
    int max_age = 64;
};

struct vocational_training_quota {
    target_group target;
    double seats_per_year = 0;                  // persons
    education_level course_level = education_level::short_course;
    field_kind course_field = field_kind::industry;
    int course_months = 3;
    double completion_rate = 0.9;
    double skill_gain = 0.08;                   // log-skill points on completion
    double cost_per_trainee_vnd = 0;
    double placement_support = 0;               // extra job-finding probability factor after completion
};

struct minimum_wage {
    // Dated steps: the level in force from each date on.
    struct step { year_month from; double wage_vnd = 0; };
    std::vector<step> steps;
};

// Who receives the bonus of a talent_attraction policy.
enum class talent_recipients : std::uint8_t { movers, movers_and_residents };

struct talent_attraction {
    target_group target;                        // who qualifies (level, field, age)
    double bonus_vnd = 0;                       // one-off, per recipient
    double wage_top_up_vnd_month = 0;           // paid monthly during the commitment
    int commitment_months = 60;                 // stay in the region this long
    double clawback_share = 1.0;                // of the bonus, pro rata to the months left, repaid on leaving early
    talent_recipients recipients = talent_recipients::movers;
    double max_recipients_per_year = 0;         // persons; 0: only the budget limits
};

enum class accreditation_action : std::uint8_t { upgrade, close };

struct school_accreditation {
    double standard = 0.6;                      // quality a school must reach (school quality index)
    std::vector<school_kind> kinds;             // kinds assessed; empty: all
    accreditation_action below_standard = accreditation_action::upgrade;
    double upgrade_cost_vnd = 0;                // per school
    int upgrade_months = 12;
    double admission_cap = 0.5;                 // share of seats open while below the standard
    int deadline_months = 0;                    // upgrade: close if not funded within this long (0: never)
};

struct school_enterprise_partnership {
    std::vector<std::string> schools;           // partner school ids; empty: every school in the regions
    double ordered_seats_per_year = 0;          // extra seats per partner school, ordered by firms
    double internship_skill_bonus = 0.05;       // log points added on graduation
    double cost_per_student_month_vnd = 0;      // internship and coordination cost per enrolled student
    int placement_window_months = 12;           // follow graduates this long to count placements
};

struct study_abroad {
    target_group target;
    double places_per_year = 0;                 // persons
    education_level study_level = education_level::postgraduate;
    std::optional<field_kind> study_field;      // unset: keep the student's field
    int study_months = 24;
    double completion_rate = 0.9;
    double skill_gain = 0.2;                    // log points on completion
    double return_rate = 0.8;                   // probability of coming back at the end
    int return_obligation_months = 60;          // work in the region this long after returning
    double cost_per_student_vnd = 0;            // whole program, paid at departure
    double clawback_share = 1.0;                // of the cost, repaid by non-returners and (pro rata) early leavers
};

struct digital_skills_program {
    target_group target;
    double seats_per_year = 0;                  // persons
    int course_months = 2;
    double completion_rate = 0.85;
    double skill_gain = 0.05;                   // log points on completion
    double field_switch_share = 0.3;            // of completers, who move into the digital field
    double cost_per_trainee_vnd = 0;
};

struct public_recruitment {
    field_kind field = field_kind::health;
    education_level min_level = education_level::university;
    double target_per_10k = 0;                  // staff per 10,000 population
    double max_hires_per_year = 0;              // persons; 0: no pace limit
    double cost_per_hire_vnd = 0;               // one-off (recruitment, relocation, signing)
    bool recruit_from_other_regions = true;
};

struct firm_training_subsidy {
    target_group target;                        // employed workers only
    double subsidy_per_trainee_vnd = 0;
    double training_cost_vnd = 0;               // full cost of a course to the firm
    double review_rate = 1.0 / 12.0;            // monthly chance a firm reviews a worker's training
    double skill_gain = 0.05;                   // log points
    std::optional<education_level> certify_level;  // level reached by trainees below it
};

using policy_params = std::variant<vocational_training_quota, minimum_wage, talent_attraction, school_accreditation,
                                   school_enterprise_partnership, study_abroad, digital_skills_program,
                                   public_recruitment, firm_training_subsidy>;

struct policy_spec {
    std::string id;
    std::vector<std::string> regions;           // empty: all regions
    year_month start{2021, 1};
    year_month end{2100, 12};
    double annual_budget_vnd = 0;               // 0: no cap
    policy_params params;

    [[nodiscard]] bool active(year_month ym) const { return start <= ym && ym <= end; }
};

// Type names in variant order (the YAML `type` values).
inline constexpr std::array<const char*, std::variant_size_v<policy_params>> policy_type_names{
    "vocational_training_quota", "minimum_wage", "talent_attraction", "school_accreditation",
    "school_enterprise_partnership", "study_abroad", "digital_skills_program", "public_recruitment",
    "firm_training_subsidy"};

inline constexpr const char* policy_type_name(const policy_params& p) { return policy_type_names[p.index()]; }

}  // namespace laborsim
