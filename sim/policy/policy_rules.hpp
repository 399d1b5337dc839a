// The behaviour of a policy type: policy_rules<T>, specialised in the type's own file
// sim/policy/<type>.cpp, which ends with `template struct policy_hooks<T>;`. Every part is
// required; a part a type does not need is stated as an explicit no-op:
//
//   template <> struct policy_rules<my_policy> {
//       using state = no_state;          // or its own struct, kept in policy_state::own, which
//                                        // lists its members for checkpoints:
//                                        // template <class Self, class F>
//                                        // static void members(Self& s, F&& f) { f(s.a, s.b); }
//       static policy_schema schema();   // its keys, each bound to a member of my_policy
//       static void apply(world& w, std::size_t k, const policy_spec& p, const my_policy& spec);
//       static void follow_up(world& w, std::size_t i, std::size_t k, const my_policy& spec, std::int64_t* counters);
//       static void report(world& w, std::size_t k, const policy_spec& p, const my_policy& spec,
//                          const std::int64_t* counters);
//       // explicit no-ops instead of follow_up / report:
//       //   static constexpr no_follow_up follow_up{};
//       //   static constexpr no_report report{};
//       static constexpr series_spec series[] = {{"trained", series_kind::flow, "1"}, ...};
//       static double unit_cost_vnd(const my_policy& spec);  // one person's cost to its budget
//       // optional: static constexpr bool reads_moved_marks = true;  (reads worker_flag::moved)
//   };
//   template struct policy_hooks<my_policy>;
//
// A missing part stops the build at that line with a message naming it.
#pragma once
#include <any>
#include <concepts>
#include <type_traits>

#include "policy/policy_hooks.hpp"
#include "policy/policy_tools.hpp"

