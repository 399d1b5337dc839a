// study_abroad: funded places abroad. Each month places_per_year / 12 (times scale; capped by
// the budget at cost_per_student_vnd, paid at departure) go at random to labour-force
// members of the target group in the policy's regions. The policy adds a programme of study
// abroad to the model (study_level, study_field, study_months, completion_rate, skill_gain,
// return_rate) and sends each student on it (send_abroad: status abroad, a job is given up);
// the education phase then, after study_months,
//   completes with probability completion_rate:  level >= study_level, skill += skill_gain,
//                                                field = study_field (if set)
//   returns with probability return_rate:        unemployed in the home region, owing
//                                                return_obligation_months of stay there
//   otherwise the student emigrates (leaves the population) and repays clawback_share * cost.
// A returner who leaves the region before the obligation ends repays the same share pro rata,
// and so weighs leaving against leave_cost = clawback_share * cost / return_obligation_months
// (VND a month; migration).
//   abroad stock ~ places_per_year * study_months / 12;  returned ~ places * return_rate
// Completions, returns and emigrants are the model's counts for the programme, reported the
// month after they happen (the policy pass runs before the education phase).
// Series: spending_vnd, beneficiaries (departures), abroad, completed, returned,
// not_returned, obligation_served, left_early, clawback_vnd.
#include "policy/course.hpp"
#include "policy/policy_rules.hpp"

namespace laborsim {

namespace {
enum slot : int { abroad_now, served, left_early, clawback_months };

constexpr std::uint32_t no_program = 0xFFFFFFFFu;
struct study_abroad_state {
    std::uint32_t program = no_program;  // its programme in world::abroad_programs, once added

    template <class Self, class F>
    static void members(Self& s, F&& f) {
        f(s.program);
    }
};

void apply_study_abroad(world& w, std::size_t k, const policy_spec& p, const study_abroad& sa,
                        study_abroad_state& own) {
    auto& st = w.policies[k];
    auto& ws = w.workers;
    std::int64_t places = monthly_agents(w, k, sa.places_per_year);
    places = std::min(places, affordable_agents(w, k, p, sa.cost_per_student_vnd));
    if (places <= 0) return;
    if (own.program == no_program)
        own.program = add_abroad_program(
            w, abroad_program{sa.study_level, sa.study_field ? static_cast<int>(*sa.study_field) : -1,
                              std::max(1, sa.study_months), sa.completion_rate, sa.skill_gain, sa.return_rate});
    const auto chosen = select_workers(w, k, static_cast<std::size_t>(places), [&](std::size_t i) {
        return available_for_course(w, st, i, sa.target) && ws.tag_policy[i] == no_policy;
    });
    for (const auto i : chosen) {
        send_abroad(w, i, own.program);
        ws.tag_policy[i] = static_cast<std::uint8_t>(k);
        ws.tag_months[i] = static_cast<std::uint8_t>(
            std::clamp(sa.return_obligation_months, 0, max_counter_months));  // the obligation, once back
    }
    use_agents(w, k, static_cast<std::int64_t>(chosen.size()));
    const double persons = static_cast<double>(chosen.size()) / w.scale;
    record_spending(w, k, persons * sa.cost_per_student_vnd);
    st.add("beneficiaries", persons);
}

void tag_month_study_abroad(world& w, std::size_t i, std::size_t k, std::int64_t* cnt) {
    auto& ws = w.workers;
    if (ws.status[i] == static_cast<std::uint8_t>(worker_status::abroad)) {  // the model brings it back, or not
        cnt[abroad_now] += 1;
        return;
    }
    // Back home, serving the return obligation.
    if (ws.tag_months[i] == 0) {  // none was owed
        ws.tag_policy[i] = no_policy;
        return;
    }
    const auto month = count_down_commitment(w, i, k);
    if (month.what == commitment_month::left_early) {
        cnt[left_early] += 1;
        cnt[clawback_months] += month.months_left;
    }
    cnt[served] += month.what == commitment_month::completed;
}

void report_study_abroad(world& w, std::size_t k, const study_abroad& sa, const study_abroad_state& own,
                         const std::int64_t* cnt) {
    auto& st = w.policies[k];
    const double per = 1.0 / w.scale;
    const abroad_month_counts last =
        own.program < w.abroad_month.size() ? w.abroad_month[own.program] : abroad_month_counts{};
    const int obligation = std::clamp(sa.return_obligation_months, 0, max_counter_months);
    st.add("abroad", static_cast<double>(cnt[abroad_now]) * per);
    st.add("completed", static_cast<double>(last.completed) * per);
    st.add("returned", static_cast<double>(last.returned) * per);
    st.add("not_returned", static_cast<double>(last.stayed) * per);
    st.add("obligation_served", static_cast<double>(cnt[served]) * per);
    st.add("left_early", static_cast<double>(cnt[left_early]) * per);
    // Non-returners repay the whole share; early leavers pro rata to the months left. With
    // no obligation there is nothing to repay pro rata; non-returners still owe the share.
    const double months = std::max(1, obligation);
    const double repaid = static_cast<double>(cnt[clawback_months]) / months + static_cast<double>(last.stayed);
    st.add("clawback_vnd", sa.clawback_share * sa.cost_per_student_vnd * per * repaid);
    // A returner who leaves repays the share pro rata to the months left: the same amount for
    // each month of the obligation, which migration weighs against leaving.
    st.leave_cost_vnd_month = obligation > 0 ? sa.clawback_share * sa.cost_per_student_vnd / obligation : 0.0;
}

}  // namespace

template <>
struct policy_rules<study_abroad> {
    using spec_type = study_abroad;
    using state = study_abroad_state;
    static constexpr series_spec series[] = {
        {"beneficiaries", series_kind::flow, "persons"}, {"abroad", series_kind::stock, "persons"},
        {"completed", series_kind::flow, "persons"},     {"returned", series_kind::flow, "persons"},
        {"not_returned", series_kind::flow, "persons"},  {"obligation_served", series_kind::flow, "persons"},
        {"left_early", series_kind::flow, "persons"},    {"clawback_vnd", series_kind::flow, "VND"},
    };
    static double unit_cost_vnd(const spec_type& sa) { return sa.cost_per_student_vnd; }

