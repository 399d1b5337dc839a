// The panel: a random sample of the initial workers that the output follows monthly.
#pragma once
#include <cstdint>

#include "model/world.hpp"

namespace laborsim {

// Flags `count` workers (all of them if fewer) with worker_flag::panel: those with the
// smallest keys philox(seed, panel stream, id), a uniform sample without replacement that
// depends only on the seed and the ids, never on threads or block size.
void mark_panel(world& w, std::int64_t count);

}  // namespace laborsim
