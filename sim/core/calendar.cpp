#include "laborsim/calendar.hpp"

#include <cstdio>

namespace laborsim {

std::optional<year_month> parse_year_month(std::string_view text) {
    if (text.size() != 7 || text[4] != '-') return std::nullopt;
    int year = 0, month = 0;
    for (int i = 0; i < 4; ++i) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
        year = year * 10 + (text[i] - '0');
    }
    for (int i = 5; i < 7; ++i) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
        month = month * 10 + (text[i] - '0');
    }
    if (month < 1 || month > 12 || year < 1900 || year > 2200) return std::nullopt;
    return year_month{year, month};
}

std::string format_year_month(year_month ym) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", ym.year, ym.month);
    return buf;
}

// Howard Hinnant's days_from_civil algorithm.
std::int64_t days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

}  // namespace laborsim
