// Policies are data: one spec struct per type (sim/policy/<type>.hpp, installed as
// laborsim/policy/<type>.hpp), held in a variant derived from the list of types
// (policy/policy_list.hpp). Each type's behaviour and schema live in sim/policy/<type>.cpp.
#pragma once
#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "laborsim/calendar.hpp"
#include "policy/policy_list.hpp"

namespace laborsim {

namespace detail {
template <class L>
struct policy_variant;
template <class... T>
struct policy_variant<policy_type_list<T...>> {
    using type = std::variant<T...>;
    // string_views of literals, so data() is null-terminated.
    static constexpr std::array<const char*, sizeof...(T)> names{T::type_name.data()...};
    static constexpr bool names_unique() {
        constexpr std::array<std::string_view, sizeof...(T)> v{T::type_name...};
        for (std::size_t a = 0; a < v.size(); ++a)
            for (std::size_t b = a + 1; b < v.size(); ++b)
                if (v[a] == v[b]) return false;
        return true;
    }
};
}  // namespace detail

using policy_params = detail::policy_variant<policy_types>::type;

struct policy_spec {
    std::string id;
    std::vector<std::string> regions;  // empty: all regions
    year_month start{2021, 1};
    year_month end{2100, 12};
    double annual_budget_vnd = 0;  // 0: no cap
    policy_params params;

    [[nodiscard]] bool active(year_month ym) const { return start <= ym && ym <= end; }
    // Whether the policy acts in the region with this id (every region when none is listed).
    [[nodiscard]] bool targets(std::string_view region_id) const {
        return regions.empty() || std::find(regions.begin(), regions.end(), region_id) != regions.end();
    }
};

// Type names in variant order (the YAML `type` values).
inline constexpr std::array<const char*, std::variant_size_v<policy_params>> policy_type_names =
    detail::policy_variant<policy_types>::names;
static_assert(detail::policy_variant<policy_types>::names_unique(), "two policy types share a type_name");

inline constexpr const char* policy_type_name(const policy_params& p) { return policy_type_names[p.index()]; }

}  // namespace laborsim
