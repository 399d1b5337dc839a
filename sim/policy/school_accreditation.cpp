// school_accreditation: a quality standard for the schools of the policy's regions (of the
// listed kinds). While the policy is active, each open school with quality < standard
//   below_standard: close   -> closes: admits no one again; enrolled students finish;
//   below_standard: upgrade -> admits at most admission_cap of its seats until it meets the
//                              standard; the upgrade starts when the budget pays
//                              upgrade_cost_vnd (worst schools first), and after
//                              upgrade_months its quality is the standard and its skill gain
//                              scales with quality:  skill_gain' = skill_gain * standard / quality.
//                              With deadline_months > 0, a school still unfunded that many
//                              months after it was first found below the standard closes.
// Schools still waiting for funds when the policy ends get their full seats back.
// Applicants of a closed or capped school apply to the region's other open schools, so
// graduates' mean skill gain moves toward that of the schools meeting the standard.
// Series: spending_vnd, beneficiaries (students of schools upgrading), schools_below_standard,
// schools_closed, upgrades_started, schools_upgraded, schools_waiting, seats_capped
// (persons/year), mean_quality (seat-weighted, open schools in scope).
#include "policy/policy_rules.hpp"

namespace laborsim {

namespace {

constexpr std::int32_t idle = -1;     // not under this policy
constexpr std::int32_t waiting = -2;  // below the standard, capped, waiting for funds

// What the policy changed at each school, so it can undo it, and where each school stands.
struct accreditation_state {
    std::vector<double> seat_delta;    // seats/month added (negative: an admission cap)
    std::vector<double> skill_delta;   // skill gain added
    std::vector<std::int32_t> months;  // upgrade months left, or idle / waiting
    std::vector<std::int32_t> waited;  // months below the standard without funds

    template <class Self, class F>
    static void members(Self& s, F&& f) {
        f(s.seat_delta, s.skill_delta, s.months, s.waited);
    }
};

void size_state(world& w, accreditation_state& own) {
    if (own.months.size() == w.schools.size()) return;
    own.months.assign(w.schools.size(), idle);
    own.seat_delta.assign(w.schools.size(), 0.0);
    own.skill_delta.assign(w.schools.size(), 0.0);
    own.waited.assign(w.schools.size(), 0);
}

bool in_scope(const world& w, const policy_state& st, std::size_t s, const school_accreditation& a) {
    if (!st.region_on[w.schools.region[s]]) return false;
    if (a.kinds.empty()) return true;
    for (auto kind : a.kinds)
        if (static_cast<std::uint8_t>(kind) == w.schools.kind[s]) return true;
    return false;
}

void cap(world& w, accreditation_state& own, std::size_t s, double admission_cap) {
    if (own.seat_delta[s] != 0.0) return;
    own.seat_delta[s] = -(1.0 - admission_cap) * w.schools.seats_per_month[s];
    w.schools.seats_per_month[s] += own.seat_delta[s];
}

void uncap(world& w, accreditation_state& own, std::size_t s) {
    w.schools.seats_per_month[s] -= own.seat_delta[s];
    own.seat_delta[s] = 0.0;
}

void apply_school_accreditation(world& w, std::size_t k, const policy_spec& p, const school_accreditation& a,
                                accreditation_state& own) {
    auto& st = w.policies[k];
    auto& sch = w.schools;
    size_state(w, own);
    std::vector<std::size_t> below;
    int closed = 0, started = 0;
    for (std::size_t s = 0; s < sch.size(); ++s) {
        if (!sch.open[s] || !in_scope(w, st, s, a) || sch.quality[s] >= a.standard) continue;
        if (a.below_standard == accreditation_action::close) {
            sch.open[s] = 0;
            uncap(w, own, s);
            ++closed;
            continue;
        }
        cap(w, own, s, a.admission_cap);
        if (own.months[s] == idle) own.months[s] = waiting;
        if (own.months[s] == waiting) below.push_back(s);
    }
    // Schools whose deadline passed without funds close (before this month's funding round).
    if (a.deadline_months > 0) {
        std::vector<std::size_t> still;
        for (auto s : below) {
            if (own.waited[s] >= a.deadline_months) {
                sch.open[s] = 0;
                uncap(w, own, s);
                own.months[s] = idle;
                ++closed;
            } else {
                still.push_back(s);
            }
        }
        below = std::move(still);
    }
    // Fund upgrades, worst schools first.
    std::sort(below.begin(), below.end(), [&](std::size_t x, std::size_t y) {
        return sch.quality[x] != sch.quality[y] ? sch.quality[x] < sch.quality[y] : x < y;
    });
    for (auto s : below) {
        if (a.upgrade_cost_vnd > budget_left_vnd(w, k, p)) break;
        record_spending(w, k, a.upgrade_cost_vnd);
        own.months[s] = std::max(1, a.upgrade_months);
        ++started;
    }
    for (auto s : below) own.waited[s] += own.months[s] == waiting;
    int waiting_now = 0, below_now = 0;
    double capped = 0, students = 0, q_sum = 0, seat_sum = 0;
    for (std::size_t s = 0; s < sch.size(); ++s) {
        if (!in_scope(w, st, s, a) || !sch.open[s]) continue;
        if (p.end == w.now && own.months[s] == waiting) {  // the requirement lapses
            uncap(w, own, s);
            own.months[s] = idle;
        }
        below_now += sch.quality[s] < a.standard;
        waiting_now += own.months[s] == waiting;
        capped -= own.seat_delta[s] * 12.0 / w.scale;
        if (own.months[s] > 0) students += sch.enrolled[s] / w.scale;
        q_sum += sch.quality[s] * sch.seats_per_month[s];
        seat_sum += sch.seats_per_month[s];
    }
    record_spending(w, k, 0.0);
    st.add("beneficiaries", students);
    st.add("schools_below_standard", below_now);
    st.add("schools_closed", closed);
    st.add("upgrades_started", started);
    st.add("schools_waiting", waiting_now);
    st.add("seats_capped", capped);
    st.add("mean_quality", seat_sum > 0 ? q_sum / seat_sum : 0.0);
}

// School-level follow-up, every month: upgrades in progress.
void finish_upgrades(world& w, std::size_t k, const school_accreditation& a, accreditation_state& own) {
    auto& st = w.policies[k];
    auto& sch = w.schools;
    size_state(w, own);
    int upgraded = 0;
    for (std::size_t s = 0; s < sch.size(); ++s) {
        if (own.months[s] <= 0 || --own.months[s] > 0) continue;
        const double old_quality = std::max(1e-6, sch.quality[s]);
        own.skill_delta[s] = sch.skill_gain[s] * (a.standard / old_quality - 1.0);
        sch.skill_gain[s] += own.skill_delta[s];
        sch.quality[s] = std::max(sch.quality[s], a.standard);
        uncap(w, own, s);
        own.months[s] = idle;
        ++upgraded;
    }
    st.add("schools_upgraded", upgraded);
}

}  // namespace

template <>
struct policy_rules<school_accreditation> {
    using spec_type = school_accreditation;
    using state = accreditation_state;
    static constexpr series_spec series[] = {
        {"beneficiaries", series_kind::stock, "persons"},     {"schools_below_standard", series_kind::stock, "schools"},
        {"schools_closed", series_kind::flow, "schools"},     {"upgrades_started", series_kind::flow, "schools"},
        {"schools_upgraded", series_kind::flow, "schools"},   {"schools_waiting", series_kind::stock, "schools"},
        {"seats_capped", series_kind::stock, "persons/year"}, {"mean_quality", series_kind::stock, "1"},
    };
    static double unit_cost_vnd(const spec_type&) { return 0; }  // its budget buys upgrades, at any scale
    static constexpr no_follow_up follow_up{};                   // it follows schools, not workers (in report)

