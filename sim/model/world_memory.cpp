// The memory a world will need, estimated before it is built, so that an absurd but valid
// scenario (a 2e9 labour force at scale 1) is refused with the numbers instead of
// allocating until the machine kills it.
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <string>

#include "core/firm_store.hpp"
#include "core/worker_store.hpp"
#include "laborsim/engine.hpp"
#include "laborsim/errors.hpp"

namespace laborsim {

namespace {

// Vectors grow by doubling, and phases keep per-agent scratch (matching, migration).
constexpr double growth_headroom = 2.0;

std::uint64_t available_bytes() {
    std::ifstream in("/proc/meminfo");
    for (std::string key; in >> key;) {
        std::uint64_t kib = 0;
        if (key == "MemAvailable:" && in >> kib) return kib * 1024;
        in.ignore(std::numeric_limits<std::streamsize>::max(), '\n');
    }
    const long pages = sysconf(_SC_AVPHYS_PAGES), page = sysconf(_SC_PAGESIZE);
    return pages > 0 && page > 0 ? static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(page)
                                 : std::numeric_limits<std::uint64_t>::max();
}

std::string gib(double bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f GiB", bytes / (1024.0 * 1024.0 * 1024.0));
    return buf;
}

}  // namespace

world_memory_estimate estimate_world_memory(const scenario& sc) {
    world_memory_estimate e;
    const double years = sc.calendar.months() / 12.0;
    for (const auto& r : sc.regions) {
        const double at_start = r.labor_force * sc.scale;
        const double peak = at_start * std::max(1.0, std::pow(1.0 + std::max(0.0, r.labor_force_growth), years));
        e.workers += peak;
        e.firms += at_start / 1000.0 * r.firms_per_1000_workers;
    }
    e.bytes = growth_headroom * (e.workers * static_cast<double>(worker_store{}.bytes_per_worker()) +
                                 e.firms * static_cast<double>(firm_store::bytes_per_firm()));
    return e;
}

void check_world_memory(const scenario& sc, std::uint64_t max_bytes) {
    const auto e = estimate_world_memory(sc);
    const bool given = max_bytes > 0;
    const double limit = static_cast<double>(given ? max_bytes : available_bytes());
    char counts[160];
    std::snprintf(counts, sizeof counts, "%.3g workers (%zu bytes each) and %.3g firms (%zu bytes each)", e.workers,
                  worker_store{}.bytes_per_worker(), e.firms, firm_store::bytes_per_firm());
    // Worker ids are 32-bit: more agents than that cannot be told apart.
    if (e.workers >= static_cast<double>(std::numeric_limits<std::uint32_t>::max()))
        throw input_error(sc.source_path + ": the scenario has " + counts +
                          ", over the 4.29e9 agents a run can hold; lower `scale`");
    if (e.bytes <= limit) return;
    throw input_error(sc.source_path + ": the world would need about " + gib(e.bytes) + " (" + counts +
                      ", doubled for growth and scratch); " + gib(limit) +
                      (given ? " allowed (--max-memory)" : " of memory is available") +
                      "; lower `scale` or the labour force");
}

}  // namespace laborsim
