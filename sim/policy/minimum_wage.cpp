// minimum_wage: the regional minimum in force is the last step dated on or before now.
// It binds formal jobs only (sim/model/formality.cpp): their wages below it rise to it in the
// wage phase, their offers never fall below it, and formal matches worth less than it plus
// social insurance end. No public spending.
//   wage_i >= min_wage_r in formal jobs (so the formal wage p10 rises when the minimum binds)
// Series: spending_vnd (0), beneficiaries (formal employees paid below the new minimum this month),
// minimum_wage_vnd.
#include "model/formality.hpp"
#include "policy/policy_rules.hpp"

namespace laborsim {

template <>
struct policy_rules<minimum_wage> {
    using spec_type = minimum_wage;
    using state = no_state;
    static constexpr series_spec series[] = {
        {"beneficiaries", series_kind::flow, "persons"},
        {"minimum_wage_vnd", series_kind::stock, "VND"},
    };
    static double unit_cost_vnd(const spec_type&) { return 0; }  // it pays nobody
    static constexpr no_follow_up follow_up{};                   // it follows no workers
    static constexpr no_report report{};                         // and reports all in apply

    static policy_schema schema() {
        // clang-format off
        using vt = value_type;
        using step = minimum_wage::step;
        return {"Regional minimum wage steps.", {
            {"steps", vt::mapping_list, "required", "", "Dated levels, each in force from its date.", {}, "minimum_wage_step",
             bind_to<&minimum_wage::steps>()},
        }, {
            {"minimum_wage_step", "One minimum-wage step.", {
                {"from", vt::date, "required", "YYYY-MM", "First month of this level.", {}, {}, bind_to<&step::from>()},
                {"wage_vnd", vt::nonneg, "required", "VND/month", "The minimum wage.", {}, {}, bind_to<&step::wage_vnd>()},
            }},
        }};
        // clang-format on
    }

    static void apply(world& w, std::size_t k, const policy_spec& p, const spec_type& mw) {
        const minimum_wage::step* current = nullptr;
        for (const auto& s : mw.steps)
            if (s.from <= w.now && (current == nullptr || current->from < s.from)) current = &s;
        if (current == nullptr) return;
        auto& st = w.policies[k];
        for (auto r : target_regions(w, p)) w.regions[r].min_wage_vnd = current->wage_vnd;
        const auto& ws = w.workers;
        const auto below = count_blocks(ws.size(), w.block_size, 1, [&](std::size_t b, std::size_t e, std::int64_t* c) {
            for (std::size_t i = b; i < e; ++i)
                c[0] += st.region_on[ws.region[i]] && is_formal_job(w, i) && ws.wage_vnd[i] < current->wage_vnd;
        });
        record_spending(w, k, 0.0);
        st.add("beneficiaries", static_cast<double>(below[0]) / w.scale);
        st.add("minimum_wage_vnd", current->wage_vnd);
    }
};

template struct policy_hooks<minimum_wage>;

}  // namespace laborsim
