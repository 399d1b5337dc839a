// Bottom-k sampling by a keyed hash: a worker is in the panel when its key is among the
// `count` smallest. Only keys below a threshold sized for about 1.2 x count are gathered,
// so memory stays proportional to the panel, not to the population.
#include "model/panel_sample.hpp"

#include <algorithm>
#include <tuple>

#include "core/draw_slots.hpp"
#include "core/parallel.hpp"

namespace laborsim {

namespace {

std::uint64_t panel_key(const world& w, std::uint32_t id) {
    const auto k = w.rng.words(draws::panel::sample_key, 0, id);
    return (static_cast<std::uint64_t>(k[0]) << 32) | k[1];
}

}  // namespace

void mark_panel(world& w, std::int64_t count) {
    auto& ws = w.workers;
    const std::size_t n = ws.size();
    if (count <= 0 || n == 0) return;
    const auto want = static_cast<std::size_t>(std::min<std::int64_t>(count, static_cast<std::int64_t>(n)));
    struct candidate {
        std::uint64_t key;
        std::uint32_t index;
    };
    std::vector<candidate> cands;
    // Keys are uniform on [0, 2^64): a threshold at share q keeps about q n workers.
    for (double share = 1.2 * static_cast<double>(want) / static_cast<double>(n) + 1e-9;; share *= 2) {
        const std::uint64_t threshold =
            share >= 1.0 ? ~std::uint64_t{0} : static_cast<std::uint64_t>(share * 18446744073709551615.0);
        cands = gather_blocks<candidate>(n, w.block_size, [&](std::size_t b, std::size_t e, auto& out) {
            for (std::size_t i = b; i < e; ++i) {
                const auto key = panel_key(w, ws.id[i]);
                if (key <= threshold) out.push_back({key, static_cast<std::uint32_t>(i)});
            }
        });
        if (cands.size() >= want || share >= 1.0) break;
    }
    // Ties in the 64-bit key are broken by id, so the sample is unique.
    std::nth_element(cands.begin(), cands.begin() + static_cast<std::ptrdiff_t>(want - 1), cands.end(),
                     [&](const candidate& a, const candidate& b) {
                         return std::tie(a.key, ws.id[a.index]) < std::tie(b.key, ws.id[b.index]);
                     });
    for (std::size_t c = 0; c < want; ++c) ws.set(cands[c].index, worker_flag::panel, true);
}

}  // namespace laborsim
