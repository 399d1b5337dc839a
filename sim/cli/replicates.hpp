// `laborsim run SCENARIO --replicates N`: N runs with seeds replicate_seed(seed, k), one
// HDF5 file each, in a run folder with a manifest (docs/compare.md).
#pragma once
#include <cstddef>
#include <string>

#include "laborsim/scenario.hpp"

namespace laborsim {

struct replicate_request {
    scenario sc;  // loaded, with any --seed already applied
    int replicates = 1;
    std::string folder;  // empty: results/<name>/
    int threads = 0;     // 0: all cores; every replicate uses them all
    std::size_t block_size = 16384;
    bool quiet = false;
    bool force = false;  // rerun finished replicates and replace other scenarios' files
};

int run_replicates(const replicate_request& rq);

}  // namespace laborsim
