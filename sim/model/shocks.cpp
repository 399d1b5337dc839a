// Shocks as scenario data: in the months from start to end, the markets of the listed regions
// and fields lose a share of their private jobs and lay off more, and the listed regions'
// productivity moves (docs/model.md, shocks). Shocks in force together combine:
//   d_m = 1 - prod_s (1 - demand_s),  s_m = 1 - prod_s (1 - separation_s),  x_r = sum_s productivity_s
// firms.cpp applies d_m and s_m; productivity.cpp applies x_r.
#include <algorithm>

#include "model/productivity.hpp"

namespace laborsim {

bool shock_in_force(const shock_spec& s, year_month now) { return !(now < s.start) && !(s.end < now); }

bool shock_covers(const shock_spec& s, const region_spec& r, std::size_t field) {
    const bool region = s.regions.empty() || std::find(s.regions.begin(), s.regions.end(), r.id) != s.regions.end();
    const bool in_field = s.fields.empty() ||
                          std::find(s.fields.begin(), s.fields.end(), static_cast<field_kind>(field)) != s.fields.end();
    return region && in_field;
}

void update_shocks(world& w) {
    const auto& sc = *w.sc;
    for (auto& reg : w.regions) reg.shock_log_productivity = 0;
    if (sc.shocks.empty()) {
        w.market_demand_shock.clear();
        w.market_separation_extra.clear();
        return;
    }
    std::vector<double> keep(w.market_count(), 1.0), stay(w.market_count(), 1.0);
    for (const auto& s : sc.shocks) {
        if (!shock_in_force(s, w.now)) continue;
        for (std::size_t r = 0; r < w.region_count(); ++r) {
            const bool region =
                s.regions.empty() || std::find(s.regions.begin(), s.regions.end(), sc.regions[r].id) != s.regions.end();
            if (region) w.regions[r].shock_log_productivity += s.productivity;
            for (std::size_t f = 0; f < field_count; ++f) {
                if (!shock_covers(s, sc.regions[r], f)) continue;
                keep[world::market_of(r, f)] *= 1.0 - s.demand;
                stay[world::market_of(r, f)] *= 1.0 - s.separation;
            }
        }
    }
    w.market_demand_shock.assign(w.market_count(), 0.0);
    w.market_separation_extra.assign(w.market_count(), 0.0);
    for (std::size_t mk = 0; mk < w.market_count(); ++mk) {
        w.market_demand_shock[mk] = 1.0 - keep[mk];
        w.market_separation_extra[mk] = 1.0 - stay[mk];
    }
}

}  // namespace laborsim
