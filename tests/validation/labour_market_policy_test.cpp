// Issue 16 with the shipped Vietnam scenarios, several seeds, paired (common random numbers):
// - a minimum wage at 1.8 x the mean wage lowers formal employment in Cao Bang and Bac Kan
//   (search with a minimum wage: formal matches worth less than it plus social insurance are
//   not formed and existing ones end); what it does to total employment and informality is
//   reported;
// - a training programme for the inactive raises employment (completers join the labour force
//   as searchers).
// The mean paired difference's 95 % interval (Student t, n - 1 degrees of freedom) must
// exclude 0 on the expected side.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "laborsim/scenario_io.hpp"
#include "validation_support.hpp"

using namespace laborsim;

namespace {

constexpr int seeds = 5;
constexpr double t_975_4 = 2.776;  // Student t, 4 degrees of freedom
constexpr double scale = 0.05;

struct end_state {
    double formal = 0, employed = 0, informal_share = 0, unemployment = 0, labor_force = 0;
};

// Means over the last 12 months of a run of `province`.yaml (2021-2023) with `extra` added.
end_state run_province(const std::string& province, std::uint64_t seed, const std::string& extra) {
    const std::string text = "extends: " + province + ".yaml\nseed: " + std::to_string(seed) +
                             "\nscale: " + std::to_string(scale) + "\ncalendar: {end: 2023-12}\n" + extra;
    const scenario sc =
        load_scenario_text(text, std::string(LABORSIM_SOURCE_DIR) + "/scenarios/vietnam/issue16-test.yaml");
    validation::recorder rec;
    run_options opts;
    opts.threads = 2;
    run_scenario(sc, opts, {&rec});
    end_state out;
    const std::size_t n = rec.months.size();
    for (std::size_t t = n - 12; t < n; ++t) {
        const auto& s = rec.months[t];
        out.formal += s.at(0, indicator::formal_employed) / 12;
        out.employed += s.at(0, indicator::employed) / 12;
        out.informal_share += s.at(0, indicator::informal_share) / 12;
        out.unemployment += s.at(0, indicator::unemployment_rate) / 12;
        out.labor_force += s.at(0, indicator::labor_force) / 12;
    }
    return out;
}

struct interval {
    double mean = 0, half = 0;
};

interval paired(const std::vector<double>& d) {
    double m = 0, v = 0;
    for (double x : d) m += x / static_cast<double>(d.size());
    for (double x : d) v += (x - m) * (x - m) / static_cast<double>(d.size() - 1);
    return {m, t_975_4 * std::sqrt(v / static_cast<double>(d.size()))};
}

std::string minimum_wage_policy(double mean_wage_vnd) {
    return "policies:\n  - id: minimum-1-8x\n    type: minimum_wage\n    steps: [{from: 2022-01, wage_vnd: " +
           std::to_string(static_cast<long long>(1.8 * mean_wage_vnd)) + "}]\n";
}

}  // namespace

TEST_CASE("a minimum wage at 1.8 x the mean wage lowers formal employment in Cao Bang and Bac Kan",
          "[labour_market_policy][minimum_wage_jobs]") {
    const char* test = "minimum_wage_jobs";
    for (const std::string province : {"cao-bang", "bac-kan"}) {
        std::vector<double> formal, employed, informal, unemployment;
        for (int k = 0; k < seeds; ++k) {
            const std::uint64_t seed = 1600 + static_cast<std::uint64_t>(k);
            const auto base = run_province(province, seed, "");
            const auto high =
                run_province(province, seed, minimum_wage_policy(4.28e6));  // both provinces' input mean wage
            formal.push_back(high.formal - base.formal);
            employed.push_back(high.employed - base.employed);
            informal.push_back(high.informal_share - base.informal_share);
            unemployment.push_back(high.unemployment - base.unemployment);
        }
        const auto f = paired(formal), e = paired(employed), i = paired(informal), u = paired(unemployment);
        const double context = std::nan("");
        validation::report(test, (province + " formal employment, 2023, with - without (95% CI half-width)").c_str(),
                           f.mean, context, f.half);
        validation::report(test, (province + " formal employment CI upper bound (sign: below 0)").c_str(),
                           f.mean + f.half, 0, 0);
        validation::report(test, (province + " total employment, with - without (95% CI half-width)").c_str(), e.mean,
                           context, e.half);
        validation::report(test, (province + " informal share, with - without (95% CI half-width)").c_str(), i.mean,
                           context, i.half);
        validation::report(test, (province + " unemployment rate, with - without (95% CI half-width)").c_str(), u.mean,
                           context, u.half);
        INFO(province << ": formal " << f.mean << " +- " << f.half << ", employed " << e.mean << " +- " << e.half);
        CHECK(f.mean + f.half < 0);
        CHECK(i.mean > 0);  // the jobs left are informal ones
    }
}

TEST_CASE("training for the inactive raises employment", "[labour_market_policy][inactive_training]") {
    const char* test = "inactive_training";
    const std::string programme = R"(policies:
  - id: inactive-training
    type: vocational_training_quota
    region: cao-bang
    target: {inactive: true, max_age: 54}
    seats_per_year: 8000
    course_level: elementary
    course_field: industry
    course_months: 3
    completion_rate: 0.8
    cost_per_trainee_vnd: 4000000
    start: 2022-01
    end: 2023-06
)";
    std::vector<double> employed, labor_force;
    for (int k = 0; k < seeds; ++k) {
        const std::uint64_t seed = 1700 + static_cast<std::uint64_t>(k);
        const auto base = run_province("cao-bang", seed, "");
        const auto with = run_province("cao-bang", seed, programme);
        employed.push_back(with.employed - base.employed);
        labor_force.push_back(with.labor_force - base.labor_force);
    }
    const auto e = paired(employed), l = paired(labor_force);
    validation::report(test, "cao-bang employment, 2023, with - without (95% CI half-width)", e.mean, std::nan(""),
                       e.half);
    validation::report(test, "cao-bang employment CI lower bound (sign: above 0)", e.mean - e.half, 0, 0);
    validation::report(test, "cao-bang labour force, with - without (95% CI half-width)", l.mean, std::nan(""), l.half);
    INFO("employment " << e.mean << " +- " << e.half << ", labour force " << l.mean << " +- " << l.half);
    CHECK(e.mean - e.half > 0);
    CHECK(l.mean > 0);
}
