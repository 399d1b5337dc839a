#include "util/cpu_budget.hpp"

#include <sched.h>

#include <algorithm>
#include <cstdlib>
#include <thread>

namespace laborsim {

namespace {

int affinity_cores() {
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) != 0) return 0;
    return CPU_COUNT(&set);
}

std::optional<int> slurm_cpus_per_task() {
    const char* v = std::getenv("SLURM_CPUS_PER_TASK");
    if (v == nullptr || *v == '\0') return std::nullopt;
    char* end = nullptr;
    const long n = std::strtol(v, &end, 10);
    if (*end != '\0' || n < 1) return std::nullopt;
    return static_cast<int>(n);
}

}  // namespace

int cores_from(int affinity, std::optional<int> slurm_cpus, int hardware) {
    int cores = affinity > 0 ? affinity : std::max(1, hardware);
    if (slurm_cpus && *slurm_cpus > 0) cores = std::min(cores, *slurm_cpus);
    return std::max(1, cores);
}

int available_cores() {
    return cores_from(affinity_cores(), slurm_cpus_per_task(), static_cast<int>(std::thread::hardware_concurrency()));
}

}  // namespace laborsim
