// Firms (public employers included) as a structure of arrays. Firms never leave the
// arrays: an exiting firm is re-drawn in place (entry), so indexes held by workers stay valid.
#pragma once
#include <cstdint>
#include <type_traits>
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
    // Every column, once, with its name (resize and checkpoints go through this list).
    template <class Self, class F>
    static void columns(Self& s, F&& f) {
        f("region", s.region);
        f("field", s.field);
        f("min_level", s.min_level);
        f("is_public", s.is_public);
        f("is_formal", s.is_formal);
        f("log_productivity", s.log_productivity);
        f("shock", s.shock);
        f("base_size", s.base_size);
        f("headcount", s.headcount);
        f("desired", s.desired);
        f("vacancies", s.vacancies);
        f("layoffs", s.layoffs);
        f("months_unfilled", s.months_unfilled);
        f("hires", s.hires);
    }
    // The bytes of one firm in all columns (the memory estimate, sim/model/world_memory.cpp).
    [[nodiscard]] static std::size_t bytes_per_firm() {
        std::size_t bytes = 0;
        firm_store none;
        columns(none,
                [&](const char*, auto& col) { bytes += sizeof(typename std::decay_t<decltype(col)>::value_type); });
        return bytes;
    }
    void resize(std::size_t n) {
        columns(*this, [n](const char*, auto& col) { col.resize(n); });
    }
};

}  // namespace laborsim
