// Latin hypercube samples: in every dimension each of the N equal strata of [0, 1) holds
// exactly one of the N points.
#pragma once
#include <cstdint>
#include <vector>

namespace laborsim {

// points[i][j] for point i, dimension j. A pure function of (points, dimensions, seed):
// the permutation of strata and the position inside each stratum come from Philox draws
// keyed by the seed, the dimension and the point.
std::vector<std::vector<double>> latin_hypercube(int points, int dimensions, std::uint64_t seed);

}  // namespace laborsim
