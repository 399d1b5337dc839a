// The full model (search in other regions, schools, study abroad, firm selection) gives
// the same results for any thread count and block size.
#include <catch2/catch.hpp>

#include "validation_support.hpp"

using namespace laborsim;
using namespace laborsim::validation;

TEST_CASE("the full model is identical for 1 and 2 threads and any block size", "[validation]") {
    auto sc = base_scenario(24);
    sc.regions = {make_region("a", 8000, 22.7, 106.3, 5.0e6), make_region("b", 8000, 21.0, 107.3, 8.0e6)};
    sc.schools = {make_school("b-university", "b", school_kind::university, 800, 8)};
    sc.model.migration_rate = 0.01;
    sc.model.study_abroad_rate = 0.01;
    sc.model.abroad_program_months = 5;
    sc.model.aggregate_shock_sd = 0.02;

    const auto one = run(sc, 1, 16384);
    const auto two = run(sc, 2, 97);
    REQUIRE(one.months.size() == two.months.size());
    for (std::size_t t = 0; t < one.months.size(); ++t) {
        CHECK(one.months[t].by_region == two.months[t].by_region);
        CHECK(one.months[t].enrolments_by_education == two.months[t].enrolments_by_education);
        CHECK(one.workers[t] == two.workers[t]);
    }
}
