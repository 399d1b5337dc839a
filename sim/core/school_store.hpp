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
    // Every column, once, with its name (resize and checkpoints go through this list).
    template <class Self, class F>
    static void columns(Self& s, F&& f) {
        f("region", s.region);
        f("kind", s.kind);
        f("field", s.field);
        f("output_level", s.output_level);
        f("open", s.open);
        f("seats_per_month", s.seats_per_month);
        f("program_months", s.program_months);
        f("completion_rate", s.completion_rate);
        f("skill_gain", s.skill_gain);
        f("tuition_vnd_year", s.tuition_vnd_year);
        f("recruitment_intensity", s.recruitment_intensity);
        f("quality", s.quality);
        f("seat_credit", s.seat_credit);
        f("enrolled", s.enrolled);
        f("partner_policy", s.partner_policy);
    }
    void resize(std::size_t n) {
        const std::size_t old = size();
        columns(*this, [n](const char*, auto& col) { col.resize(n); });
        for (std::size_t s = old; s < n; ++s) {  // new schools start open, partnered with no policy
            open[s] = 1;
            partner_policy[s] = 0xFF;
        }
    }
};

}  // namespace laborsim
