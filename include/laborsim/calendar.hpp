// Months as a single integer index (year * 12 + month - 1) so arithmetic on dates is plain.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace laborsim {

struct year_month {
    int year = 2021;
    int month = 1;  // 1..12

    [[nodiscard]] constexpr int index() const { return year * 12 + (month - 1); }
    [[nodiscard]] static constexpr year_month from_index(int idx) { return year_month{idx / 12, idx % 12 + 1}; }
    friend constexpr bool operator==(year_month, year_month) = default;
    friend constexpr auto operator<=>(year_month a, year_month b) { return a.index() <=> b.index(); }
};

// Parses "YYYY-MM"; empty on any other form.
std::optional<year_month> parse_year_month(std::string_view text);
std::string format_year_month(year_month ym);

// Days from 1970-01-01 to the first day of the month (proleptic Gregorian).
std::int64_t days_from_civil(int year, int month, int day);

}  // namespace laborsim
