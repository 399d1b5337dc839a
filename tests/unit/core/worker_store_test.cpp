// worker_store: the columns stay aligned through appends and swap-and-pop removals, and the
// whole worker state fits the 48-byte budget of the design.
#include <catch2/catch.hpp>

#include <map>

#include "core/worker_store.hpp"

using laborsim::worker_store;

namespace {

// Gives worker i values in every column derived from its id, so a misaligned column shows.
void fill_from_id(worker_store& w, std::size_t i) {
    const std::uint32_t id = w.id[i];
    w.region[i] = static_cast<std::uint16_t>(id % 7);
    w.age_months[i] = static_cast<std::uint16_t>(180 + id);
    w.months_in_status[i] = static_cast<std::uint16_t>(id * 3);
    w.flags[i] = static_cast<std::uint8_t>(id * 5);
    w.level[i] = static_cast<std::uint8_t>(id % 7);
    w.field[i] = static_cast<std::uint8_t>(id % 6);
    w.status[i] = static_cast<std::uint8_t>(id % 5);
    w.course[i] = static_cast<std::uint8_t>(id % 11);
    w.course_months_left[i] = static_cast<std::uint8_t>(id % 13);
    w.tag_policy[i] = static_cast<std::uint8_t>(id % 17);
    w.tag_months[i] = static_cast<std::uint8_t>(id % 19);
    w.skill[i] = static_cast<float>(id) * 0.25f;
    w.employer[i] = static_cast<std::int32_t>(id) - 50;
    w.wage_vnd[i] = 1000u * id;
}

void require_aligned(const worker_store& w) {
    const std::size_t n = w.size();
    REQUIRE(w.region.size() == n);
    REQUIRE(w.age_months.size() == n);
    REQUIRE(w.months_in_status.size() == n);
    REQUIRE(w.flags.size() == n);
    REQUIRE(w.level.size() == n);
    REQUIRE(w.field.size() == n);
    REQUIRE(w.status.size() == n);
    REQUIRE(w.course.size() == n);
    REQUIRE(w.course_months_left.size() == n);
    REQUIRE(w.tag_policy.size() == n);
    REQUIRE(w.tag_months.size() == n);
    REQUIRE(w.skill.size() == n);
    REQUIRE(w.employer.size() == n);
    REQUIRE(w.wage_vnd.size() == n);
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint32_t id = w.id[i];
        INFO("slot " << i << ", id " << id);
        REQUIRE(w.region[i] == id % 7);
        REQUIRE(w.age_months[i] == 180 + id);
        REQUIRE(w.months_in_status[i] == static_cast<std::uint16_t>(id * 3));
        REQUIRE(w.flags[i] == static_cast<std::uint8_t>(id * 5));
        REQUIRE(w.level[i] == id % 7);
        REQUIRE(w.field[i] == id % 6);
        REQUIRE(w.status[i] == id % 5);
        REQUIRE(w.course[i] == id % 11);
        REQUIRE(w.course_months_left[i] == id % 13);
        REQUIRE(w.tag_policy[i] == id % 17);
        REQUIRE(w.tag_months[i] == id % 19);
        REQUIRE(w.skill[i] == static_cast<float>(id) * 0.25f);
        REQUIRE(w.employer[i] == static_cast<std::int32_t>(id) - 50);
        REQUIRE(w.wage_vnd[i] == 1000u * id);
    }
}

}  // namespace

TEST_CASE("worker_store: push_back gives a fresh worker its id and default state", "[worker_store]") {
    worker_store w;
    const auto i = w.push_back(41);
    REQUIRE(i == 0);
    REQUIRE(w.size() == 1);
    CHECK(w.id[0] == 41);
    CHECK(w.employer[0] == laborsim::no_employer);
    CHECK(w.course[0] == laborsim::no_course);
    CHECK(w.tag_policy[0] == laborsim::no_policy);
    CHECK(w.status_of(0) == laborsim::worker_status::unemployed);
    CHECK(w.in_labor_force(0));
    CHECK(w.flags[0] == 0);
    CHECK(w.push_back(42) == 1);
}

