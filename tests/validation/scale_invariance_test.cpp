// Results do not depend on the scale: Cao Bang and Bac Kan baselines at their minimum
// supported scale and at ten times it agree, within sampling error, on unemployment, the
// trained and certified rates, the mean wage and net migration. Firm agents are strata of
// real establishments (sim/model/firm_strata.cpp), so both scales see the same productivity
// distribution in every market; what is left is sampling noise, which a z-test on the seed
// means measures: z = (mean_small - mean_large) / sqrt(se_small^2 + se_large^2).
// Before strata (firms per market in proportion to the agent count), Cao Bang's 2024-12
// unemployment was 1.87% at scale 0.01 and 0.72% at 0.1 (5 seeds each; issue 16). Two
// years: over four, the exit rule of unviable strata leaves Cao Bang's unemployment a few
// tenths lower at the minimum scale (docs/model.md, known limits).
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "laborsim/scenario_io.hpp"
#include "laborsim/warnings.hpp"
#include "validation_support.hpp"

using namespace laborsim;
using namespace laborsim::validation;

namespace {

constexpr int quantity_count = 5;
constexpr const char* quantity_names[quantity_count] = {"unemployment rate", "trained rate", "certified rate",
                                                        "mean wage (M VND)", "net migration / labour force"};

// The quantities of the scenario's first region at its last month (net migration: summed over the run).
std::array<double, quantity_count> measure(const scenario& sc) {
    const auto rec = run(sc, 2, 16384);
    const auto& last = rec.months.back();
    double net = 0;
    for (const auto& m : rec.months) net += m.at(0, indicator::migration_in) - m.at(0, indicator::migration_out);
    return {last.at(0, indicator::unemployment_rate), last.at(0, indicator::trained_rate),
            last.at(0, indicator::certified_rate), last.at(0, indicator::mean_wage) / 1e6,
            net / rec.months.front().at(0, indicator::labor_force)};
}

struct seed_means {
    std::array<double, quantity_count> mean{}, se{};
};

seed_means run_seeds(const std::string& file, double scale, int seeds) {
    std::vector<std::array<double, quantity_count>> runs;
    for (int s = 1; s <= seeds; ++s) {
        auto sc = load_scenario(std::string(LABORSIM_SOURCE_DIR) + "/scenarios/vietnam/" + file,
                                {"calendar.end=2022-12", "scale=" + std::to_string(scale)});
        sc.seed = 1000 + static_cast<std::uint64_t>(s);
        runs.push_back(measure(sc));
    }
    seed_means out;
    const double n = seeds;
    for (int q = 0; q < quantity_count; ++q) {
        double sum = 0, sum2 = 0;
        for (const auto& r : runs) sum += r[q];
        const double mean = sum / n;
        for (const auto& r : runs) sum2 += (r[q] - mean) * (r[q] - mean);
        out.mean[q] = mean;
        out.se[q] = std::sqrt(sum2 / (n - 1) / n);
    }
    return out;
}

void compare_scales(const std::string& file, int seeds_small, int seeds_large) {
    const auto sc = load_scenario(std::string(LABORSIM_SOURCE_DIR) + "/scenarios/vietnam/" + file);
    const double small = minimum_supported_scale_of(sc);
    REQUIRE(small > 0);
    REQUIRE(small < 0.05);
    const auto a = run_seeds(file, small, seeds_small);
    const auto b = run_seeds(file, 10 * small, seeds_large);
    for (int q = 0; q < quantity_count; ++q) {
        const double se = std::sqrt(a.se[q] * a.se[q] + b.se[q] * b.se[q]);
        const double z = se > 0 ? (a.mean[q] - b.mean[q]) / se : 0.0;
        const std::string what = file + " " + quantity_names[q] + " x1 vs x10";
        report("scale_invariance", what.c_str(), a.mean[q], b.mean[q], 3 * se);
        INFO(what << ": " << a.mean[q] << " +- " << a.se[q] << " vs " << b.mean[q] << " +- " << b.se[q] << ", z " << z);
        CHECK(std::abs(z) < 3.0);
    }
}

}  // namespace

TEST_CASE("scale invariance: Cao Bang at its minimum supported scale and at ten times it", "[validation]") {
    compare_scales("cao-bang.yaml", 12, 6);
}

TEST_CASE("scale invariance: Bac Kan at its minimum supported scale and at ten times it", "[validation]") {
    compare_scales("bac-kan.yaml", 8, 3);
}
