// The sweep spec schema: every key a sweep file may hold, in the same form as the
// scenario schema so the same typed, located reader checks it.
#pragma once
#include <vector>

#include "scenario/schema.hpp"

namespace laborsim {

// Sections "sweep" (the top level), "sampling", "parameter", "outcomes".
const std::vector<section_spec>& sweep_schema();
const section_spec& sweep_section(std::string_view name);

}  // namespace laborsim
