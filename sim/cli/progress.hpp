// A progress line on stderr: months done, worker-months per second, ETA.
#pragma once
#include <memory>

#include "laborsim/engine.hpp"

namespace laborsim {
std::unique_ptr<run_observer> make_progress_observer(int total_months);
}
