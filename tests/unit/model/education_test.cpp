// Education (sim/model/education.cpp): students drop out at the monthly hazard
// d = 1 - c^(share / T) and pass at the end with pass = c^(1 - share); graduates reach the
// school's level and field with its skill gain; schools admit at most floor(credit +
// seats / 12) a month, only applicants below their level; young people may study abroad
// and then return or emigrate.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>

#include "small_world.hpp"

using namespace laborsim;
using namespace laborsim::test;

namespace {

school_spec centre(double seats_per_year, int months, double completion) {
    school_spec s;
    s.id = "centre";
    s.region = "north";
    s.kind = school_kind::vocational_centre;  // graduates reach elementary
    s.field = field_kind::industry;
    s.seats_per_year = seats_per_year;
    s.program_months = months;
    s.completion_rate = completion;
    s.skill_gain = 0.1;
    return s;
}

scenario school_scenario(double seats_per_year, int months, double completion) {
    auto sc = quiet_scenario({small_region("north", 2000)});
    sc.schools = {centre(seats_per_year, months, completion)};
    return sc;
}

// Students of school s by months in status.
std::map<std::uint32_t, std::uint16_t> students_of(const world& w, std::int32_t s) {
    std::map<std::uint32_t, std::uint16_t> out;
    for (std::size_t i = 0; i < w.workers.size(); ++i)
        if (has_status(w, i, worker_status::student) && w.workers.employer[i] == s)
            out[w.workers.id[i]] = w.workers.months_in_status[i];
    return out;
}

}  // namespace

TEST_CASE("education: with completion 1 the last-month cohort graduates to the school's level and field",
          "[unit][model]") {
    auto sw = make_small_world(school_scenario(126, 3, 1.0));
    auto& w = sw.w;
    auto& ws = w.workers;
    const auto before = students_of(w, 0);
    std::map<std::uint32_t, float> skill;
    std::int64_t finishing = 0;
    for (const auto& [id, months] : before) {
        skill[id] = ws.skill[index_of(w, id)];
        finishing += months == 2;
    }
    REQUIRE(finishing >= 10);
    begin_month(w, 0);
    run_education(w);
    CHECK(flow_of(w, 0, flow::graduates) == finishing);
    CHECK(flow_of(w, 0, graduates_at(static_cast<int>(education_level::elementary))) == finishing);
    CHECK(flow_of(w, 0, flow::dropouts) == 0);
    CHECK(flow_of(w, 0, flow::enrolments) == 0);  // nobody applies
    for (const auto& [id, months] : before) {
        const auto i = index_of(w, id);
        REQUIRE(i < ws.size());
        INFO("student " << id << " months " << months);
        if (months < 2) {
            CHECK(has_status(w, i, worker_status::student));
            CHECK(ws.months_in_status[i] == months + 1);
            continue;
        }
        CHECK(has_status(w, i, worker_status::unemployed));
        CHECK(ws.employer[i] == no_employer);
        CHECK(ws.months_in_status[i] == 0);
        CHECK(ws.level[i] == static_cast<std::uint8_t>(education_level::elementary));
        CHECK(ws.field[i] == static_cast<std::uint8_t>(field_kind::industry));
        CHECK(ws.skill[i] == Approx(skill[id] + 0.1).margin(1e-6));
        CHECK(ws.wage_vnd[i] >= w.regions[0].min_wage_vnd - 1);
    }
    CHECK(w.schools.enrolled[0] == static_cast<std::int32_t>(before.size() - finishing));
    CHECK(positions_consistent(w));
}

TEST_CASE("education: dropouts and passes follow the hazard and pass rate of the completion rate", "[unit][model]") {
    const double c = 0.5, share = 0.8;
    const int T = 4;
    auto sw = make_small_world(school_scenario(12000, T, c));  // 1,000 seats a month
    auto& w = sw.w;
    REQUIRE(w.sc->model.in_program_dropout_share == share);
    const double d = 1 - std::pow(c, share / T), pass = std::pow(c, 1 - share);
    const auto before = students_of(w, 0);
    double n_last = 0;
    for (const auto& [id, months] : before) n_last += months == T - 1;
    const double n_rest = static_cast<double>(before.size()) - n_last;
    begin_month(w, 0);
    run_education(w);
    // The last cohort leaves either way: graduating with (1 - d) pass, else dropping out or failing.
    const double p_grad = (1 - d) * pass;
    const double expected_grad = n_last * p_grad;
    const double expected_drop = n_rest * d + n_last * (1 - p_grad);
    const double sd_drop = std::sqrt(n_rest * d * (1 - d) + n_last * p_grad * (1 - p_grad));
    const auto grads = static_cast<double>(flow_of(w, 0, flow::graduates));
    const auto drops = static_cast<double>(flow_of(w, 0, flow::dropouts));
    INFO("graduates " << grads << " expected " << expected_grad << "; dropouts " << drops << " expected "
                      << expected_drop);
    CHECK(std::abs(grads - expected_grad) < 4 * binomial_sd(n_last, p_grad));
    CHECK(std::abs(drops - expected_drop) < 4 * sd_drop);
    CHECK(w.schools.enrolled[0] == static_cast<std::int32_t>(before.size()) - static_cast<std::int32_t>(grads + drops));
    CHECK(positions_consistent(w));
}

