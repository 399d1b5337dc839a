#include <catch2/catch.hpp>

#include <sched.h>

#include <cstdlib>

#include "util/cpu_budget.hpp"

using namespace laborsim;

TEST_CASE("cores: the affinity mask, capped by SLURM_CPUS_PER_TASK", "[util]") {
    CHECK(cores_from(8, std::nullopt, 64) == 8);   // a cpuset of 8 on a 64-core node
    CHECK(cores_from(8, 2, 64) == 2);              // Slurm gave the task 2
    CHECK(cores_from(2, 8, 64) == 2);              // binding tighter than the request
    CHECK(cores_from(0, std::nullopt, 16) == 16);  // affinity unknown
    CHECK(cores_from(0, std::nullopt, 0) == 1);
}

TEST_CASE("available_cores follows this process's affinity mask and SLURM_CPUS_PER_TASK", "[util]") {
    cpu_set_t set;
    CPU_ZERO(&set);
    REQUIRE(sched_getaffinity(0, sizeof set, &set) == 0);
    const char* old = std::getenv("SLURM_CPUS_PER_TASK");
    const std::string saved = old ? old : "";
    unsetenv("SLURM_CPUS_PER_TASK");
    CHECK(available_cores() == CPU_COUNT(&set));
    setenv("SLURM_CPUS_PER_TASK", "1", 1);
    CHECK(available_cores() == 1);
    if (old) setenv("SLURM_CPUS_PER_TASK", saved.c_str(), 1);
    else unsetenv("SLURM_CPUS_PER_TASK");
}
