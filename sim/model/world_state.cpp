// A world's month-to-month state as bytes (checkpoints). Every structure is written through
// its own members()/columns() list, so this file names no field: a field added to a store,
// region_state, policy_state or a policy's own state is carried by adding it to its list.
// Store columns carry their names, so a checkpoint of another column layout is refused.
#include <string_view>

#include "model/world.hpp"

namespace laborsim {

namespace {

constexpr std::uint32_t end_marker = 0x4C534345;  // "ECSL": the last bytes of a world state

template <class Store>
void save_store(const Store& s, state_writer& out) {
    std::uint64_t n = 0;
    Store::columns(s, [&n](const char*, const auto&) { ++n; });
    out.put(n);
    Store::columns(s, [&out](const char* name, const auto& col) {
        out.put(std::string(name));
        out.put(col);
    });
}

template <class Store>
void load_store(Store& s, state_reader& in, const char* store_name) {
    std::uint64_t n = 0, expected = 0;
    in.get(n);
    Store::columns(s, [&expected](const char*, auto&) { ++expected; });
    if (n != expected)
        throw state_format_error(std::string(store_name) + ": " + std::to_string(n) + " columns saved, " +
                                 std::to_string(expected) + " expected");
    Store::columns(s, [&](const char* name, auto& col) {
        std::string saved;
        in.get(saved);
        if (saved != name)
            throw state_format_error(std::string(store_name) + ": column " + saved + " saved where " + name +
                                     " was expected");
        in.get(col);
    });
}

// A vector of structures that list their members.
template <class T>
void save_list(const std::vector<T>& v, state_writer& out) {
    out.put(static_cast<std::uint64_t>(v.size()));
    for (const auto& x : v) T::members(x, out);
}

template <class T>
void load_list(std::vector<T>& v, state_reader& in) {
    std::uint64_t n = 0;
    in.get(n);
    if (n > (std::uint64_t{1} << 32)) throw state_format_error("a list of implausible length");
    v.resize(n);
    for (auto& x : v) T::members(x, in);
}

}  // namespace

std::string save_world_state(const world& w) {
    state_writer out;
    out(w.t, w.now, w.next_worker_id);
    save_store(w.workers, out);
    save_store(w.firms, out);
    save_store(w.schools, out);
    save_list(w.regions, out);
    save_list(w.abroad_programs, out);
    save_list(w.abroad_month, out);
    out(w.distance_km, w.market_firm_begin, w.region_schools, w.decay_pow, w.flows);
    out(w.market_demand_shock, w.market_separation_extra, w.level_premium_shift, w.level_premium_step,
        w.level_supply_initial, w.level_demand_initial);
    save_list(w.policies, out);
    for (std::size_t k = 0; k < w.policies.size(); ++k) save_policy_own(w, k, out);
    out.put(end_marker);
    return out.bytes();
}

void load_world_state(world& w, std::string_view bytes) {
    state_reader in(bytes);
    in(w.t, w.now, w.next_worker_id);
    load_store(w.workers, in, "workers");
    load_store(w.firms, in, "firms");
    load_store(w.schools, in, "schools");
    const std::size_t regions = w.regions.size(), policies = w.policies.size();
    load_list(w.regions, in);
    load_list(w.abroad_programs, in);
    load_list(w.abroad_month, in);
    in(w.distance_km, w.market_firm_begin, w.region_schools, w.decay_pow, w.flows);
    in(w.market_demand_shock, w.market_separation_extra, w.level_premium_shift, w.level_premium_step,
       w.level_supply_initial, w.level_demand_initial);
    load_list(w.policies, in);
    if (w.regions.size() != regions || w.policies.size() != policies)
        throw state_format_error("saved for another scenario (" + std::to_string(w.regions.size()) + " regions, " +
                                 std::to_string(w.policies.size()) + " policies)");
    for (std::size_t k = 0; k < w.policies.size(); ++k) load_policy_own(w, k, in);
    std::uint32_t marker = 0;
    in.get(marker);
    if (marker != end_marker || !in.at_end()) throw state_format_error("the world state does not end where expected");
}

}  // namespace laborsim
