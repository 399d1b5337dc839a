#include "policy/course.hpp"

namespace laborsim {

void start_courses(world& w, std::size_t k, const policy_spec& p, const course_offer& offer) {
    auto& st = w.policies[k];
    auto& ws = w.workers;
    std::int64_t places = monthly_agents(w, k, offer.seats_per_year);
    places = std::min(places, affordable_agents(w, k, p, offer.cost_per_trainee_vnd));
    if (places <= 0) return;
    const auto chosen = select_workers(w, k, static_cast<std::size_t>(places),
                                       [&](std::size_t i) { return available_for_course(w, st, i, offer.target); });
    for (const auto i : chosen) {
        ws.course[i] = static_cast<std::uint8_t>(k);
        ws.course_months_left[i] = static_cast<std::uint8_t>(std::clamp(offer.course_months, 1, max_counter_months));
    }
    use_agents(w, k, static_cast<std::int64_t>(chosen.size()));
    const double persons = static_cast<double>(chosen.size()) / w.scale;
    record_spending(w, k, persons * offer.cost_per_trainee_vnd);
    st.add("beneficiaries", persons);
}

course_end course_month(world& w, std::size_t i, double completion_rate) {
    auto& ws = w.workers;
    if (--ws.course_months_left[i] > 0) return course_end::ongoing;
    ws.course[i] = no_course;
    if (follow_up_uniform(w, i, follow_up_draw::course_completion) >= completion_rate) return course_end::dropped;
    // Completion activates an inactive trainee: it joins the labour force as a searcher.
    if (ws.status[i] == static_cast<std::uint8_t>(worker_status::inactive)) {
        ws.status[i] = static_cast<std::uint8_t>(worker_status::unemployed);
        ws.months_in_status[i] = 0;
    }
    return course_end::completed;
}

}  // namespace laborsim
