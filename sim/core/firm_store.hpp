// Firms (public employers included) as a structure of arrays. Firms never leave the
// arrays: an exiting firm is re-drawn in place (entry), so indexes held by workers stay valid.
#pragma once
#include <cstdint>
#include <vector>

namespace laborsim {

struct firm_store {
    std::vector<std::uint16_t> region;
    std::vector<std::uint8_t> field;      // field_kind of the jobs it offers
    std::vector<std::uint8_t> min_level;  // education_level required
    std::vector<std::uint8_t> is_public;  // hospitals, schools, administration
    std::vector<std::uint8_t> is_formal;  // registered: minimum wage and social insurance bind (formality.cpp)
    std::vector<float> log_productivity;  // permanent component, log-normal cross-section
    std::vector<float> shock;             // AR(1) transitory component
    std::vector<float> base_size;         // desired headcount at log_productivity = 0
    std::vector<std::int32_t> headcount;
    std::vector<std::int32_t> desired;
    std::vector<std::int32_t> vacancies;
    std::vector<std::int32_t> layoffs;           // to be laid off this month
    std::vector<std::uint16_t> months_unfilled;  // consecutive months with open posts and no hire
    std::vector<std::int32_t> hires;             // hires this month (matching)

    [[nodiscard]] std::size_t size() const { return region.size(); }
    void resize(std::size_t n) {
        region.resize(n);
        field.resize(n);
        min_level.resize(n);
        is_public.resize(n);
        is_formal.resize(n);
        log_productivity.resize(n);
        shock.resize(n);
        base_size.resize(n);
        headcount.resize(n);
        desired.resize(n);
        vacancies.resize(n);
        layoffs.resize(n);
        months_unfilled.resize(n);
        hires.resize(n);
    }
};

}  // namespace laborsim
