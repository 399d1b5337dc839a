// Philox4x32-10 for a run of agents at once: the same words as counter_rng::words, for up
// to draw_chunk consecutive agents, computed 16 (AVX-512) or 8 (AVX2) lanes at a time.
// Per-worker phases draw a chunk's words before its loop, which costs about a third of
// calling the generator worker by worker with AVX-512 (1.9 vs 5.5 ns; docs/performance.md).
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>

#include "core/rng.hpp"

namespace laborsim {

inline constexpr std::size_t draw_chunk = 256;

// Words k = 0..3 of agent j of the chunk: w[k][j].
struct draw_words {
    alignas(64) std::uint32_t w[4][draw_chunk];
    [[nodiscard]] std::uint32_t word(std::size_t j, std::size_t k) const { return w[k][j]; }
    [[nodiscard]] double unit(std::size_t j, std::size_t k) const { return counter_rng::to_unit(w[k][j]); }
};

enum class simd_path { scalar, avx2, avx512 };

// The widest path this CPU runs (checked once).
[[nodiscard]] simd_path best_simd_path();
[[nodiscard]] const char* simd_path_name(simd_path p);

// words(stream, month, ids[j], draw) for j < n (n <= draw_chunk) into out, by `path`
// (which must run on this CPU; tests compare every path with Random123).
void philox_words(simd_path path, std::uint64_t seed, rng_stream stream, std::uint32_t month, std::uint32_t draw,
                  const std::uint32_t* ids, std::size_t n, draw_words& out);

// Runs body(i, d, j) for every i in [b, e) with d.word(j, k) = words(stream, month, ids[i], draw)[k].
template <class Body>
void for_each_drawn(const counter_rng& rng, rng_stream stream, std::uint32_t month, std::uint32_t draw,
                    const std::uint32_t* ids, std::size_t b, std::size_t e, Body&& body) {
    const simd_path path = best_simd_path();
    draw_words d;
    for (std::size_t c = b; c < e; c += draw_chunk) {
        const std::size_t n = std::min(draw_chunk, e - c);
        philox_words(path, rng.seed(), stream, month, draw, ids + c, n, d);
        for (std::size_t j = 0; j < n; ++j) body(c + j, d, j);
    }
}

// The same for the agents that keep(i) selects, drawing for them only: an agent's words
// depend on its id alone, so the kept agents get exactly the words for_each_drawn gives them
// and skipping the others changes nothing but the time. keep(i) reads agent i's own state
// before body(i) runs, as a test at the top of the body would.
template <class Keep, class Body>
void for_each_drawn_if(const counter_rng& rng, draw_slot slot, std::uint32_t month, const std::uint32_t* ids,
                       std::size_t b, std::size_t e, Keep&& keep, Body&& body) {
    const simd_path path = best_simd_path();
    draw_words d;
    std::size_t picked[draw_chunk];
    std::uint32_t picked_ids[draw_chunk];
    std::size_t n = 0;
    auto flush = [&] {
        philox_words(path, rng.seed(), slot.stream, month, slot.index, picked_ids, n, d);
        for (std::size_t j = 0; j < n; ++j) body(picked[j], d, j);
        n = 0;
    };
    for (std::size_t i = b; i < e; ++i) {  // without a branch on keep(i): half would be mispredicted
        picked[n] = i;
        picked_ids[n] = ids[i];
        n += keep(i) ? 1 : 0;
        if (n == draw_chunk) flush();
    }
    if (n > 0) flush();
}

// The same, at a named slot.
template <class Body>
void for_each_drawn(const counter_rng& rng, draw_slot slot, std::uint32_t month, const std::uint32_t* ids,
                    std::size_t b, std::size_t e, Body&& body) {
    for_each_drawn(rng, slot.stream, month, slot.index, ids, b, e, std::forward<Body>(body));
}

}  // namespace laborsim
