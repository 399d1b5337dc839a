// How many cores this process may use on a shared node: the CPU affinity mask (what
// taskset, a cgroup cpuset or Slurm's task binding leave us), capped by Slurm's
// SLURM_CPUS_PER_TASK (a cluster without task binding sets only that). Not
// hardware_concurrency(), which counts every core of the machine.
#pragma once
#include <optional>

namespace laborsim {

// At least 1.
int available_cores();

// The rule, for tests: affinity_cores (0: unknown) capped by a positive
// slurm_cpus_per_task; hardware_cores when neither is known.
int cores_from(int affinity_cores, std::optional<int> slurm_cpus_per_task, int hardware_cores);

}  // namespace laborsim
