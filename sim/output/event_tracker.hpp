// Agent events (hires, separations, enrolments, graduations, moves, policy courses) derived
// by comparing each worker's state at the end of a month with its state a month earlier,
// keyed by worker id. The model phases need no hooks and pay nothing when events are off.
// What a monthly comparison cannot see: a round trip inside one month (a separation and a
// rehire at the same firm, a course that ends and restarts) leaves no record.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/worker_store.hpp"

namespace laborsim {

enum class event_kind : std::uint8_t { hire, separation, enrol, graduate, migrate, policy };
inline constexpr int event_kind_count = 6;
inline constexpr std::array<std::string_view, event_kind_count> event_kind_names{"hire",     "separation", "enrol",
                                                                                 "graduate", "migrate",    "policy"};

[[nodiscard]] std::optional<event_kind> event_kind_from_name(std::string_view name);

// One row of an /events/<kind> table. -1 marks "not applicable" in the signed columns.
struct event_record {
    std::int32_t time = 0;   // days since the calendar start (first day of the month)
    std::int32_t month = 0;  // YYYYMM
    std::uint32_t worker_id = 0;
    std::int32_t firm = -1;         // hire: new employer; separation: the employer left
    std::int32_t school = -1;       // enrol: school entered; graduate: school completed
    std::uint32_t wage_vnd = 0;     // monthly; separation: the last wage
    std::int16_t region = -1;       // where it happened (migrate: destination)
    std::int16_t from_region = -1;  // migrate: origin
    std::int16_t policy = -1;       // policy: the course's policy; graduate: course completed
    std::int16_t age_months = -1;
    std::int8_t level = -1;  // education level after the event
    std::int8_t field = -1;
    std::int8_t status = -1;       // worker_status after the event; -1: left the population
    std::int8_t prev_status = -1;  // worker_status a month earlier; -1: entered this month
};

// The part of a worker's state that events are derived from (24 bytes a worker).
struct tracked_state {
    std::uint32_t id = 0;
    std::int32_t employer = no_employer;
    std::uint32_t wage_vnd = 0;
    std::uint16_t region = 0;
    std::uint16_t age_months = 0;
    std::uint8_t status = 0;
    std::uint8_t level = 0;
    std::uint8_t field = 0;
    std::uint8_t course = no_course;
    std::uint8_t flags = 0;
};

using event_tables = std::array<std::vector<event_record>, event_kind_count>;

class event_tracker {
public:
    event_tracker(std::array<bool, event_kind_count> enabled, std::size_t block_size)
        : enabled_(enabled), block_size_(block_size) {}

    // Records the state events are measured from (the world before the first month).
    void start(const worker_store& ws);

    // Fills `out[kind]` with this month's events, each table sorted by worker id, and keeps
    // the current state for next month. `time_days` and `yyyymm` stamp the records.
    void step(const worker_store& ws, std::int32_t time_days, std::int32_t yyyymm, event_tables& out);

    [[nodiscard]] bool enabled(event_kind k) const { return enabled_[static_cast<int>(k)]; }

private:
    struct tagged {
        event_kind kind;
        event_record rec;
    };
    void diff(const tracked_state* before, const tracked_state* after, std::vector<tagged>& out) const;

    std::array<bool, event_kind_count> enabled_;
    std::size_t block_size_;
    std::vector<tracked_state> prev_;  // by store index, as of the last call
    std::int32_t time_days_ = 0, yyyymm_ = 0;
};

}  // namespace laborsim
