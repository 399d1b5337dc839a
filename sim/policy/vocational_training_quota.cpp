// vocational_training_quota: each month seats_per_year / 12 places (times scale) go to
// members of the target group chosen at random; the budget caps the places at
// (annual budget - spent) / cost. Trainees stay in the labour force during the course.
// On completion (probability completion_rate) their level rises to the course level, their
// skill by skill_gain; a share placement_support of the unemployed completers receive
// placement services (job-search assistance), which rank their applications higher in matching.
//   trained over the period ~ seats_per_year * years * completion_rate
// Series: spending_vnd, beneficiaries (course starts), trained, trained_employed, dropouts,
// placement_services (completers who received them).
#include "policy/course.hpp"
#include "policy/policy_rules.hpp"

namespace laborsim {

namespace {
enum slot : int { completed, completed_employed, dropped, placement_services };
}

template <>
struct policy_rules<vocational_training_quota> {
    using spec_type = vocational_training_quota;
    using state = no_state;
    static constexpr series_spec series[] = {
        {"beneficiaries", series_kind::flow, "persons"},      {"trained", series_kind::flow, "persons"},
        {"trained_employed", series_kind::flow, "persons"},   {"dropouts", series_kind::flow, "persons"},
        {"placement_services", series_kind::flow, "persons"},
    };
    static double unit_cost_vnd(const spec_type& q) { return q.cost_per_trainee_vnd; }

    static policy_schema schema() {
        // clang-format off
        using vt = value_type;
        using S = spec_type;
        const auto fields = choices_of(field_names);
        return {"Funded training places for a target group.", {
            {"target", vt::mapping, "anyone", "", "Who is eligible.", {}, "target", bind_to<&S::target>()},
            {"seats_per_year", vt::nonneg, "required", "persons/year", "Places funded per year.", {}, {}, bind_to<&S::seats_per_year>()},
            {"course_level", vt::choice, "short_course", "", "Level reached on completion.",
             level_choices(education_level::short_course, education_level::intermediate), {}, bind_to<&S::course_level>()},
            {"course_field", vt::choice, "industry", "", "Field of the course.", fields, {}, bind_to<&S::course_field>()},
            {"course_months", vt::integer, "3", "months", "Course length.", {}, {}, bind_months<&S::course_months>(1)},
            {"completion_rate", vt::fraction, "0.9", "1", "Share of trainees who complete.", {}, {}, bind_to<&S::completion_rate>()},
            {"skill_gain", vt::number, "0.08", "log points", "Skill added on completion.", {}, {}, bind_to<&S::skill_gain>()},
            {"cost_per_trainee_vnd", vt::nonneg, "0", "VND", "Cost per trainee (counts against the budget).", {}, {},
             bind_to<&S::cost_per_trainee_vnd>()},
            {"placement_support", vt::fraction, "0", "1", "Share of unemployed completers who receive placement services (job-search assistance): their applications rank higher in matching by model.placement_priority.", {}, {},
             bind_to<&S::placement_support>()},
        }};
        // clang-format on
    }

    static void apply(world& w, std::size_t k, const policy_spec& p, const spec_type& q) {
        start_courses(w, k, p, {q.target, q.seats_per_year, q.cost_per_trainee_vnd, q.course_months});
    }

    static void follow_up(world& w, std::size_t i, std::size_t, const spec_type& q, std::int64_t* cnt) {
        const auto end = course_month(w, i, q.completion_rate);
        if (end == course_end::ongoing) return;
        if (end == course_end::dropped) {
            cnt[dropped] += 1;
            return;
        }
        auto& ws = w.workers;
        ws.level[i] = std::max(ws.level[i], static_cast<std::uint8_t>(q.course_level));
        ws.field[i] = static_cast<std::uint8_t>(q.course_field);
        ws.skill[i] = static_cast<float>(ws.skill[i] + q.skill_gain);
        ws.set(i, worker_flag::trained_by_policy, true);
        const bool employed = ws.status[i] == static_cast<std::uint8_t>(worker_status::employed);
        const bool placed_by_service =
            !employed && follow_up_uniform(w, i, follow_up_draw::placement) < q.placement_support;
        if (placed_by_service) ws.set(i, worker_flag::placement, true);
        cnt[completed] += 1;
        cnt[completed_employed] += employed;
        cnt[placement_services] += placed_by_service;
    }

    static void report(world& w, std::size_t k, const policy_spec&, const spec_type&, const std::int64_t* cnt) {
        auto& st = w.policies[k];
        st.add("trained", static_cast<double>(cnt[completed]) / w.scale);
        st.add("trained_employed", static_cast<double>(cnt[completed_employed]) / w.scale);
        st.add("dropouts", static_cast<double>(cnt[dropped]) / w.scale);
        st.add("placement_services", static_cast<double>(cnt[placement_services]) / w.scale);
    }
};

template struct policy_hooks<vocational_training_quota>;

}  // namespace laborsim
