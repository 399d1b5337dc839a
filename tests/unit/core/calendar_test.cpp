// Calendar: strict YYYY-MM parsing, the month index round trip, and day counts that the
// HDF5 `time` coordinate ("days since ...") is built from.
#include <catch2/catch.hpp>

#include "laborsim/calendar.hpp"

using laborsim::days_from_civil;
using laborsim::format_year_month;
using laborsim::parse_year_month;
using laborsim::year_month;

TEST_CASE("parse_year_month accepts YYYY-MM", "[calendar]") {
    const auto ym = parse_year_month("2021-01");
    REQUIRE(ym.has_value());
    CHECK(ym->year == 2021);
    CHECK(ym->month == 1);
    const auto dec = parse_year_month("2030-12");
    REQUIRE(dec.has_value());
    CHECK(*dec == year_month{2030, 12});
}

TEST_CASE("parse_year_month rejects every other form", "[calendar]") {
    for (const char* bad : {"2021-13", "2021-00", "21-01", "2021-1", "abcd-ef", "2021/01", "2021-01-01", " 2021-01",
                            "2021-01 ", "", "2021-", "-2021-01", "2021-+1", "202a-01"}) {
        INFO("input: \"" << bad << "\"");
        CHECK_FALSE(parse_year_month(bad).has_value());
    }
}

TEST_CASE("format_year_month inverts parse_year_month", "[calendar]") {
    for (const char* text : {"2021-01", "1999-12", "2100-07"}) {
        const auto ym = parse_year_month(text);
        REQUIRE(ym.has_value());
        CHECK(format_year_month(*ym) == text);
    }
}

TEST_CASE("month index: consecutive months differ by one and round trip", "[calendar]") {
    year_month prev{2020, 12};
    for (int idx = year_month{2021, 1}.index(); idx < year_month{2031, 1}.index(); ++idx) {
        const auto ym = year_month::from_index(idx);
        REQUIRE(ym.index() == idx);
        REQUIRE(ym.month >= 1);
        REQUIRE(ym.month <= 12);
        REQUIRE(ym.index() - prev.index() == 1);
        REQUIRE(prev < ym);
        prev = ym;
    }
    CHECK(year_month::from_index(year_month{2024, 12}.index() + 1) == year_month{2025, 1});
}

TEST_CASE("days_from_civil: known dates", "[calendar]") {
    CHECK(days_from_civil(1970, 1, 1) == 0);
    CHECK(days_from_civil(1970, 1, 2) == 1);
    CHECK(days_from_civil(1969, 12, 31) == -1);
    CHECK(days_from_civil(2000, 1, 1) == 10957);
    CHECK(days_from_civil(2021, 1, 1) == 18628);
}

TEST_CASE("days_from_civil: month lengths and leap years", "[calendar]") {
    constexpr int days_in[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    for (int year : {1900, 2000, 2021, 2024, 2100}) {
        const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        for (int m = 1; m <= 12; ++m) {
            const int next_y = m == 12 ? year + 1 : year, next_m = m == 12 ? 1 : m + 1;
            const int expected = days_in[m - 1] + (m == 2 && leap ? 1 : 0);
            INFO(year << "-" << m);
            CHECK(days_from_civil(next_y, next_m, 1) - days_from_civil(year, m, 1) == expected);
        }
        CHECK(days_from_civil(year + 1, 1, 1) - days_from_civil(year, 1, 1) == (leap ? 366 : 365));
    }
}
