// firm_training_subsidy: a subsidy per worker a firm trains on the job, on top of the
// training firms do on their own (sim/model/firm_training.cpp, which runs first each month).
// Each month a firm considers each employed worker of the target group (in the policy's
// regions) with probability review_rate - the same draw as its own training's review, so a
// worker the firm reviews for its own training is also considered for the subsidy when
// review_rate >= the model's firm_training_review_rate - and claims the subsidy when its
// share of the productivity gain over the expected tenure covers the cost net of it:
//   (1 - beta) * skill_gain * wage_i * T >= training_cost - subsidy,   T = min(120, 1 / separation_rate)
// (beta: the worker's bargaining share). A worker its firm has already trained this month
// is deadweight: the subsidy is paid, nothing is added. Any other is induced: trained by the
// subsidy, gaining skill_gain, certify_level if below it, and wage *= exp(beta * skill_gain).
// The budget caps claims at (budget left) / subsidy, chosen at random among the claimants.
// Series: spending_vnd, beneficiaries (= trained: subsidised trainees), trained, induced,
// deadweight (= trained - induced).
#include <cmath>

#include "model/firm_training.hpp"
#include "policy/policy_rules.hpp"

namespace laborsim {

namespace {

void apply_firm_training_subsidy(world& w, std::size_t k, const policy_spec& p, const firm_training_subsidy& f) {
    auto& st = w.policies[k];
    auto& ws = w.workers;
    const auto& m = w.sc->model;
    const double value_per_vnd = training_value_per_vnd(m, f.skill_gain);
    const double net_cost = f.training_cost_vnd - f.subsidy_per_trainee_vnd;
    const std::int64_t n = affordable_agents(w, k, p, f.subsidy_per_trainee_vnd);
    const auto chosen = select_workers(
        w, k, static_cast<std::size_t>(std::min<std::int64_t>(n, static_cast<std::int64_t>(ws.size()))),
        [&](std::size_t i) {
            if (!st.region_on[ws.region[i]] || ws.status[i] != static_cast<std::uint8_t>(worker_status::employed))
                return false;
            if (ws.course[i] != no_course || !in_group(w, i, f.target)) return false;
            if (value_per_vnd * ws.wage_vnd[i] < net_cost) return false;
            return firm_review_draw(w, i) < f.review_rate;
        });
    const double wage_factor = std::exp(m.nash_share * f.skill_gain);
    std::int64_t induced = 0;
    for (const auto i : chosen) {
        if (firm_trained_this_month(w, i)) continue;  // deadweight: the firm trained it anyway
        ++induced;
        ws.skill[i] = static_cast<float>(ws.skill[i] + f.skill_gain);
        if (f.certify_level) ws.level[i] = std::max(ws.level[i], static_cast<std::uint8_t>(*f.certify_level));
        ws.wage_vnd[i] = static_cast<std::uint32_t>(std::min(wage_cap_vnd_month, ws.wage_vnd[i] * wage_factor));
        ws.set(i, worker_flag::trained_by_policy, true);
        ws.set(i, worker_flag::mismatched, ws.level[i] < w.firms.min_level[static_cast<std::size_t>(ws.employer[i])]);
        w.add_flow(ws.region[i], flow::firm_trained, 1);
    }
    const double persons = static_cast<double>(chosen.size()) / w.scale;
    record_spending(w, k, persons * f.subsidy_per_trainee_vnd);
    st.add("beneficiaries", persons);
    st.add("trained", persons);
    st.add("induced", static_cast<double>(induced) / w.scale);
    st.add("deadweight", static_cast<double>(static_cast<std::int64_t>(chosen.size()) - induced) / w.scale);
}

}  // namespace

template <>
struct policy_rules<firm_training_subsidy> {
    using spec_type = firm_training_subsidy;
    using state = no_state;
    static constexpr series_spec series[] = {
        {"beneficiaries", series_kind::flow, "persons"},
        {"trained", series_kind::flow, "persons"},
        {"induced", series_kind::flow, "persons"},
        {"deadweight", series_kind::flow, "persons"},
    };
    static double unit_cost_vnd(const spec_type& f) { return f.subsidy_per_trainee_vnd; }
    static constexpr no_follow_up follow_up{};  // training is done within the month
    static constexpr no_report report{};

    static policy_schema schema() {
        // clang-format off
        using vt = value_type;
        using S = spec_type;
        return {"A subsidy per worker a firm trains on the job.", {
            {"target", vt::mapping, "anyone employed", "", "Which employed workers qualify.", {}, "target", bind_to<&S::target>()},
            {"subsidy_per_trainee_vnd", vt::nonneg, "required", "VND", "Subsidy per trainee (counts against the budget).", {}, {},
             bind_to<&S::subsidy_per_trainee_vnd>()},
            {"training_cost_vnd", vt::nonneg, "required", "VND", "Full cost of training one worker.", {}, {},
             bind_to<&S::training_cost_vnd>()},
            {"review_rate", vt::fraction, "0.0833", "1/month", "Monthly chance a firm reviews a worker's training.", {}, {},
             bind_to<&S::review_rate>()},
            {"skill_gain", vt::number, "0.05", "log points", "Skill added by the training.", {}, {}, bind_to<&S::skill_gain>()},
            {"certify_level", vt::choice, "none (no change)", "", "Level trainees below it reach.", choices_of(education_names), {},
             bind_to<&S::certify_level>()},
        }};
        // clang-format on
    }

    static void apply(world& w, std::size_t k, const policy_spec& p, const spec_type& f) {
        apply_firm_training_subsidy(w, k, p, f);
    }
};

template struct policy_hooks<firm_training_subsidy>;

}  // namespace laborsim
