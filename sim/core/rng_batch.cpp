// Philox4x32-10 over lanes of agents. Each round multiplies two counter words by the
// Philox constants; the 32x32->64 products come from _mm*_mul_epu32 on the even lanes and
// on the odd lanes shifted down, then the high and low halves are blended back per lane.
#include "core/rng_batch.hpp"

#include <immintrin.h>

// GCC 12's own avx512fintrin.h trips -Wmaybe-uninitialized (_mm512_undefined_* in the
// set1/mul intrinsics): a known false positive of the header, not of this file.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"

namespace laborsim {

namespace {

constexpr std::uint32_t m0 = 0xD2511F53u, m1 = 0xCD9E8D57u;  // Philox multipliers
constexpr std::uint32_t w0 = 0x9E3779B9u, w1 = 0xBB67AE85u;  // key schedule (Weyl)
constexpr int rounds = 10;

struct lanes_in {
    std::uint32_t k0, k1, c1, c2, c3;
};

lanes_in inputs(std::uint64_t seed, rng_stream stream, std::uint32_t month, std::uint32_t draw) {
    return {static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32), month,
            static_cast<std::uint32_t>(stream), draw};
}

// The reference: Random123's generator, agent by agent.
void words_scalar(const counter_rng& rng, rng_stream stream, std::uint32_t month, std::uint32_t draw,
                  const std::uint32_t* ids, std::size_t n, draw_words& out) {
    for (std::size_t j = 0; j < n; ++j) {
        const auto x = rng.words(stream, month, ids[j], draw);
        for (std::size_t k = 0; k < 4; ++k) out.w[k][j] = x[k];
    }
}

// 32x32->64 products of every lane with m: low halves in lo, high halves in hi.
__attribute__((target("avx2"))) inline void mulhilo(__m256i a, __m256i m, __m256i& hi, __m256i& lo) {
    const __m256i even = _mm256_mul_epu32(a, m);
    const __m256i odd = _mm256_mul_epu32(_mm256_srli_epi64(a, 32), m);
    lo = _mm256_blend_epi32(even, _mm256_slli_epi64(odd, 32), 0xAA);
    hi = _mm256_blend_epi32(_mm256_srli_epi64(even, 32), odd, 0xAA);
}

__attribute__((target("avx2"))) void words_avx2(const lanes_in& in, const std::uint32_t* ids, std::size_t n,
                                                draw_words& out) {
    const __m256i M0 = _mm256_set1_epi32(static_cast<int>(m0)), M1 = _mm256_set1_epi32(static_cast<int>(m1));
    alignas(32) std::uint32_t tail[8] = {};
    for (std::size_t j = 0; j < n; j += 8) {
        const std::uint32_t* src = ids + j;
        if (n - j < 8) {
            std::copy(ids + j, ids + n, tail);
            src = tail;
        }
        __m256i x0 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(src));
        __m256i x1 = _mm256_set1_epi32(static_cast<int>(in.c1)), x2 = _mm256_set1_epi32(static_cast<int>(in.c2)),
                x3 = _mm256_set1_epi32(static_cast<int>(in.c3));
        std::uint32_t a = in.k0, b = in.k1;
        for (int r = 0; r < rounds; ++r) {
            __m256i hi0, lo0, hi1, lo1;
            mulhilo(x0, M0, hi0, lo0);
            mulhilo(x2, M1, hi1, lo1);
            x0 = _mm256_xor_si256(_mm256_xor_si256(hi1, x1), _mm256_set1_epi32(static_cast<int>(a)));
            x2 = _mm256_xor_si256(_mm256_xor_si256(hi0, x3), _mm256_set1_epi32(static_cast<int>(b)));
            x1 = lo1;
            x3 = lo0;
            a += w0;
            b += w1;
        }
        // The arrays are draw_chunk long, a multiple of 8, so the last lanes stay in bounds.
        _mm256_store_si256(reinterpret_cast<__m256i*>(&out.w[0][j]), x0);
        _mm256_store_si256(reinterpret_cast<__m256i*>(&out.w[1][j]), x1);
        _mm256_store_si256(reinterpret_cast<__m256i*>(&out.w[2][j]), x2);
        _mm256_store_si256(reinterpret_cast<__m256i*>(&out.w[3][j]), x3);
    }
}

