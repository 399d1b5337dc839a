// Blocked parallel loops whose results never depend on the thread count or block size:
// bodies write disjoint slots, counts are integer sums, gathered lists come back in
// ascending index order.
#pragma once
#include <tbb/blocked_range.h>
#include <tbb/combinable.h>
#include <tbb/parallel_for.h>

#include <cstdint>
#include <vector>

namespace laborsim {

// body(begin, end) over [0, n) in blocks of at most `block` items.
template <class Body>
void for_blocks(std::size_t n, std::size_t block, Body&& body) {
    if (n == 0) return;
    tbb::parallel_for(
        tbb::blocked_range<std::size_t>(0, n, block),
        [&](const tbb::blocked_range<std::size_t>& r) { body(r.begin(), r.end()); }, tbb::simple_partitioner());
}

// Integer counters summed over blocks: body(begin, end, std::int64_t* counts) adds into
// `width` counters. Integer addition makes the total independent of the split.
template <class Body>
std::vector<std::int64_t> count_blocks(std::size_t n, std::size_t block, std::size_t width, Body&& body) {
    tbb::combinable<std::vector<std::int64_t>> local([width] { return std::vector<std::int64_t>(width, 0); });
    for_blocks(n, block, [&](std::size_t b, std::size_t e) { body(b, e, local.local().data()); });
    std::vector<std::int64_t> total(width, 0);
    local.combine_each([&](const std::vector<std::int64_t>& v) {
        for (std::size_t i = 0; i < width; ++i) total[i] += v[i];
    });
    return total;
}

// Collects items in ascending index order: body(begin, end, std::vector<T>& out) appends
// the items of its range in order.
template <class T, class Body>
std::vector<T> gather_blocks(std::size_t n, std::size_t block, Body&& body) {
    const std::size_t blocks = n == 0 ? 0 : (n + block - 1) / block;
    std::vector<std::vector<T>> parts(blocks);
    tbb::parallel_for(std::size_t{0}, blocks, [&](std::size_t k) {
        const std::size_t b = k * block;
        const std::size_t e = b + block < n ? b + block : n;
        body(b, e, parts[k]);
    });
    std::size_t total = 0;
    for (const auto& p : parts) total += p.size();
    std::vector<T> out;
    out.reserve(total);
    for (auto& p : parts) out.insert(out.end(), p.begin(), p.end());
    return out;
}

}  // namespace laborsim