TEST_CASE("worker_store: columns stay aligned through push_back and swap_remove", "[worker_store]") {
    worker_store w;
    for (std::uint32_t id = 0; id < 100; ++id) fill_from_id(w, w.push_back(id));
    require_aligned(w);

    SECTION("removing from the middle moves the last worker into the hole") {
        const std::uint32_t last_id = w.id.back();
        w.swap_remove(10);
        REQUIRE(w.size() == 99);
        CHECK(w.id[10] == last_id);
        require_aligned(w);
    }
    SECTION("removing the last worker just shrinks") {
        w.swap_remove(w.size() - 1);
        REQUIRE(w.size() == 99);
        CHECK(w.id.back() == 98);
        require_aligned(w);
    }
    SECTION("interleaved removals and appends keep every surviving worker intact") {
        std::map<std::uint32_t, bool> alive;
        for (std::uint32_t id = 0; id < 100; ++id) alive[id] = true;
        std::uint32_t next = 100;
        for (int round = 0; round < 240; ++round) {  // net -1/3 a round: 20 left
            const std::size_t slot = (static_cast<std::size_t>(round) * 37) % w.size();
            alive[w.id[slot]] = false;
            w.swap_remove(slot);
            if (round % 3 != 0) {
                alive[next] = true;
                fill_from_id(w, w.push_back(next++));
            }
        }
        require_aligned(w);
        std::size_t expected = 0;
        for (auto& [id, a] : alive) expected += a;
        REQUIRE(w.size() == expected);
        for (std::size_t i = 0; i < w.size(); ++i) REQUIRE(alive[w.id[i]]);
    }
}

TEST_CASE("worker_store: flags set and clear one bit at a time", "[worker_store]") {
    worker_store w;
    w.push_back(1);
    w.set(0, laborsim::worker_flag::rural, true);
    w.set(0, laborsim::worker_flag::panel, true);
    CHECK(w.has(0, laborsim::worker_flag::rural));
    CHECK(w.has(0, laborsim::worker_flag::panel));
    CHECK_FALSE(w.has(0, laborsim::worker_flag::female));
    w.set(0, laborsim::worker_flag::rural, false);
    CHECK_FALSE(w.has(0, laborsim::worker_flag::rural));
    CHECK(w.has(0, laborsim::worker_flag::panel));
}

TEST_CASE("worker_store: a worker costs at most 48 bytes", "[worker_store]") {
    const worker_store w;
    // The store holds nothing but these 15 columns: a new column must join this list and the
    // alignment checks above (and the store's own column list, which this sum checks).
    constexpr std::size_t columns = 15;
    CHECK(sizeof(worker_store) == columns * sizeof(std::vector<std::uint8_t>));
    const std::size_t expected = sizeof(w.id[0]) + sizeof(w.region[0]) + sizeof(w.age_months[0]) +
                                 sizeof(w.months_in_status[0]) + sizeof(w.flags[0]) + sizeof(w.level[0]) +
                                 sizeof(w.field[0]) + sizeof(w.status[0]) + sizeof(w.course[0]) +
                                 sizeof(w.course_months_left[0]) + sizeof(w.tag_policy[0]) + sizeof(w.tag_months[0]) +
                                 sizeof(w.skill[0]) + sizeof(w.employer[0]) + sizeof(w.wage_vnd[0]);
    CHECK(w.bytes_per_worker() == expected);
    CHECK(w.bytes_per_worker() <= 48);
}

TEST_CASE("worker_store: the employer column names a firm or a school, never a programme abroad", "[worker_store]") {
    using laborsim::worker_status;
    worker_store w;
    for (std::uint32_t id = 0; id < 4; ++id) w.push_back(id);
    const worker_status statuses[] = {worker_status::employed, worker_status::student, worker_status::unemployed,
                                      worker_status::abroad};
    for (std::size_t i = 0; i < 4; ++i) {
        w.status[i] = static_cast<std::uint8_t>(statuses[i]);
        w.employer[i] = static_cast<std::int32_t>(10 + i);
    }
    w.employer[2] = laborsim::no_employer;
    w.set_abroad_program(3, 2);
    CHECK(w.employer_or_school(0) == 10);  // firm
    CHECK(w.employer_or_school(1) == 11);  // school
    CHECK(w.employer_or_school(2) == laborsim::no_employer);
    CHECK(w.employer_or_school(3) == laborsim::no_employer);  // abroad: not "firm 2"
    CHECK(w.abroad_program(3) == 2u);
    CHECK(w.bytes_per_worker() == 30);  // no column added for the programme
}
