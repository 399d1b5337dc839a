// Small enumerations shared by the scenario, the world and the output.
#pragma once
#include <array>
#include <cstdint>
#include <string_view>

namespace laborsim {

enum class education_level : std::uint8_t {
    none,
    short_course,
    elementary,
    intermediate,
    college,
    university,
    postgraduate
};
inline constexpr int education_count = 7;
inline constexpr std::array<std::string_view, education_count> education_names{
    "none", "short_course", "elementary", "intermediate", "college", "university", "postgraduate"};

enum class field_kind : std::uint8_t { agriculture, industry, services, health, education, digital };
inline constexpr int field_count = 6;
inline constexpr std::array<std::string_view, field_count> field_names{"agriculture", "industry",  "services",
                                                                       "health",      "education", "digital"};

enum class school_kind : std::uint8_t { vocational_centre, vocational_college, university };
inline constexpr std::array<std::string_view, 3> school_kind_names{"vocational_centre", "vocational_college",
                                                                   "university"};

// `inactive` (3) is not assigned yet: it stays, with its code, for the participation model
// (the next model issue); removing it would renumber `abroad` in every output.
enum class worker_status : std::uint8_t { employed, unemployed, student, inactive, abroad };
inline constexpr std::array<std::string_view, 5> worker_status_names{"employed", "unemployed", "student", "inactive",
                                                                     "abroad"};

}  // namespace laborsim
