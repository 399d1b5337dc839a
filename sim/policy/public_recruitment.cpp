// public_recruitment: public employers hire toward a staffing norm, e.g. doctors (field
// health, level >= university) per 10,000 people. Each month, per target region r:
//   staff_r  = employed workers in the field with level >= min_level (as the indicator)
//   gap_r    = max(0, target_per_10k * population_r / 10,000 - staff_r)
//   hires_r  = min(gap_r, max_hires_per_year / 12 (if set), what the budget pays at cost_per_hire_vnd)
// Recruits have the profile and come, in this order, from the unemployed of the region, the
// unemployed elsewhere (when recruit_from_other_regions; they move), and (when both
// recruit_from_other_regions and recruit_employed) the employed of other regions, public or
// private, who take the post only if it pays more than their job: public wage_i > wage_i
// (they quit it and move). The region's own employed with the profile already count as staff,
// so hiring them would not close the gap. Each is hired by a public employer of
// the region's market for the field (round robin), which gains a post (base size + 1, so
// the firm phase keeps it). Wage: the region's productivity scale x exp(skill + level premium)
// x 0.8 (the initial wage share), at least the minimum wage.
// Population is the indicator's: region population x people living there (not abroad) /
// those at the start.
// Series: spending_vnd, beneficiaries (= recruited), recruited, recruited_from_other_regions,
// recruited_from_employment, staff_per_10k (before this month's hires), target_per_10k, gap.
#include <cmath>

#include "policy/policy_rules.hpp"

namespace laborsim {

namespace {

constexpr double public_wage_share = 0.8;  // wage / match productivity, as at the start (build_world)

bool has_profile(const world& w, std::size_t i, const public_recruitment& r) {
    return w.workers.field[i] == static_cast<std::uint8_t>(r.field) &&
           w.workers.level[i] >= static_cast<std::uint8_t>(r.min_level);
}

double public_wage(const world& w, std::size_t i, std::size_t r) {
    const auto& reg = w.regions[r];
    return std::max(reg.min_wage_vnd, public_wage_share * reg.productivity_scale *
                                          std::exp(w.workers.skill[i] + w.wage_premium(w.workers.level[i])));
}

void hire_public(world& w, std::size_t i, std::size_t r, std::int32_t f) {
    auto& ws = w.workers;
    auto& fs = w.firms;
    const double wage = public_wage(w, i, r);
    if (ws.status[i] == static_cast<std::uint8_t>(worker_status::employed)) release_position(w, i);  // quits its job
    ws.status[i] = static_cast<std::uint8_t>(worker_status::employed);
    ws.employer[i] = f;
    ws.wage_vnd[i] = static_cast<std::uint32_t>(std::clamp(wage, 0.0, wage_cap_vnd_month));
    ws.months_in_status[i] = 0;
    ws.set(i, worker_flag::mismatched, ws.level[i] < fs.min_level[static_cast<std::size_t>(f)]);
    ws.set(i, worker_flag::placement, false);
    fs.headcount[static_cast<std::size_t>(f)] += 1;
    fs.base_size[static_cast<std::size_t>(f)] += 1.0f;  // a new post, so the firm keeps it
}

struct recruit_counts {
    std::int64_t hired = 0, from_elsewhere = 0, from_employment = 0;
};

// Fills up to `want` posts of region reg from the pools in the order of the header comment.
void recruit_in_region(world& w, std::size_t k, const public_recruitment& r, std::size_t reg, std::int64_t want,
                       const std::vector<std::int32_t>& employers, recruit_counts& n) {
    auto& ws = w.workers;
    auto pool = [&](worker_status status, bool here) {
        return [&, status, here](std::size_t i) {
            if (ws.status[i] != static_cast<std::uint8_t>(status) || ws.course[i] != no_course ||
                ws.tag_policy[i] != no_policy || !has_profile(w, i, r) || (ws.region[i] == reg) != here)
                return false;
            return status != worker_status::employed || public_wage(w, i, reg) > ws.wage_vnd[i];
        };
    };
    std::vector<std::pair<worker_status, bool>> pools{{worker_status::unemployed, true}};
    if (r.recruit_from_other_regions) pools.emplace_back(worker_status::unemployed, false);
    if (r.recruit_employed && r.recruit_from_other_regions) pools.emplace_back(worker_status::employed, false);
    std::size_t next = 0;
    for (const auto& [status, here] : pools) {
        if (want <= 0) break;
        for (const auto i : select_workers(w, k, static_cast<std::size_t>(want), pool(status, here))) {
            if (!here) {
                w.add_flow(ws.region[i], flow::migration_out, 1);
                w.add_flow(reg, flow::migration_in, 1);
                ++n.from_elsewhere;
            }
            n.from_employment += status == worker_status::employed;
            hire_public(w, i, reg, employers[next++ % employers.size()]);
            if (!here) ws.region[i] = static_cast<std::uint16_t>(reg);
            ++n.hired;
            --want;
        }
    }
}

void apply_public_recruitment(world& w, std::size_t k, const policy_spec& p, const public_recruitment& r) {
    auto& st = w.policies[k];
    auto& ws = w.workers;
    const std::size_t R = w.region_count();
    // Per region: alive agents, staff with the profile, unemployed with the profile.
    const auto c = count_blocks(ws.size(), w.block_size, R * 2, [&](std::size_t b, std::size_t e, std::int64_t* cnt) {
        for (std::size_t i = b; i < e; ++i) {
            cnt[ws.region[i] * 2] += ws.status[i] != static_cast<std::uint8_t>(worker_status::abroad);
            cnt[ws.region[i] * 2 + 1] +=
                ws.status[i] == static_cast<std::uint8_t>(worker_status::employed) && has_profile(w, i, r);
        }
    });
    const double per = 1.0 / w.scale;
    std::int64_t budget_hires = affordable_agents(w, k, p, r.cost_per_hire_vnd);
    std::int64_t pace = r.max_hires_per_year > 0 ? monthly_agents(w, k, r.max_hires_per_year)
                                                 : std::numeric_limits<std::int64_t>::max();
    recruit_counts n;
    double staff_ratio_sum = 0, gap_sum = 0;
    int regions = 0;
    for (std::size_t reg = 0; reg < R; ++reg) {
        if (!st.region_on[reg]) continue;
        const auto& spec = w.sc->regions[reg];
        const double alive = static_cast<double>(c[reg * 2]) * per;
        const double initial = static_cast<double>(std::max<std::int64_t>(1, w.regions[reg].population_agents_initial));
        const double population =
            spec.population > 0 ? spec.population * static_cast<double>(c[reg * 2]) / initial : alive;
        const double staff = static_cast<double>(c[reg * 2 + 1]) * per;
        const double gap = std::max(0.0, r.target_per_10k * population / 1e4 - staff);
        staff_ratio_sum += population > 0 ? staff * 1e4 / population : 0.0;
        gap_sum += gap;
        ++regions;
        // The gap in agents, rounded at a threshold fixed per region: met to the nearest agent on average.
        const std::int64_t want =
            std::min({agents_for(w, k, static_cast<std::uint32_t>(reg), gap), budget_hires, pace});
        if (want <= 0) continue;
        // Public employers of the region's market for the field.
        const std::size_t mk = world::market_of(reg, static_cast<std::size_t>(r.field));
        std::vector<std::int32_t> employers;
        for (std::size_t f = w.market_firm_begin[mk]; f < w.market_firm_begin[mk + 1]; ++f)
            if (w.firms.is_public[f]) employers.push_back(static_cast<std::int32_t>(f));
        if (employers.empty()) continue;
        const auto before = n.hired;
        recruit_in_region(w, k, r, reg, want, employers, n);
        budget_hires -= n.hired - before;
        pace -= n.hired - before;
    }
    if (r.max_hires_per_year > 0) use_agents(w, k, n.hired);
    const double persons = static_cast<double>(n.hired) * per;
    record_spending(w, k, persons * r.cost_per_hire_vnd);
    st.add("beneficiaries", persons);
    st.add("recruited", persons);
    st.add("recruited_from_other_regions", static_cast<double>(n.from_elsewhere) * per);
    st.add("recruited_from_employment", static_cast<double>(n.from_employment) * per);
    st.add("staff_per_10k", regions > 0 ? staff_ratio_sum / regions : 0.0);
    st.add("target_per_10k", r.target_per_10k);
    st.add("gap", gap_sum);
}

}  // namespace

template <>
struct policy_rules<public_recruitment> {
    using spec_type = public_recruitment;
    using state = no_state;
    static constexpr series_spec series[] = {
        {"beneficiaries", series_kind::flow, "persons"},
        {"recruited", series_kind::flow, "persons"},
        {"recruited_from_other_regions", series_kind::flow, "persons"},
        {"recruited_from_employment", series_kind::flow, "persons"},
        {"staff_per_10k", series_kind::stock, "1/10000 persons"},
        {"target_per_10k", series_kind::stock, "1/10000 persons"},
        {"gap", series_kind::stock, "persons"},
    };
    static double unit_cost_vnd(const spec_type& r) { return r.cost_per_hire_vnd; }
    static constexpr no_follow_up follow_up{};  // recruits are ordinary employees from then on
    static constexpr no_report report{};

