// Matching this month's workers to last month's: the store keeps workers dense by moving
// the last one into a removed worker's slot, so most slots hold the same worker as a month
// ago. Only slots whose occupant changed are looked up by id (a sorted list), which keeps
// the cost at one pass over the workers plus a sort of the few that moved.
#include "output/event_tracker.hpp"

#include <algorithm>
#include <tuple>

#include "core/parallel.hpp"

namespace laborsim {

namespace {

constexpr auto employed = static_cast<std::uint8_t>(worker_status::employed);
constexpr auto student = static_cast<std::uint8_t>(worker_status::student);

tracked_state state_of(const worker_store& ws, std::size_t i) {
    tracked_state s;
    s.id = ws.id[i];
    s.employer = ws.employer_or_school(i);
    s.wage_vnd = ws.wage_vnd[i];
    s.region = ws.region[i];
    s.age_months = ws.age_months[i];
    s.status = ws.status[i];
    s.level = ws.level[i];
    s.field = ws.field[i];
    s.course = ws.course[i];
    s.flags = ws.flags[i];
    return s;
}

bool by_id(const tracked_state& a, const tracked_state& b) { return a.id < b.id; }

event_record record_of(const tracked_state& s) {
    event_record r;
    r.worker_id = s.id;
    r.wage_vnd = s.wage_vnd;
    r.region = static_cast<std::int16_t>(s.region);
    r.age_months = static_cast<std::int16_t>(std::min<int>(s.age_months, 32767));
    r.level = static_cast<std::int8_t>(s.level);
    r.field = static_cast<std::int8_t>(s.field);
    r.status = static_cast<std::int8_t>(s.status);
    return r;
}

}  // namespace

std::optional<event_kind> event_kind_from_name(std::string_view name) {
    for (int k = 0; k < event_kind_count; ++k)
        if (event_kind_names[k] == name) return static_cast<event_kind>(k);
    return std::nullopt;
}

void event_tracker::start(const worker_store& ws) {
    prev_.resize(ws.size());
    for_blocks(ws.size(), block_size_, [&](std::size_t b, std::size_t e) {
        for (std::size_t i = b; i < e; ++i) prev_[i] = state_of(ws, i);
    });
}

void event_tracker::diff(const tracked_state* before, const tracked_state* after, std::vector<tagged>& out) const {
    const std::int8_t prev_status = before ? static_cast<std::int8_t>(before->status) : -1;
    auto emit = [&](event_kind k, const tracked_state& s) -> event_record& {
        event_record r = record_of(s);
        r.time = time_days_;
        r.month = yyyymm_;
        r.prev_status = prev_status;
        if (after == nullptr) r.status = -1;
        out.push_back({k, r});
        return out.back().rec;
    };
    const bool was_employed = before && before->status == employed;
    const bool is_employed = after && after->status == employed;
    const bool was_student = before && before->status == student;
    const bool is_student = after && after->status == student;

    if (enabled(event_kind::separation) && was_employed && (!is_employed || before->employer != after->employer)) {
        // Described as the job was: its region, employer and last wage.
        auto& r = emit(event_kind::separation, *before);
        r.firm = before->employer;
        if (after != nullptr) r.status = static_cast<std::int8_t>(after->status);
    }
    if (after == nullptr) return;
    if (enabled(event_kind::hire) && is_employed && (!was_employed || before->employer != after->employer))
        emit(event_kind::hire, *after).firm = after->employer;
    if (enabled(event_kind::enrol) && is_student && (!was_student || before->employer != after->employer))
        emit(event_kind::enrol, *after).school = after->employer;
    if (enabled(event_kind::graduate) && before != nullptr) {
        // A school completion raises the level (admission requires a higher output level);
        // a dropout leaves it unchanged and is not recorded.
        if (was_student && (!is_student || before->employer != after->employer) && after->level > before->level)
            emit(event_kind::graduate, *after).school = before->employer;
        const bool newly_trained = (after->flags & worker_flag::trained_by_policy) != 0 &&
                                   (before->flags & worker_flag::trained_by_policy) == 0;
        if (before->course != no_course && after->course != before->course &&
            (after->level > before->level || newly_trained))
            emit(event_kind::graduate, *after).policy = before->course;
    }
    if (enabled(event_kind::migrate) && before != nullptr && before->region != after->region)
        emit(event_kind::migrate, *after).from_region = static_cast<std::int16_t>(before->region);
    if (enabled(event_kind::policy) && after->course != no_course &&
        (before == nullptr || before->course != after->course))
        emit(event_kind::policy, *after).policy = after->course;
}

void event_tracker::step(const worker_store& ws, std::int32_t time_days, std::int32_t yyyymm, event_tables& out) {
    time_days_ = time_days;
    yyyymm_ = yyyymm;
    const std::size_t n = ws.size(), np = prev_.size();
    auto same_slot = [&](std::size_t i) { return i < np && i < n && prev_[i].id == ws.id[i]; };

    // Last month's records whose slot now holds someone else (or nobody): they moved or left.
    auto displaced = gather_blocks<tracked_state>(np, block_size_, [&](std::size_t b, std::size_t e, auto& part) {
        for (std::size_t j = b; j < e; ++j)
            if (!same_slot(j)) part.push_back(prev_[j]);
    });
    std::sort(displaced.begin(), displaced.end(), by_id);
    // Ids of this month's workers in changed slots: movers and entrants.
    auto arrived = gather_blocks<std::uint32_t>(n, block_size_, [&](std::size_t b, std::size_t e, auto& part) {
        for (std::size_t i = b; i < e; ++i)
            if (!same_slot(i)) part.push_back(ws.id[i]);
    });
    std::sort(arrived.begin(), arrived.end());

    auto found = [&](std::uint32_t id) -> const tracked_state* {
        tracked_state key;
        key.id = id;
        auto it = std::lower_bound(displaced.begin(), displaced.end(), key, by_id);
        return it != displaced.end() && it->id == id ? &*it : nullptr;
    };
    auto events = gather_blocks<tagged>(n, block_size_, [&](std::size_t b, std::size_t e, auto& part) {
        for (std::size_t i = b; i < e; ++i) {
            const tracked_state now = state_of(ws, i);
            diff(same_slot(i) ? &prev_[i] : found(now.id), &now, part);
        }
    });
    // Workers who left the population this month.
    for (const auto& d : displaced)
        if (!std::binary_search(arrived.begin(), arrived.end(), d.id)) diff(&d, nullptr, events);

    for (auto& table : out) table.clear();
    for (const auto& t : events) out[static_cast<int>(t.kind)].push_back(t.rec);
    for (auto& table : out)
        std::sort(table.begin(), table.end(), [](const event_record& a, const event_record& b) {
            return std::tie(a.worker_id, a.policy, a.school) < std::tie(b.worker_id, b.policy, b.school);
        });

    prev_.resize(n);
    for_blocks(n, block_size_, [&](std::size_t b, std::size_t e) {
        for (std::size_t i = b; i < e; ++i) prev_[i] = state_of(ws, i);
    });
}

}  // namespace laborsim
