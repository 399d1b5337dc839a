// Uses laborsim as a library: loads a scenario, shortens its calendar, runs it at a small
// scale with an observer that counts the months, and prints what it saw.
//   consumer <scenario.yaml> <months>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include <laborsim/engine.hpp>
#include <laborsim/errors.hpp>
#include <laborsim/indicators.hpp>
#include <laborsim/scenario_io.hpp>
#include <laborsim/version.hpp>

namespace {

class month_counter : public laborsim::run_observer {
public:
    void on_month(const laborsim::month_stats& stats, const std::vector<laborsim::policy_month_report>&,
                  const laborsim::world&) override {
        ++months;
        for (const auto& region : stats.by_region)
            if (region[static_cast<int>(laborsim::indicator::employed)] > 0) ++months_with_employment;
        last_month_index = stats.month_index;
    }
    int months = 0;
    int months_with_employment = 0;  // summed over regions
    int last_month_index = -1;
};

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: consumer <scenario.yaml> <months>\n";
        return 2;
    }
    try {
        laborsim::scenario sc = laborsim::load_scenario(argv[1]);
        const int months = std::stoi(argv[2]);
        sc.calendar.end = laborsim::year_month::from_index(sc.calendar.start.index() + months - 1);
        sc.scale = 0.002;

        month_counter counter;
        laborsim::run_options options;
        options.threads = 2;
        const laborsim::run_summary summary = laborsim::run_scenario(sc, options, {&counter});

        std::cout << "laborsim " << laborsim::version << ": " << sc.name << ", " << sc.regions.size() << " regions, "
                  << summary.workers_at_end << " workers\n";
        std::cout << "months run = " << summary.months << ", observed = " << counter.months << ", last = "
                  << laborsim::format_year_month(laborsim::year_month::from_index(counter.last_month_index)) << "\n";
        const bool ok = summary.months == months && counter.months == months && summary.workers_at_end > 0 &&
                        counter.months_with_employment == months * static_cast<int>(sc.regions.size());
        return ok ? EXIT_SUCCESS : EXIT_FAILURE;
    } catch (const std::exception& e) {
        std::cerr << "consumer: " << e.what() << "\n";
        return 1;
    }
}