    static policy_schema schema() {
        // clang-format off
        using vt = value_type;
        using S = spec_type;
        return {"Public employers hire toward a staffing norm per 10,000 people.", {
            {"field", vt::choice, "health", "", "Field of the staff.", choices_of(field_names), {}, bind_to<&S::field>()},
            {"min_level", vt::choice, "university", "", "Lowest level counted as staff.", choices_of(education_names), {},
             bind_to<&S::min_level>()},
            {"target_per_10k", vt::nonneg, "required", "1/10000 persons", "Staff per 10,000 population to reach.", {}, {},
             bind_to<&S::target_per_10k>()},
            {"max_hires_per_year", vt::nonneg, "0 (no limit)", "persons/year", "Pace limit on hiring.", {}, {},
             bind_to<&S::max_hires_per_year>()},
            {"cost_per_hire_vnd", vt::nonneg, "0", "VND", "One-off cost per recruit (counts against the budget).", {}, {},
             bind_to<&S::cost_per_hire_vnd>()},
            {"recruit_from_other_regions", vt::boolean, "true", "", "Also recruit staff from other regions (they move).", {}, {},
             bind_to<&S::recruit_from_other_regions>()},
            {"recruit_employed", vt::boolean, "true", "", "With recruit_from_other_regions: also recruit the employed of other regions whose job pays less (after the unemployed).", {}, {},
             bind_to<&S::recruit_employed>()},
        }};
        // clang-format on
    }

    static void apply(world& w, std::size_t k, const policy_spec& p, const spec_type& r) {
        apply_public_recruitment(w, k, p, r);
    }
};

template struct policy_hooks<public_recruitment>;

}  // namespace laborsim