__attribute__((target("avx512f"))) inline void mulhilo(__m512i a, __m512i m, __m512i& hi, __m512i& lo) {
    const __m512i even = _mm512_mul_epu32(a, m);
    const __m512i odd = _mm512_mul_epu32(_mm512_srli_epi64(a, 32), m);
    lo = _mm512_mask_blend_epi32(0xAAAA, even, _mm512_slli_epi64(odd, 32));
    hi = _mm512_mask_blend_epi32(0xAAAA, _mm512_srli_epi64(even, 32), odd);
}

__attribute__((target("avx512f"))) void words_avx512(const lanes_in& in, const std::uint32_t* ids, std::size_t n,
                                                     draw_words& out) {
    const __m512i M0 = _mm512_set1_epi32(static_cast<int>(m0)), M1 = _mm512_set1_epi32(static_cast<int>(m1));
    constexpr int V = 2;  // vectors in flight: a round's latency chain is long, so interleave two
    auto lane_mask = [n](std::size_t j) {
        return static_cast<__mmask16>(j >= n ? 0u : n - j >= 16 ? 0xFFFFu : (1u << (n - j)) - 1u);
    };
    for (std::size_t j = 0; j < n; j += 16 * V) {
        __m512i x0[V], x1[V], x2[V], x3[V];
        for (int v = 0; v < V; ++v) {
            x0[v] = _mm512_maskz_loadu_epi32(lane_mask(j + 16 * v), ids + j + 16 * v);
            x1[v] = _mm512_set1_epi32(static_cast<int>(in.c1));
            x2[v] = _mm512_set1_epi32(static_cast<int>(in.c2));
            x3[v] = _mm512_set1_epi32(static_cast<int>(in.c3));
        }
        std::uint32_t a = in.k0, b = in.k1;
        for (int r = 0; r < rounds; ++r) {
            const __m512i ka = _mm512_set1_epi32(static_cast<int>(a)), kb = _mm512_set1_epi32(static_cast<int>(b));
            for (int v = 0; v < V; ++v) {
                __m512i hi0, lo0, hi1, lo1;
                mulhilo(x0[v], M0, hi0, lo0);
                mulhilo(x2[v], M1, hi1, lo1);
                x0[v] = _mm512_ternarylogic_epi32(hi1, x1[v], ka, 0x96);  // a ^ b ^ c
                x2[v] = _mm512_ternarylogic_epi32(hi0, x3[v], kb, 0x96);
                x1[v] = lo1;
                x3[v] = lo0;
            }
            a += w0;
            b += w1;
        }
        // The arrays are draw_chunk long, a multiple of 32, so whole vectors stay in bounds.
        for (int v = 0; v < V; ++v) {
            _mm512_store_si512(&out.w[0][j + 16 * v], x0[v]);
            _mm512_store_si512(&out.w[1][j + 16 * v], x1[v]);
            _mm512_store_si512(&out.w[2][j + 16 * v], x2[v]);
            _mm512_store_si512(&out.w[3][j + 16 * v], x3[v]);
        }
    }
}

}  // namespace

simd_path best_simd_path() {
    static const simd_path best = [] {
        __builtin_cpu_init();
        if (__builtin_cpu_supports("avx512f")) return simd_path::avx512;
        if (__builtin_cpu_supports("avx2")) return simd_path::avx2;
        return simd_path::scalar;
    }();
    return best;
}

const char* simd_path_name(simd_path p) {
    switch (p) {
        case simd_path::avx512: return "avx512";
        case simd_path::avx2: return "avx2";
        case simd_path::scalar: break;
    }
    return "scalar";
}

void philox_words(simd_path path, std::uint64_t seed, rng_stream stream, std::uint32_t month, std::uint32_t draw,
                  const std::uint32_t* ids, std::size_t n, draw_words& out) {
    const auto in = inputs(seed, stream, month, draw);
    switch (path) {
        case simd_path::avx512: words_avx512(in, ids, n, out); return;
        case simd_path::avx2: words_avx2(in, ids, n, out); return;
        case simd_path::scalar: break;
    }
    words_scalar(counter_rng(seed), stream, month, draw, ids, n, out);
}

}  // namespace laborsim
