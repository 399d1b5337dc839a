// Events derived by comparing worker states month to month (sim/io/event_tracker.cpp).
#include <catch2/catch.hpp>

#include <map>
#include <random>

#include "output/event_tracker.hpp"

using namespace laborsim;

namespace {

constexpr auto employed = static_cast<std::uint8_t>(worker_status::employed);
constexpr auto unemployed = static_cast<std::uint8_t>(worker_status::unemployed);
constexpr auto student = static_cast<std::uint8_t>(worker_status::student);

std::array<bool, event_kind_count> all_on() {
    std::array<bool, event_kind_count> on{};
    on.fill(true);
    return on;
}

worker_store make_workers(std::size_t n) {
    worker_store ws;
    for (std::uint32_t id = 0; id < n; ++id) ws.push_back(id);
    return ws;
}

std::size_t slot_of(const worker_store& ws, std::uint32_t id) {
    for (std::size_t i = 0; i < ws.size(); ++i)
        if (ws.id[i] == id) return i;
    FAIL("no worker " << id);
    return 0;
}

const std::vector<event_record>& table(const event_tables& t, event_kind k) { return t[static_cast<int>(k)]; }

}  // namespace

TEST_CASE("event_tracker follows workers through swap-removal", "[io][events]") {
    auto ws = make_workers(6);
    ws.status[2] = employed;
    ws.employer[2] = 5;
    ws.wage_vnd[2] = 7'000'000;
    event_tracker tracker(all_on(), 2);
    tracker.start(ws);

    ws.swap_remove(2);               // worker 2 leaves (employed at firm 5): worker 5 moves into slot 2
    ws.region[slot_of(ws, 5)] = 3;   // the moved worker also migrates
    const auto i3 = slot_of(ws, 3);  // worker 3 is hired
    ws.status[i3] = employed;
    ws.employer[i3] = 9;
    const auto n = ws.push_back(10);  // an entrant, hired at once
    ws.status[n] = employed;
    ws.employer[n] = 4;

    event_tables out;
    tracker.step(ws, 31, 202102, out);
    const auto& seps = table(out, event_kind::separation);
    REQUIRE(seps.size() == 1);
    CHECK(seps[0].worker_id == 2);
    CHECK(seps[0].firm == 5);
    CHECK(seps[0].wage_vnd == 7'000'000);
    CHECK(seps[0].status == -1);  // left the population
    CHECK(seps[0].time == 31);
    CHECK(seps[0].month == 202102);

    const auto& hires = table(out, event_kind::hire);
    REQUIRE(hires.size() == 2);
    CHECK(hires[0].worker_id == 3);
    CHECK(hires[0].firm == 9);
    CHECK(hires[0].prev_status == unemployed);
    CHECK(hires[1].worker_id == 10);
    CHECK(hires[1].prev_status == -1);  // entered this month

    const auto& moves = table(out, event_kind::migrate);
    REQUIRE(moves.size() == 1);
    CHECK(moves[0].worker_id == 5);
    CHECK(moves[0].from_region == 0);
    CHECK(moves[0].region == 3);

    // Nothing changes: no events.
    tracker.step(ws, 59, 202103, out);
    for (const auto& t : out) CHECK(t.empty());
}

TEST_CASE("event_tracker records schools, courses and job changes", "[io][events]") {
    auto ws = make_workers(5);
    ws.status[0] = student;  // will graduate
    ws.employer[0] = 2;
    ws.status[1] = student;  // will drop out
    ws.employer[1] = 2;
    ws.status[3] = employed;  // will change jobs
    ws.employer[3] = 1;
    event_tracker tracker(all_on(), 64);
    tracker.start(ws);

    ws.status[0] = unemployed;
    ws.employer[0] = no_employer;
    ws.level[0] = 4;
    ws.status[1] = unemployed;
    ws.employer[1] = no_employer;
    ws.course[2] = 0;        // starts a policy course
    ws.employer[3] = 8;      // job to job
    ws.status[4] = student;  // enrols
    ws.employer[4] = 1;

    event_tables out;
    tracker.step(ws, 0, 202101, out);
    const auto& grads = table(out, event_kind::graduate);
    REQUIRE(grads.size() == 1);
    CHECK(grads[0].worker_id == 0);
    CHECK(grads[0].school == 2);
    CHECK(grads[0].level == 4);
    REQUIRE(table(out, event_kind::policy).size() == 1);
    CHECK(table(out, event_kind::policy)[0].policy == 0);
    REQUIRE(table(out, event_kind::enrol).size() == 1);
    CHECK(table(out, event_kind::enrol)[0].school == 1);
    REQUIRE(table(out, event_kind::hire).size() == 1);
    CHECK(table(out, event_kind::hire)[0].firm == 8);
    REQUIRE(table(out, event_kind::separation).size() == 1);
    CHECK(table(out, event_kind::separation)[0].firm == 1);
    CHECK(table(out, event_kind::separation)[0].status == employed);

    // The course ends with a higher level: a graduation from policy 0.
    ws.course[2] = no_course;
    ws.level[2] = 2;
    tracker.step(ws, 31, 202102, out);
    REQUIRE(table(out, event_kind::graduate).size() == 1);
    CHECK(table(out, event_kind::graduate)[0].policy == 0);
    CHECK(table(out, event_kind::graduate)[0].school == -1);
}