    static policy_schema schema() {
        // clang-format off
        using vt = value_type;
        using S = spec_type;
        return {"Funded places abroad with a return obligation.", {
            {"target", vt::mapping, "anyone", "", "Who is eligible.", {}, "target", bind_to<&S::target>()},
            {"places_per_year", vt::nonneg, "required", "persons/year", "Places funded per year.", {}, {}, bind_to<&S::places_per_year>()},
            {"study_level", vt::choice, "postgraduate", "", "Level reached on completion.", choices_of(education_names), {},
             bind_to<&S::study_level>()},
            {"study_field", vt::choice, "the student's", "", "Field of study.", choices_of(field_names), {}, bind_to<&S::study_field>()},
            {"study_months", vt::integer, "24", "months", "Time abroad (1-255).", {}, {}, bind_months<&S::study_months>(1)},
            {"completion_rate", vt::fraction, "0.9", "1", "Share of students who complete.", {}, {}, bind_to<&S::completion_rate>()},
            {"skill_gain", vt::number, "0.2", "log points", "Skill added on completion.", {}, {}, bind_to<&S::skill_gain>()},
            {"return_rate", vt::fraction, "0.8", "1", "Probability a student comes back.", {}, {}, bind_to<&S::return_rate>()},
            {"return_obligation_months", vt::integer, "60", "months", "Stay in the region this long after returning (0-255).", {}, {},
             bind_months<&S::return_obligation_months>(0)},
            {"cost_per_student_vnd", vt::nonneg, "0", "VND", "Whole program cost, paid at departure.", {}, {},
             bind_to<&S::cost_per_student_vnd>()},
            {"clawback_share", vt::fraction, "1", "1", "Share of the cost repaid by non-returners (and pro rata by early leavers).", {}, {},
             bind_to<&S::clawback_share>()},
        }};
        // clang-format on
    }

    static void apply(world& w, std::size_t k, const policy_spec& p, const spec_type& sa) {
        apply_study_abroad(w, k, p, sa, state_of<study_abroad>(w, k));
    }
    static void follow_up(world& w, std::size_t i, std::size_t k, const spec_type&, std::int64_t* cnt) {
        tag_month_study_abroad(w, i, k, cnt);
    }
    static void report(world& w, std::size_t k, const policy_spec&, const spec_type& sa, const std::int64_t* cnt) {
        report_study_abroad(w, k, sa, state_of<study_abroad>(w, k), cnt);
    }
};

template struct policy_hooks<study_abroad>;

}  // namespace laborsim