TEST_CASE("education: admissions never exceed seats; the fraction of a seat carries to the next month",
          "[unit][model]") {
    auto sc = school_scenario(126, 3, 1.0);  // 10.5 seats a month
    sc.model.application_rate_young = sc.model.application_rate_adult = 1;
    auto sw = make_small_world(std::move(sc));
    auto& w = sw.w;
    auto& ws = w.workers;
    const std::int64_t expected[] = {10, 11};  // floor(10.5), then floor(0.5 + 10.5)
    for (int t = 0; t < 2; ++t) {
        const auto level = ws.level;
        const auto id = ws.id;
        const auto status = ws.status;
        begin_month(w, t);
        run_education(w);
        CHECK(flow_of(w, 0, flow::enrolments) == expected[t]);
        CHECK(flow_of(w, 0, enrolments_at(static_cast<int>(education_level::elementary))) == expected[t]);
        // The admitted: labour-force members below elementary, now students with 0 months.
        std::int64_t admitted = 0;
        for (std::size_t i = 0; i < ws.size(); ++i) {
            if (!has_status(w, i, worker_status::student) || ws.months_in_status[i] != 0) continue;
            ++admitted;
            REQUIRE(i < id.size());
            REQUIRE(ws.id[i] == id[i]);  // nobody left the store
            CHECK(status[i] != static_cast<std::uint8_t>(worker_status::student));
            CHECK(level[i] < static_cast<std::uint8_t>(education_level::elementary));
            CHECK(ws.employer[i] == 0);
        }
        CHECK(admitted == expected[t]);
        CHECK(positions_consistent(w));
    }
}

TEST_CASE("education: new graduates progress to a higher-level school of their region", "[unit][model]") {
    auto sc = school_scenario(126, 3, 1.0);
    school_spec college = centre(1200, 6, 1.0);  // 100 seats a month
    college.id = "college";
    college.kind = school_kind::vocational_college;
    sc.schools.push_back(college);
    sc.model.progression_rate = 1;
    auto sw = make_small_world(std::move(sc));
    auto& w = sw.w;
    std::vector<std::uint32_t> finishing;
    for (const auto& [id, months] : students_of(w, 0))
        if (months == 2) finishing.push_back(id);
    REQUIRE(finishing.size() >= 10);
    begin_month(w, 0);
    run_education(w);
    for (auto id : finishing) {
        const auto i = index_of(w, id);
        INFO("graduate " << id);
        CHECK(has_status(w, i, worker_status::student));
        CHECK(w.workers.employer[i] == 1);
        CHECK(w.workers.level[i] == static_cast<std::uint8_t>(education_level::elementary));
    }
    CHECK(flow_of(w, 0, enrolments_at(static_cast<int>(education_level::college))) ==
          static_cast<std::int64_t>(finishing.size()));
    CHECK(positions_consistent(w));
}

TEST_CASE("education: the young study abroad, then return with the programme's level or emigrate", "[unit][model]") {
    for (const double return_probability : {1.0, 0.0}) {
        auto sc = quiet_scenario({small_region("north", 2000)});
        sc.model.study_abroad_rate = 1;
        sc.model.abroad_program_months = 1;
        sc.model.abroad_completion_rate = 1;
        sc.model.abroad_return_probability = return_probability;
        auto sw = make_small_world(std::move(sc));
        auto& w = sw.w;
        auto& ws = w.workers;
        const double young = w.sc->model.young_age_years * 12;
        std::map<std::uint32_t, float> leaving;  // id -> skill
        for (std::size_t i = 0; i < ws.size(); ++i)
            if (ws.age_months[i] < young && ws.in_labor_force(i) &&
                ws.level[i] < static_cast<std::uint8_t>(education_level::university))
                leaving[ws.id[i]] = ws.skill[i];
        REQUIRE(leaving.size() > 20);
        const auto n = ws.size();
        begin_month(w, 0);
        run_education(w);
        CHECK(flow_of(w, 0, flow::abroad_departures) == static_cast<std::int64_t>(leaving.size()));
        CHECK(count_status(w, worker_status::abroad) == static_cast<std::int64_t>(leaving.size()));
        for (const auto& [id, s] : leaving) CHECK(has_status(w, index_of(w, id), worker_status::abroad));
        CHECK(positions_consistent(w));

        sw.params().study_abroad_rate = 0;  // no new departures: follow this cohort
        begin_month(w, 1);
        run_education(w);
        const auto k = static_cast<std::int64_t>(leaving.size());
        CHECK(w.abroad_month[0].completed == k);
        CHECK(count_status(w, worker_status::abroad) == 0);
        if (return_probability == 1.0) {
            CHECK(flow_of(w, 0, flow::abroad_returns) == k);
            CHECK(w.abroad_month[0].returned == k);
            CHECK(ws.size() == n);
            for (const auto& [id, s] : leaving) {
                const auto i = index_of(w, id);
                CHECK(has_status(w, i, worker_status::unemployed));
                CHECK(ws.level[i] == static_cast<std::uint8_t>(education_level::university));
                CHECK(ws.skill[i] == Approx(s + w.sc->model.abroad_skill_gain).margin(1e-6));
            }
        } else {
            CHECK(flow_of(w, 0, flow::abroad_stayers) == k);
            CHECK(w.abroad_month[0].stayed == k);
            CHECK(ws.size() == n - leaving.size());  // emigrants leave the population
            for (const auto& [id, s] : leaving) CHECK(index_of(w, id) == ws.size());
        }
        CHECK(positions_consistent(w));
    }
}
