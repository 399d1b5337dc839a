// Workers as a structure of arrays with compact types (30 bytes a worker, see
// docs/performance.md). Ids are stable for the run; removal swaps the last worker into
// the hole so the arrays stay dense.
#pragma once
#include <cstdint>
#include <vector>

#include "laborsim/types.hpp"

namespace laborsim {

namespace worker_flag {
inline constexpr std::uint8_t female = 1u << 0;
inline constexpr std::uint8_t rural = 1u << 1;
inline constexpr std::uint8_t mismatched = 1u << 2;  // under-qualified for the current job
inline constexpr std::uint8_t panel = 1u << 3;       // followed in /panel
inline constexpr std::uint8_t trained_by_policy = 1u << 4;
inline constexpr std::uint8_t moved = 1u << 5;  // changed region in this month's migration (read by talent_attraction)
inline constexpr std::uint8_t placement = 1u << 6;  // placement support after a course
// Inactive and in general (upper-secondary) education, which the model does not hold as
// schools: not NEET. Cleared when the person joins the labour force or turns 25.
inline constexpr std::uint8_t schooling = 1u << 7;
}  // namespace worker_flag

inline constexpr std::int32_t no_employer = -1;
inline constexpr std::uint8_t no_policy = 0xFF;
inline constexpr std::uint8_t no_course = no_policy;

struct worker_store {
    std::vector<std::uint32_t> id;
    std::vector<std::uint16_t> region;
    std::vector<std::uint16_t> age_months;  // age in months
    std::vector<std::uint16_t> months_in_status;
    std::vector<std::uint8_t> flags;   // worker_flag bits
    std::vector<std::uint8_t> level;   // education_level
    std::vector<std::uint8_t> field;   // field_kind
    std::vector<std::uint8_t> status;  // worker_status
    std::vector<std::uint8_t> course;  // policy index of a running course, or no_course
    std::vector<std::uint8_t> course_months_left;
    // A policy that follows this worker after selecting it (a talent commitment, study
    // abroad and its return obligation, a placement window), or no_policy; and the months
    // left in the current stage.
    std::vector<std::uint8_t> tag_policy;
    std::vector<std::uint8_t> tag_months;
    std::vector<float> skill;  // log human capital
    // The worker's place: the firm index (employed), the school index (student) or the
    // abroad programme index (abroad), else no_employer. One column for the three keeps a
    // worker's bytes down; read it through employer_or_school() or abroad_program(),
    // which say which of the three is meant.
    std::vector<std::int32_t> employer;
    std::vector<std::uint32_t> wage_vnd;  // monthly; last wage when not employed

    [[nodiscard]] std::size_t size() const { return id.size(); }

    // Every column, once, with its name: resizing, removal and checkpoints go through this
    // list, so a column added here is carried everywhere (and one left out breaks resize).
    template <class Self, class F>
    static void columns(Self& s, F&& f) {
        f("id", s.id);
        f("region", s.region);
        f("age_months", s.age_months);
        f("months_in_status", s.months_in_status);
        f("flags", s.flags);
        f("level", s.level);
        f("field", s.field);
        f("status", s.status);
        f("course", s.course);
        f("course_months_left", s.course_months_left);
        f("tag_policy", s.tag_policy);
        f("tag_months", s.tag_months);
        f("skill", s.skill);
        f("employer", s.employer);
        f("wage_vnd", s.wage_vnd);
    }

    void resize(std::size_t n);
    void reserve(std::size_t n);
    // Appends a worker with default state and returns its index.
    std::size_t push_back(std::uint32_t new_id);
    // Moves the last worker into slot i and shrinks by one.
    void swap_remove(std::size_t i);

    [[nodiscard]] bool has(std::size_t i, std::uint8_t flag) const { return (flags[i] & flag) != 0; }
    void set(std::size_t i, std::uint8_t flag, bool on) {
        flags[i] = on ? static_cast<std::uint8_t>(flags[i] | flag) : static_cast<std::uint8_t>(flags[i] & ~flag);
    }
    [[nodiscard]] worker_status status_of(std::size_t i) const { return static_cast<worker_status>(status[i]); }
    [[nodiscard]] bool in_labor_force(std::size_t i) const {
        const auto st = status[i];
        return (st == static_cast<std::uint8_t>(worker_status::employed)) |
               (st == static_cast<std::uint8_t>(worker_status::unemployed));
    }
    // The firm (employed) or school (student) of worker i, else no_employer: what the
    // outputs' employer columns hold (a programme abroad is not an employer).
    [[nodiscard]] std::int32_t employer_or_school(std::size_t i) const {
        const auto st = status_of(i);
        return st == worker_status::employed || st == worker_status::student ? employer[i] : no_employer;
    }
    // The programme (world::abroad_programs) of a worker abroad.
    [[nodiscard]] std::uint32_t abroad_program(std::size_t i) const { return static_cast<std::uint32_t>(employer[i]); }
    void set_abroad_program(std::size_t i, std::uint32_t program) { employer[i] = static_cast<std::int32_t>(program); }
    [[nodiscard]] std::size_t bytes_per_worker() const;
};

}  // namespace laborsim
