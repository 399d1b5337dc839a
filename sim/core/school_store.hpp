// Schools, built from the scenario's school list.
#pragma once
#include <cstdint>
#include <vector>

namespace laborsim {

struct school_store {
    std::vector<std::uint16_t> region;
    std::vector<std::uint8_t> kind;          // school_kind
    std::vector<std::uint8_t> field;         // field_kind
    std::vector<std::uint8_t> output_level;  // education_level on graduation
    std::vector<std::uint8_t> open;          // 0 once closed (accreditation)
    std::vector<double> seats_per_month;     // agent seats, after scale
    std::vector<std::int32_t> program_months;
    std::vector<double> completion_rate;
    std::vector<double> skill_gain;
    std::vector<double> tuition_vnd_year;
    std::vector<double> recruitment_intensity;
    std::vector<double> quality;
    std::vector<double> seat_credit;  // fractional seats carried between months
    std::vector<std::int32_t> enrolled;
    // school_enterprise_partnership: index of the policy whose partner this school is
    // (its graduates get placement priority and are followed by it), or 0xFF.
    std::vector<std::uint8_t> partner_policy;

    [[nodiscard]] std::size_t size() const { return region.size(); }
    void resize(std::size_t n) {
        region.resize(n);
        kind.resize(n);
        field.resize(n);
        output_level.resize(n);
        open.resize(n, 1);
        seats_per_month.resize(n);
        program_months.resize(n);
        completion_rate.resize(n);
        skill_gain.resize(n);
        tuition_vnd_year.resize(n);
        recruitment_intensity.resize(n);
        quality.resize(n);
        seat_credit.resize(n);
        enrolled.resize(n);
        partner_policy.resize(n, 0xFF);
    }
};

}  // namespace laborsim
