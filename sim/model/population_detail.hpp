// Parts of population.cpp that phases use inside parallel loops.
#pragma once
#include <cstdint>

namespace laborsim {

struct world;

// Sends worker i abroad on a programme without counting the flow; safe in a parallel loop
// over distinct workers (job and seat counters are decremented atomically).
void depart_abroad(world& w, std::size_t i, std::uint32_t program);

}  // namespace laborsim
