#include "analysis/regional_aggregate.hpp"

#include <limits>
#include <map>

#include "laborsim/indicators.hpp"

namespace laborsim {

std::optional<indicator_traits> traits_of(const std::string& name) {
    if (name == "trained_workers" || name == "certified_workers" || name == "high_quality_workers")
        return indicator_traits{"persons", false, regional_aggregate::sum, ""};
    for (const auto& info : indicator_table) {
        if (info.name != name) continue;
        indicator_traits t;
        t.units = std::string(info.units);
        t.flow = info.units == "persons/month";
        if (info.units == "persons" || info.units == "jobs" || t.flow) {
            t.agg = regional_aggregate::sum;
        } else {
            static const std::map<std::string, std::string> weights{{"unemployment_rate", "labor_force"},
                                                                    {"trained_rate", "labor_force"},
                                                                    {"certified_rate", "labor_force"},
                                                                    {"high_quality_rate", "labor_force"},
                                                                    {"mean_skill", "labor_force"},
                                                                    {"mean_wage", "employed"},
                                                                    {"mismatch_rate", "employed"},
                                                                    {"doctors_per_10k", "population"},
                                                                    {"vacancy_filling_rate", "vacancies"},
                                                                    {"participation_rate", "population_15plus"},
                                                                    {"informal_share", "employed"},
                                                                    {"formal_mean_wage", "formal_employed"},
                                                                    {"formal_at_minimum_share", "formal_employed"}};
            if (auto it = weights.find(name); it != weights.end()) {
                t.agg = regional_aggregate::weighted;
                t.weight = it->second;
            }
        }
        return t;
    }
    return std::nullopt;
}

double aggregate_regions(const indicator_traits& t, const double* v, const double* w, std::size_t regions) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    if (t.agg == regional_aggregate::sum) {
        double s = 0;
        for (std::size_t r = 0; r < regions; ++r) s += v[r];
        return s;
    }
    if (t.agg == regional_aggregate::weighted) {
        if (w == nullptr) return nan;
        double s = 0, sw = 0;
        for (std::size_t r = 0; r < regions; ++r) {
            s += v[r] * w[r];
            sw += w[r];
        }
        return sw > 0 ? s / sw : nan;
    }
    return nan;
}

}  // namespace laborsim
