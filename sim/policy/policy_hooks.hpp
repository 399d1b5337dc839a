// What the schedule (schedule.cpp) and the schema (sim/scenario/schema.cpp) call for each
// policy type T of the list: policy_hooks<T>. Its members are only declared here; each
// policy's own file defines them from its policy_rules<T> (policy_rules.hpp) with the line
//   template struct policy_hooks<T>;
// which also checks at compile time that the rules have every part. Include this header,
// not policy_rules.hpp, where the hooks are called.
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "laborsim/policy.hpp"
#include "scenario/schema.hpp"

namespace laborsim {

struct world;
struct policy_state;
class state_writer;
class state_reader;

// A type's schema: the keys its `type` adds (section `policy.<type>`) and the sections those
// keys refer to (e.g. minimum_wage_step), listed after all the `policy.<type>` sections.
struct policy_schema {
    std::string_view doc;
    std::vector<key_spec> keys;
    std::vector<section_spec> nested = {};
};

// A monthly series a policy type writes under /policies/<id>/ (every month, 0 when nothing
// happened): a flow is counted within the month (its sum over months means something), a
// stock is a level at the month's end.
enum class series_kind : std::uint8_t { flow, stock };
struct series_spec {
    std::string_view name;
    series_kind kind;
    std::string_view units;  // UDUNITS-style; "1" for counts of persons and ratios
};
// Every policy writes its spending (record_spending), before the type's own series.
inline constexpr series_spec spending_series{"spending_vnd", series_kind::flow, "VND"};

template <class T>
struct policy_hooks {
    // Makes the type's own state in st (once, before the first month).
    static void make_state(policy_state& st);
    // Saves and loads the type's own state in st (checkpoints), member by member.
    static void save_state(const policy_state& st, state_writer& out);
    static void load_state(policy_state& st, state_reader& in);
    // While policy k is active, at the start of each month.
    static void apply(world& w, std::size_t k, const policy_spec& p, const T& spec);
    // Every month, for each worker i that policy k holds (by its course or its tag).
    static void follow_up(world& w, std::size_t i, std::size_t k, const T& spec, std::int64_t* counters);
    // Every month after the follow-up pass, active or not, with policy k's counters.
    static void report(world& w, std::size_t k, const policy_spec& p, const T& spec, const std::int64_t* counters);
    // Whether the type reads worker_flag::moved (the schedule clears it after the policies).
    static bool reads_moved_marks();
    // The series the type writes (besides spending_vnd), each every month.
    static std::span<const series_spec> series();
    // What one person costs the policy, in the unit its budget buys (a course, a bonus, a
    // hire, ...; VND); 0 when its spending is not per person. The schedule rounds each year's
    // budget to whole agents at this cost (policy_state::budget_this_year_vnd).
    static double unit_cost_vnd(const T& spec);
    static policy_schema schema();
};

// Calls f.template operator()<T>() for each type of the list, in order.
template <class F, class... T>
void for_each_policy_type(policy_type_list<T...>, F&& f) {
    (f.template operator()<T>(), ...);
}
template <class F>
void for_each_policy_type(F&& f) {
    for_each_policy_type(policy_types{}, f);
}

// "policy.<type>": the name of a type's schema section.
template <class T>
std::string_view policy_section_name() {
    static const std::string name = "policy." + std::string(T::type_name);
    return name;
}

}  // namespace laborsim