    static policy_schema schema() {
        // clang-format off
        using vt = value_type;
        using S = spec_type;
        return {"A quality standard: schools below it close, or are capped until they upgrade.", {
            {"standard", vt::fraction, "0.6", "1", "Quality a school must reach (school `quality`).", {}, {}, bind_to<&S::standard>()},
            {"kinds", vt::string_list, "all", "", "School kinds assessed.", choices_of(school_kind_names), {}, bind_to<&S::kinds>()},
            {"below_standard", vt::choice, "upgrade", "", "What happens to a school below the standard.", {"upgrade", "close"}, {},
             bind_to<&S::below_standard>()},
            {"upgrade_cost_vnd", vt::nonneg, "0", "VND/school", "Cost of one upgrade (counts against the budget).", {}, {},
             bind_to<&S::upgrade_cost_vnd>()},
            {"upgrade_months", vt::integer, "12", "months", "Time an upgrade takes.", {}, {}, bind_months<&S::upgrade_months>(1)},
            {"admission_cap", vt::fraction, "0.5", "1", "Share of its seats a school below the standard may fill.", {}, {},
             bind_to<&S::admission_cap>()},
            {"deadline_months", vt::integer, "0 (never)", "months",
             "With upgrade: a school not funded within this long of falling below the standard closes.", {}, {},
             bind_to<&S::deadline_months>()},
        }};
        // clang-format on
    }

    static void apply(world& w, std::size_t k, const policy_spec& p, const spec_type& a) {
        apply_school_accreditation(w, k, p, a, state_of<school_accreditation>(w, k));
    }
    static void report(world& w, std::size_t k, const policy_spec&, const spec_type& a, const std::int64_t*) {
        finish_upgrades(w, k, a, state_of<school_accreditation>(w, k));
    }
};

template struct policy_hooks<school_accreditation>;

}  // namespace laborsim