namespace laborsim {

template <class T>
struct policy_rules;  // specialised in sim/policy/<type>.cpp

// A type without runtime state of its own.
struct no_state {
    template <class Self, class F>
    static void members(Self&, F&&) {}
};
// Explicit no-ops: a type that follows no workers, or reports nothing after the pass.
struct no_follow_up {
    template <class T>
    void operator()(world&, std::size_t, std::size_t, const T&, std::int64_t*) const {}
};
struct no_report {
    template <class T>
    void operator()(world&, std::size_t, const policy_spec&, const T&, const std::int64_t*) const {}
};

// The type's own state of policy k (made by the schedule before the first month).
template <class T>
typename policy_rules<T>::state& state_of(world& w, std::size_t k) {
    auto& own = w.policies[k].own;
    if (!own.has_value()) own.template emplace<typename policy_rules<T>::state>();
    return std::any_cast<typename policy_rules<T>::state&>(own);
}
template <class T>
const typename policy_rules<T>::state& state_of(const policy_state& st) {
    return std::any_cast<const typename policy_rules<T>::state&>(st.own);
}

template <class T, class... L>
constexpr bool in_list(policy_type_list<L...>) {
    return (std::is_same_v<T, L> || ...);
}

template <class T>
concept policy_has_state = requires {
    typename policy_rules<T>::state;
}
&&std::copy_constructible<typename policy_rules<T>::state>;
// A state lists its members once, for checkpoints: static void members(Self& s, F&& f) { f(s.a, s.b); }
template <class T>
concept policy_state_listed = requires(const typename policy_rules<T>::state& s, state_writer& out) {
    policy_rules<T>::state::members(s, out);
};
template <class T>
concept policy_has_schema = requires {
    { policy_rules<T>::schema() } -> std::same_as<policy_schema>;
};
template <class T>
concept policy_has_apply = requires(world& w, std::size_t k, const policy_spec& p, const T& spec) {
    policy_rules<T>::apply(w, k, p, spec);
};
template <class T>
concept policy_has_follow_up = requires(world& w, std::size_t i, const T& spec, std::int64_t* c) {
    policy_rules<T>::follow_up(w, i, i, spec, c);
};
template <class T>
concept policy_has_report = requires(world& w, std::size_t k, const policy_spec& p, const T& spec,
                                     const std::int64_t* c) {
    policy_rules<T>::report(w, k, p, spec, c);
};

template <class T>
concept policy_has_series = requires {
    std::span<const series_spec>(policy_rules<T>::series);
};
template <class T>
concept policy_has_unit_cost = requires(const T& spec) {
    { policy_rules<T>::unit_cost_vnd(spec) } -> std::same_as<double>;
};

#define LABORSIM_POLICY_CHECK(T)                                                                                      \
    static_assert(in_list<T>(policy_types{}), "policy type missing from sim/policy/policy_list.hpp");                 \
    static_assert(                                                                                                    \
        requires { sizeof(policy_rules<T>); }, "policy_rules<T> is not specialised for this policy type");            \
    static_assert(policy_has_state<T>, "policy_rules<T> needs `using state = ...;` (no_state when it keeps none)");   \
    static_assert(policy_state_listed<T>,                                                                             \
                  "policy_rules<T>::state needs `template <class Self, class F> static void members(Self& s, F&& f) " \
                  "{ f(s.a, s.b); }` listing every member (checkpoints save it)");                                    \
    static_assert(policy_has_schema<T>, "policy_rules<T> needs `static policy_schema schema();`");                    \
    static_assert(policy_has_apply<T>,                                                                                \
                  "policy_rules<T> needs `static void apply(world&, std::size_t k, const policy_spec&, const T&);`"); \
    static_assert(policy_has_follow_up<T>,                                                                            \
                  "policy_rules<T> needs `static void follow_up(world&, std::size_t i, std::size_t k, const T&, "     \
                  "std::int64_t* counters);` or the explicit no-op `static constexpr no_follow_up follow_up{};`");    \
    static_assert(policy_has_report<T>,                                                                               \
                  "policy_rules<T> needs `static void report(world&, std::size_t k, const policy_spec&, const T&, "   \
                  "const std::int64_t* counters);` or the explicit no-op `static constexpr no_report report{};`");    \
    static_assert(policy_has_series<T>,                                                                               \
                  "policy_rules<T> needs `static constexpr series_spec series[] = {...};` (the series it writes)");   \
    static_assert(                                                                                                    \
        policy_has_unit_cost<T>,                                                                                      \
        "policy_rules<T> needs `static double unit_cost_vnd(const T&);` (0 when spending is not per person)")

// The checks run once per type, where its file instantiates the hooks; the other members
// call a part only when it is there, so a missing part gives its one message.
template <class T>
void policy_hooks<T>::make_state(policy_state& st) {
    LABORSIM_POLICY_CHECK(T);
    if constexpr (policy_has_state<T>) st.own.template emplace<typename policy_rules<T>::state>();
}
template <class T>
void policy_hooks<T>::save_state(const policy_state& st, state_writer& out) {
    if constexpr (policy_state_listed<T>) {
        using state = typename policy_rules<T>::state;
        out.put(static_cast<std::uint8_t>(st.own.has_value()));
        if (st.own.has_value()) state::members(std::any_cast<const state&>(st.own), out);
    }
}
template <class T>
void policy_hooks<T>::load_state(policy_state& st, state_reader& in) {
    if constexpr (policy_state_listed<T>) {
        using state = typename policy_rules<T>::state;
        std::uint8_t has = 0;
        in.get(has);
        st.own.reset();
        if (has != 0) state::members(st.own.template emplace<state>(), in);
    }
}
template <class T>
void policy_hooks<T>::apply(world& w, std::size_t k, const policy_spec& p, const T& spec) {
    if constexpr (policy_has_apply<T>) policy_rules<T>::apply(w, k, p, spec);
}
template <class T>
void policy_hooks<T>::follow_up(world& w, std::size_t i, std::size_t k, const T& spec, std::int64_t* c) {
    if constexpr (policy_has_follow_up<T>) policy_rules<T>::follow_up(w, i, k, spec, c);
}
template <class T>
void policy_hooks<T>::report(world& w, std::size_t k, const policy_spec& p, const T& spec, const std::int64_t* c) {
    if constexpr (policy_has_report<T>) policy_rules<T>::report(w, k, p, spec, c);
}
template <class T>
bool policy_hooks<T>::reads_moved_marks() {
    if constexpr (requires { policy_rules<T>::reads_moved_marks; }) return policy_rules<T>::reads_moved_marks;
    else return false;
}
template <class T>
std::span<const series_spec> policy_hooks<T>::series() {
    if constexpr (policy_has_series<T>) return policy_rules<T>::series;
    else return {};
}
template <class T>
double policy_hooks<T>::unit_cost_vnd(const T& spec) {
    if constexpr (policy_has_unit_cost<T>) return policy_rules<T>::unit_cost_vnd(spec);
    else return 0;
}
template <class T>
policy_schema policy_hooks<T>::schema() {
    if constexpr (policy_has_schema<T>) return policy_rules<T>::schema();
    else return {};
}

#undef LABORSIM_POLICY_CHECK

}  // namespace laborsim
