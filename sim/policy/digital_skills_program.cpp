// digital_skills_program: short courses that raise digital skill and move some completers
// into the digital field. Each month seats_per_year / 12 places (times scale; capped by the
// budget at cost_per_trainee_vnd) go at random to labour-force members of the target group
// in the policy's regions; they keep their job or search while on the course. At the end:
//   completes with probability completion_rate:  skill += skill_gain, level >= short_course
//   and with probability field_switch_share:     field = digital (they then search, and are
//                                                counted, in the digital market)
//   completers over the period ~ seats_per_year * years * completion_rate
//   switchers                  ~ completers * field_switch_share
// Series: spending_vnd, beneficiaries (course starts), trained, switched_to_digital,
// trained_employed, dropouts.
#include "policy/course.hpp"
#include "policy/policy_rules.hpp"

namespace laborsim {

namespace {
enum slot : int { completed, switched, completed_employed, dropped };
}

template <>
struct policy_rules<digital_skills_program> {
    using spec_type = digital_skills_program;
    using state = no_state;
    static constexpr series_spec series[] = {
        {"beneficiaries", series_kind::flow, "persons"},       {"trained", series_kind::flow, "persons"},
        {"trained_employed", series_kind::flow, "persons"},    {"dropouts", series_kind::flow, "persons"},
        {"switched_to_digital", series_kind::flow, "persons"},
    };
    static double unit_cost_vnd(const spec_type& d) { return d.cost_per_trainee_vnd; }

    static policy_schema schema() {
        // clang-format off
        using vt = value_type;
        using S = spec_type;
        return {"Short digital upskilling courses; some completers move into the digital field.", {
            {"target", vt::mapping, "anyone", "", "Who is eligible.", {}, "target", bind_to<&S::target>()},
            {"seats_per_year", vt::nonneg, "required", "persons/year", "Places funded per year.", {}, {}, bind_to<&S::seats_per_year>()},
            {"course_months", vt::integer, "2", "months", "Course length (1-255).", {}, {}, bind_months<&S::course_months>(1)},
            {"completion_rate", vt::fraction, "0.85", "1", "Share of trainees who complete.", {}, {}, bind_to<&S::completion_rate>()},
            {"skill_gain", vt::number, "0.05", "log points", "Skill added on completion.", {}, {}, bind_to<&S::skill_gain>()},
            {"field_switch_share", vt::fraction, "0.3", "1", "Share of completers who move into the digital field.", {}, {},
             bind_to<&S::field_switch_share>()},
            {"cost_per_trainee_vnd", vt::nonneg, "0", "VND", "Cost per trainee (counts against the budget).", {}, {},
             bind_to<&S::cost_per_trainee_vnd>()},
        }};
        // clang-format on
    }

    static void apply(world& w, std::size_t k, const policy_spec& p, const spec_type& d) {
        start_courses(w, k, p, {d.target, d.seats_per_year, d.cost_per_trainee_vnd, d.course_months});
    }

    static void follow_up(world& w, std::size_t i, std::size_t, const spec_type& d, std::int64_t* cnt) {
        const auto end = course_month(w, i, d.completion_rate);
        if (end == course_end::ongoing) return;
        if (end == course_end::dropped) {
            cnt[dropped] += 1;
            return;
        }
        auto& ws = w.workers;
        ws.skill[i] = static_cast<float>(ws.skill[i] + d.skill_gain);
        ws.level[i] = std::max(ws.level[i], static_cast<std::uint8_t>(education_level::short_course));
        ws.set(i, worker_flag::trained_by_policy, true);
        cnt[completed] += 1;
        cnt[completed_employed] += ws.status[i] == static_cast<std::uint8_t>(worker_status::employed);
        const auto digital = static_cast<std::uint8_t>(field_kind::digital);
        if (ws.field[i] != digital && follow_up_uniform(w, i, follow_up_draw::field_switch) < d.field_switch_share) {
            ws.field[i] = digital;
            cnt[switched] += 1;
        }
    }

    static void report(world& w, std::size_t k, const policy_spec&, const spec_type&, const std::int64_t* cnt) {
        auto& st = w.policies[k];
        st.add("trained", static_cast<double>(cnt[completed]) / w.scale);
        st.add("switched_to_digital", static_cast<double>(cnt[switched]) / w.scale);
        st.add("trained_employed", static_cast<double>(cnt[completed_employed]) / w.scale);
        st.add("dropouts", static_cast<double>(cnt[dropped]) / w.scale);
    }
};

template struct policy_hooks<digital_skills_program>;

}  // namespace laborsim