TEST_CASE("event_tracker agrees with a reference by id, for any block size", "[io][events]") {
    // Random months of removals, entrants and state changes; the reference keeps a map by id.
    for (std::size_t block : {std::size_t{1}, std::size_t{7}, std::size_t{1000}}) {
        std::mt19937 gen(42);
        auto ws = make_workers(300);
        std::uint32_t next_id = 300;
        event_tracker tracker(all_on(), block);
        tracker.start(ws);
        std::map<std::uint32_t, std::pair<std::uint8_t, std::int32_t>> before;  // id -> (status, employer)
        for (std::size_t i = 0; i < ws.size(); ++i) before[ws.id[i]] = {ws.status[i], ws.employer[i]};
        for (int month = 0; month < 12; ++month) {
            for (int k = 0; k < 20 && ws.size() > 0; ++k) ws.swap_remove(gen() % ws.size());
            for (int k = 0; k < 20; ++k) ws.push_back(next_id++);
            for (std::size_t i = 0; i < ws.size(); ++i) {
                if (gen() % 5 != 0) continue;
                ws.status[i] = gen() % 2 ? employed : unemployed;
                ws.employer[i] = ws.status[i] == employed ? static_cast<std::int32_t>(gen() % 4) : no_employer;
            }
            event_tables out;
            tracker.step(ws, month, 202101 + month, out);
            std::vector<std::uint32_t> want_hires, want_seps;
            std::map<std::uint32_t, std::pair<std::uint8_t, std::int32_t>> after;
            for (std::size_t i = 0; i < ws.size(); ++i) after[ws.id[i]] = {ws.status[i], ws.employer[i]};
            for (const auto& [id, now] : after) {
                const auto it = before.find(id);
                const bool was = it != before.end() && it->second.first == employed;
                if (now.first == employed && (!was || it->second.second != now.second)) want_hires.push_back(id);
            }
            for (const auto& [id, then] : before) {
                const auto it = after.find(id);
                if (then.first == employed &&
                    (it == after.end() || it->second.first != employed || it->second.second != then.second))
                    want_seps.push_back(id);
            }
            std::vector<std::uint32_t> got_hires, got_seps;
            for (const auto& r : table(out, event_kind::hire)) got_hires.push_back(r.worker_id);
            for (const auto& r : table(out, event_kind::separation)) got_seps.push_back(r.worker_id);
            CHECK(got_hires == want_hires);  // both in ascending id order
            CHECK(got_seps == want_seps);
            before = after;
        }
    }
}

TEST_CASE("event_tracker records only the kinds it is asked for", "[io][events]") {
    auto ws = make_workers(3);
    std::array<bool, event_kind_count> on{};
    on[static_cast<int>(event_kind::migrate)] = true;
    event_tracker tracker(on, 64);
    tracker.start(ws);
    ws.status[0] = employed;
    ws.employer[0] = 1;
    ws.region[1] = 2;
    event_tables out;
    tracker.step(ws, 0, 202101, out);
    CHECK(table(out, event_kind::hire).empty());
    CHECK(table(out, event_kind::migrate).size() == 1);
    CHECK(event_kind_from_name("graduate") == event_kind::graduate);
    CHECK_FALSE(event_kind_from_name("graduation").has_value());
}
